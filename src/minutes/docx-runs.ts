// Text runs for Word: a span is cut where its script changes, so Arabic goes in runs marked RTL (w:rtl,
// the complex-script font and size) and Latin text in ordinary runs, and Word's bidi algorithm then
// orders mixed Arabic, Latin and numbers as a reader expects. The cutting is decided in
// docx-primitives.ts (runSpecs); this draws a run with the docx package.
import { HighlightColor, TextRun } from 'docx';
import type { MinutesDocument, Span } from './model';
import { runSpecs, type RunSpec, type RunStyle } from './docx-primitives';
import { latinInArabic, splitByScript } from './script-split';

export { latinInArabic, splitByScript };
export type { RunStyle };

/** One run as a docx TextRun (the XML writer, docx-xml.ts, writes the same run as a string). */
export function textRun(r: RunSpec): TextRun {
  return new TextRun({
    text: r.text,
    ...(r.rtl ? { rightToLeft: true } : {}),
    font: r.font,
    language: { value: r.lang, bidirectional: 'ar-SA' },
    ...(r.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(r.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(r.highlight ? { highlight: HighlightColor.YELLOW } : {}),
    ...(r.size ? { size: r.size } : {}),
    ...(r.sizeCs ? { sizeComplexScript: r.sizeCs } : {}),
    ...(r.color ? { color: r.color } : {}),
  });
}

export function runsFor(doc: MinutesDocument, span: Span, style?: Partial<RunStyle>): TextRun[] {
  return runSpecs(doc, span, style).map(textRun);
}
