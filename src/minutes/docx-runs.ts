// Text runs for Word: a span is cut where its script changes, so Arabic goes in runs marked RTL (w:rtl,
// the complex-script font and size) and Latin text in ordinary runs, and Word's bidi algorithm then
// orders mixed Arabic, Latin and numbers as a reader expects.
import { HighlightColor, TextRun } from 'docx';
import type { MinutesDocument, Span } from './model';
import { minutesWording } from '../i18n/minutes';
import { latinInArabic, splitByScript } from './script-split';

type Script = 'arabic' | 'latin';

export { latinInArabic, splitByScript };

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
        text: !rtl && base === 'arabic' ? latinInArabic(seg.text) : seg.text,
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
