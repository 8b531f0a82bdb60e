// Text runs for Word: a span is cut where its script changes, so Arabic goes in runs marked RTL (w:rtl,
// the complex-script font and size) and Latin text in ordinary runs, and Word's bidi algorithm then
// orders mixed Arabic, Latin and numbers as a reader expects.
import { HighlightColor, TextRun } from 'docx';
import type { MinutesDocument, Span } from './model';
import { minutesWording } from '../i18n/minutes';

type Script = 'arabic' | 'latin';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const LATIN = /[A-Za-z\u00c0-\u024f]/;

/** The one strong script of the word (no whitespace) around position i, if it has exactly one. */
function wordScript(chars: string[], strong: (Script | null)[], i: number): Script | null {
  const scripts = new Set<Script>();
  for (let j = i; j >= 0 && !/\s/.test(chars[j]!); j--) if (strong[j]) scripts.add(strong[j]!);
  for (let j = i + 1; j < chars.length && !/\s/.test(chars[j]!); j++) if (strong[j]) scripts.add(strong[j]!);
  return scripts.size === 1 ? [...scripts][0]! : null;
}

/**
 * Segments by strong script. A neutral character (digit, punctuation) inside a word goes with that word's
 * letters, so "ISO 9001" or a fingerprint group "9f31" stays in one run; other neutrals (spaces...) between
 * two letters of the same script stay with them; elsewhere they take the paragraph's own direction.
 */
export function splitByScript(text: string, base: Script): { text: string; script: Script }[] {
  const chars = [...text];
  const strong = chars.map((ch) => (ARABIC.test(ch) ? 'arabic' : LATIN.test(ch) ? 'latin' : null));
  const resolved: Script[] = [];
  for (let i = 0; i < chars.length; i++) {
    const own = strong[i] ?? (/\s/.test(chars[i]!) ? null : wordScript(chars, strong, i));
    if (own) {
      resolved.push(own);
      continue;
    }
    let prev: Script | null = null;
    for (let j = i - 1; j >= 0 && !prev; j--) prev = strong[j] ?? null;
    let next: Script | null = null;
    for (let j = i + 1; j < chars.length && !next; j++) next = strong[j] ?? null;
    resolved.push(prev && prev === next ? prev : base);
  }
  const out: { text: string; script: Script }[] = [];
  chars.forEach((ch, i) => {
    const script = resolved[i]!;
    const last = out[out.length - 1];
    if (last && last.script === script) last.text += ch;
    else out.push({ text: ch, script });
  });
  return out;
}

export interface RunStyle {
  size: number; // half-points
  sizeCs: number;
  color?: string;
}

export function runsFor(doc: MinutesDocument, span: Span, style?: Partial<RunStyle>): TextRun[] {
  const base: Script = doc.dir === 'rtl' ? 'arabic' : 'latin';
  const runs: TextRun[] = [];
  if (span.untranslated) {
    runs.push(...runsFor(doc, { text: `${minutesWording(doc.lang).untranslated} `, lang: doc.lang, italic: true }, style));
  }
  for (const seg of splitByScript(span.text, base)) {
    const rtl = seg.script === 'arabic';
    runs.push(
      new TextRun({
        text: seg.text,
        ...(rtl ? { rightToLeft: true } : {}),
        font: rtl
          ? { ascii: doc.fonts.arabic, hAnsi: doc.fonts.arabic, cs: doc.fonts.arabic }
          : { ascii: doc.fonts.latin, hAnsi: doc.fonts.latin, cs: doc.fonts.arabic },
        language: rtl ? { value: 'ar-SA', bidirectional: 'ar-SA' } : { value: span.lang === 'fr' ? 'fr-FR' : 'en-GB', bidirectional: 'ar-SA' },
        ...(span.bold ? { bold: true, boldComplexScript: true } : {}),
        ...(span.italic ? { italics: true, italicsComplexScript: true } : {}),
        ...(span.untranslated ? { highlight: HighlightColor.YELLOW } : {}),
        ...(style?.size ? { size: style.size } : {}),
        ...(style?.sizeCs ? { sizeComplexScript: style.sizeCs } : {}),
        ...(style?.color ? { color: style.color } : {}),
      }),
    );
  }
  return runs;
}
