// Before the session: the annotated provisional agenda (each item, in order, with its documents and who
// presents it) and the list of documents (each document symbol with the item it belongs to). Pure.
import type { AgendaItemRow } from '../bundle/schema';
import { heading } from '../minutes/build-model';
import type { Block, Inline, MinutesDocument, TableCell } from '../minutes/model';
import type { MinutesRecord } from '../minutes/record';
import { around, HOLE, nameText, para, pick, span, translated } from '../minutes/text';
import { documentContext, frame, type DocumentContext, type DocumentOptions } from './frame';
import { languageAndVersion, storedDocumentsOf, workingDocumentsTable } from './working-table';

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
    if (item.presenter.trim()) blocks.push(para([span(d.presenter, lang, { bold: true }), translated(item.presenter, { en: item.presenterEn, fr: item.presenterFr }, lang)]));
    // The stored working documents, each with its title, language and version; then the symbols the
    // item names without a stored file.
    const stored = storedDocumentsOf(c, item);
    const refs = documentRefs(item).filter((r) => !stored.some((s) => s.symbol === r));
    // Symbols are never translated: their script gives their direction.
    const docs: Inline = refs.flatMap((r, i) => (i ? [span(sep, lang), nameText(r, lang)] : [nameText(r, lang)]));
    if (!refs.length && !stored.length) blocks.push(para([span(d.noDocuments, lang)], 'note'));
    if (stored.length && !refs.length) blocks.push(para([span(d.documents.trim(), lang, { bold: true })]));
    for (const s of stored) {
      const dash = span(' — ', lang);
      const title: Inline = s.title.trim() ? [dash, nameText(s.title, lang)] : [];
      blocks.push(para([nameText(s.symbol, lang), ...title, span(` (${languageAndVersion(c, s)})`, lang)]));
    }
    if (refs.length) blocks.push(para([span(d.documents, lang, { bold: true }), ...docs]));
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
  // With working documents stored, the table says each one's title, language and version.
  const working = c.record.workingDocuments?.length ? workingDocumentsTable(c, documentRefs) : null;
  if (working) blocks.push(working);
  else if (!rows.length) blocks.push(para([span(d.noDocuments, lang)], 'note'));
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
