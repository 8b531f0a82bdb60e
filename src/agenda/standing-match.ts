// A top-level item typed by hand with the very title of a standing item of the template (e.g. "إقرار جدول
// الأعمال") IS that standing item: linked to it, so the minutes state the agenda's adoption under it instead
// of "not considered" beside the adoption (issue 11). Only the adoption of the agenda is linked: it is the
// one standing item the record says something of by itself. Pure.
import type { AgendaTemplate } from './schema';

export const LINKED_STANDING_KEYS = ['adoption_of_agenda'] as const;

/** Compared without case, tatweel, Arabic short vowels, spaces or punctuation at the ends. */
export function normaliseTitle(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.:\-–—]+|[\s.:\-–—]+$/g, '')
    .toLowerCase();
}

/** The standing item whose title the typed title repeats in any language, with its titles, or null. */
export function standingItemFor(
  template: AgendaTemplate,
  title: { ar: string; en: string; fr: string },
): AgendaTemplate['items'][number] | null {
  for (const item of template.items) {
    if (!(LINKED_STANDING_KEYS as readonly string[]).includes(item.key)) continue;
    const same = (['ar', 'en', 'fr'] as const).some((l) => title[l].trim() !== '' && normaliseTitle(title[l]) === normaliseTitle(item.title[l]));
    if (same) return item;
  }
  return null;
}
