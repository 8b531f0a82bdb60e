// The working documents stored with the session (src/working-documents) as the documents and the
// minutes print them: symbol, item, title, language, version, in agenda order. Symbols and titles are
// never translated: their script gives their direction. Pure.
import type { AgendaItemRow } from '../bundle/schema';
import { documentsWording } from '../i18n/documents';
import type { BuildContext } from '../minutes/build-model';
import type { Block, Inline, TableCell } from '../minutes/model';
import type { WorkingDocumentEntry } from '../minutes/record';
import { nameText, pick, span } from '../minutes/text';

const cell = (content: Inline, center = false): TableCell => (center ? { content, center } : { content });

/** The item's stored documents (by symbol, language, version). */
export function storedDocumentsOf(c: BuildContext, item: AgendaItemRow): WorkingDocumentEntry[] {
  return (c.record.workingDocuments ?? []).filter((d) => d.agendaItemId === item.id);
}

/** "Arabic, version 2" in the document's language. */
export function languageAndVersion(c: BuildContext, doc: WorkingDocumentEntry): string {
  const d = documentsWording(c.lang);
  return `${d.languageName[doc.language]}${c.lang === 'ar' ? '، ' : ', '}${d.version(c.num(doc.version))}`;
}

/**
 * The table of stored documents, and of symbols an item names without a stored file (`refsOf`, when
 * given: language and version left empty). Null when there is no row.
 */
export function workingDocumentsTable(c: BuildContext, refsOf?: (item: AgendaItemRow) => string[]): Block | null {
  const { lang } = c;
  const d = documentsWording(lang);
  const itemTitle = (item: AgendaItemRow) => pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, lang, c.original);
  const rows: TableCell[][] = [];
  for (const item of c.itemsInOrder) {
    const n = c.itemNumbers.get(item.id) ?? '';
    const stored = storedDocumentsOf(c, item);
    for (const doc of stored) {
      rows.push([
        cell([nameText(doc.symbol, lang)]),
        cell([span(n, lang)], true),
        cell([doc.title.trim() ? nameText(doc.title, lang) : itemTitle(item)]),
        cell([span(d.languageName[doc.language], lang)], true),
        cell([span(c.num(doc.version), lang)], true),
      ]);
    }
    const symbols = new Set(stored.map((x) => x.symbol));
    for (const ref of refsOf?.(item) ?? []) {
      if (!symbols.has(ref)) rows.push([cell([nameText(ref, lang)]), cell([span(n, lang)], true), cell([itemTitle(item)]), cell([]), cell([])]);
    }
  }
  if (!rows.length) return null;
  const t = d.workingTable;
  return {
    kind: 'table',
    widths: [3, 1, 6, 2, 1.4],
    header: [t.symbol, t.item, t.title, t.language, t.version].map((x) => cell([span(x, lang, { bold: true })])),
    rows,
  };
}
