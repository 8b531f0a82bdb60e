// Choosing which text to show in the chosen language, and marking what still needs a translator. Pure.
import type { Language } from '../settings/schema';
import type { Block, Inline, Span } from './model';

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;

export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

export interface Localized {
  ar: string;
  en: string;
  fr: string;
}

/** The text in `lang`, or else in the original language (or any language that has it), marked. */
export function pick(value: Localized, lang: Language, original: Language, extra: Partial<Span> = {}): Span {
  const own = value[lang].trim();
  if (own) return { ...extra, text: own, lang };
  const order: Language[] = [original, 'ar', 'en', 'fr'];
  for (const l of order) {
    const t = value[l].trim();
    if (t) return { ...extra, text: t, lang: l, untranslated: true };
  }
  return { ...extra, text: '', lang };
}

/**
 * Free text of one unknown language (a reservation, a referral note...). Its script tells Arabic from
 * Latin; text in the other script from the minutes' is marked for a translator. English and French
 * share a script, so they are taken as they are.
 */
export function freeText(text: string, lang: Language, extra: Partial<Span> = {}): Span {
  const arabic = hasArabic(text);
  if (lang === 'ar') {
    if (!arabic && LATIN_LETTER.test(text)) return { ...extra, text, lang: 'en', untranslated: true };
    return { ...extra, text, lang };
  }
  if (arabic) return { ...extra, text, lang: 'ar', untranslated: true };
  return { ...extra, text, lang };
}

/** A text's English and French forms (migration 0018, src/translations); absent or '' = not translated. */
export interface Forms {
  en?: string;
  fr?: string;
}

/** A person's translated name and title (migration 0018). */
export interface PersonForms {
  fullNameEn?: string;
  fullNameFr?: string;
  titleEn?: string;
  titleFr?: string;
}

/** The form of `text` in `lang` when a translator gave one (Arabic is the original), else `text`. */
export function localText(text: string, forms: Forms, lang: Language): string {
  const own = lang === 'ar' ? '' : (forms[lang] ?? '').trim();
  return own || text;
}

/** Free text with its translations: the form in `lang` when there is one, else the original, marked as freeText marks it. */
export function translated(text: string, forms: Forms, lang: Language, extra: Partial<Span> = {}): Span {
  const own = lang === 'ar' ? '' : (forms[lang] ?? '').trim();
  return own ? { ...extra, text: own, lang } : freeText(text, lang, extra);
}

/** A proper name or other text never translated: its script gives its direction, nothing is marked. */
export function nameText(text: string, lang: Language, extra: Partial<Span> = {}): Span {
  const arabic = hasArabic(text);
  return { ...extra, text, lang: arabic ? 'ar' : lang === 'ar' ? 'en' : lang };
}

export function span(text: string, lang: Language, extra: Partial<Span> = {}): Span {
  return { ...extra, text, lang };
}

export function para(content: Inline, emphasis?: 'decision' | 'note' | 'quote'): Block {
  return emphasis ? { kind: 'paragraph', content, emphasis } : { kind: 'paragraph', content };
}

/** A placeholder in fixed wording where a span of record text (its own language) goes. */
export const HOLE = '\u0000';

/** Fixed wording with HOLE in it, around a span of record text that keeps its own language. */
export function around(worded: string, inner: Span, lang: Language): Inline {
  const [before = '', after = ''] = worded.split(HOLE);
  return [span(before, lang), inner, span(after, lang)].filter((x) => x.text);
}

/**
 * Text cut at its line breaks: each line a paragraph of its own (an intervention or a motion typed in
 * several paragraphs prints as several paragraphs). Blank lines are dropped; a span keeps its marks.
 */
export function lines(content: Inline): Inline[] {
  const out: Inline[] = [[]];
  for (const s of content) {
    const parts = s.text.split(/\r?\n/);
    parts.forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text) out[out.length - 1]!.push({ ...s, text });
    });
  }
  const kept = out.filter((l) => l.some((s) => s.text.trim()));
  return kept.length ? kept : [content.map((s) => ({ ...s, text: s.text.replace(/\r?\n/g, ' ') }))];
}
