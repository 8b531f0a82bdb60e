// Before the session: the convocation letter to the member states (date of the letter, the session's
// venue and dates, the provisional agenda attached as a numbered list of items). Pure.
import type { MinutesDocument } from '../minutes/model';
import type { MinutesRecord } from '../minutes/record';
import { para, pick, span } from '../minutes/text';
import { documentContext, frame, type DocumentOptions } from './frame';

export interface ConvocationOptions extends DocumentOptions {
  /** The letter's date (YYYY-MM-DD): the day it is generated unless given. */
  letterDate?: string;
}

export function buildConvocationDocument(record: MinutesRecord, options: ConvocationOptions): MinutesDocument {
  const c = documentContext(record, options);
  const { d, lang } = c;
  const letterDate = options.letterDate ?? new Date().toISOString().slice(0, 10);
  const top = c.itemsInOrder.filter((i) => i.parentId === null);
  return frame(
    c,
    d.convocationOf,
    [
      para([span(d.letterDate(c.date(letterDate)), lang)]),
      para([span(d.addressee, lang, { bold: true })]),
      para([span(d.convocationBody(c.venue, c.dates), lang)]),
      para([span(d.closingCourtesy, lang)]),
      para([span(d.sender, lang, { bold: true })]),
      { kind: 'heading', level: 2, content: [span(d.convocationAgenda, lang)], anchor: 'agenda' },
      // Numbered paragraphs: the item's number is the marker (a list bullet before it doubled it).
      ...top.map((item) => para([span(`${c.itemNumbers.get(item.id) ?? ''}. `, lang), pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, lang, c.original)])),
    ],
    false,
  );
}
