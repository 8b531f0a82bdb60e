// Before the session: the annotated provisional agenda (each item, in order, with its documents and who
// presents it) and the list of documents (each document symbol with the item it belongs to). Pure.
import type { AgendaItemRow } from '../bundle/schema';
import { heading } from '../minutes/build-model';
import type { Block, Inline, MinutesDocument, TableCell } from '../minutes/model';
import type { MinutesRecord } from '../minutes/record';
import { around, freeText, HOLE, nameText, para, pick, span } from '../minutes/text';
import { documentContext, frame, type DocumentContext, type DocumentOptions } from './frame';

/** The item's document symbols as stored (a damaged list reads as none). */
export function documentRefs(item: AgendaItemRow): string[] {
  try {
    const list = JSON.parse(item.documentRefsJson) as unknown;
    return Array.isArray(list) ? list.map(String).filter((x) => x.trim()) : [];
  } catch {
    return [];
  }
}

const itemTitle = (c: DocumentContext, item: AgendaItemRow) => pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, c.lang, c.original);

export function buildAgendaDocument(record: MinutesRecord, options: DocumentOptions): MinutesDocument {
  const c = documentContext(record, options);
  const { w, d, lang } = c;
  const blocks: Block[] = [para([span(d.agendaIntro, lang)])];
  const sep = lang === 'ar' ? '، ' : ', ';
  for (const item of c.itemsInOrder) {
    const n = c.itemNumbers.get(item.id) ?? '';
    blocks.push(heading(c, item.parentId ? 3 : 2, '', `item-${n}`, around(w.item(n, HOLE), itemTitle(c, item), lang)));
    if (item.presenter.trim()) blocks.push(para([span(d.presenter, lang, { bold: true }), freeText(item.presenter, lang)]));
    const refs = documentRefs(item);
    // Symbols are never translated: their script gives their direction.
    const docs: Inline = refs.flatMap((r, i) => (i ? [span(sep, lang), nameText(r, lang)] : [nameText(r, lang)]));
    blocks.push(refs.length ? para([span(d.documents, lang, { bold: true }), ...docs]) : para([span(d.noDocuments, lang)], 'note'));
  }
  return frame(c, d.agendaOf, blocks, false);
}

export function buildDocumentsListDocument(record: MinutesRecord, options: DocumentOptions): MinutesDocument {
  const c = documentContext(record, options);
  const { d, lang } = c;
  const cell = (content: Inline, center = false): TableCell => (center ? { content, center } : { content });
  const rows: TableCell[][] = [];
  for (const item of c.itemsInOrder) {
    for (const ref of documentRefs(item)) {
      rows.push([cell([nameText(ref, lang)]), cell([span(c.itemNumbers.get(item.id) ?? '', lang)], true), cell([itemTitle(c, item)])]);
    }
  }
  const blocks: Block[] = [para([span(d.documentsListIntro, lang)])];
  if (!rows.length) blocks.push(para([span(d.noDocuments, lang)], 'note'));
  else {
    blocks.push({
      kind: 'table',
      widths: [3, 1, 7],
      header: [d.documentTable.symbol, d.documentTable.item, d.documentTable.title].map((t) => cell([span(t, lang, { bold: true })])),
      rows,
    });
  }
  return frame(c, d.documentsListOf, blocks, false);
}
