// The repetitive blocks of the Word minutes (paragraphs of text, lists, tables) as plain descriptions: a
// paragraph with its properties and runs, a table with its rows and cells. Decided once, here; two writers
// draw them — the docx package's objects (render-docx.ts) and WordprocessingML strings written as docx
// writes them (docx-xml.ts) — and tests/minutes/docx-writers.test.ts holds the two to the same bytes.
// Pure: no docx, no node:*.
import { minutesWording } from '../i18n/minutes';
import type { Block, Inline, MinutesDocument, Span, TableCell } from './model';
import { arabicInLatin, latinInArabic, splitByScript, splitInLatin } from './script-split';
import { lines } from './text';

export const A4 = { width: 11906, height: 16838 };
export const MARGIN = 1134; // 2 cm
export const TEXT_WIDTH = A4.width - 2 * MARGIN;
export const BULLETS = 'council-bullets';

export interface RunStyle {
  size: number; // half-points
  sizeCs: number;
  color?: string;
}

export interface RunSpec {
  text: string;
  rtl: boolean;
  font: { ascii: string; hAnsi: string; cs: string };
  /** w:lang w:val; w:bidi is always ar-SA. */
  lang: 'ar-SA' | 'en-GB' | 'fr-FR';
  bold?: boolean;
  italic?: boolean;
  /** Untranslated text, marked for a translator. */
  highlight?: boolean;
  size?: number;
  sizeCs?: number;
  color?: string;
}

export interface ParagraphSpec {
  kind: 'p';
  style?: string;
  /** The first paragraph of a list item: the bullet (Word's ListParagraph style comes with it). */
  bullet?: boolean;
  keepNext?: boolean;
  bidi: boolean;
  align?: 'both' | 'center';
  runs: RunSpec[];
}

export interface TableSpec {
  kind: 'tbl';
  style: string;
  width: number;
  bidiVisual: boolean;
  columns: number[];
  rows: { header: boolean; cells: { width: number; paragraph: ParagraphSpec }[] }[];
}

export type Primitive = ParagraphSpec | TableSpec;

// One pair of font objects per document, shared by its runs (the XML writer writes each once).
const documentFonts = new WeakMap<MinutesDocument, { arabicFont: RunSpec['font']; latinFont: RunSpec['font'] }>();
function fontsOf(doc: MinutesDocument) {
  let fonts = documentFonts.get(doc);
  if (!fonts || fonts.arabicFont.cs !== doc.fonts.arabic || fonts.latinFont.ascii !== doc.fonts.latin) {
    fonts = {
      arabicFont: { ascii: doc.fonts.arabic, hAnsi: doc.fonts.arabic, cs: doc.fonts.arabic },
      latinFont: { ascii: doc.fonts.latin, hAnsi: doc.fonts.latin, cs: doc.fonts.arabic },
    };
    documentFonts.set(doc, fonts);
  }
  return fonts;
}

/**
 * A span cut into runs by script (Arabic runs RTL in the Arabic font). A run of the other script than the
 * paragraph's is isolated (Latin in Arabic LRI … PDI, Arabic in English or French RLI … PDI), here, once,
 * for both writers of the Word files (render-docx.ts and docx-xml.ts).
 */
export function runSpecs(doc: MinutesDocument, span: Span, style?: Partial<RunStyle>, out: RunSpec[] = []): RunSpec[] {
  const base = doc.dir === 'rtl' ? 'arabic' : 'latin';
  if (span.untranslated) runSpecs(doc, { text: `${minutesWording(doc.lang).untranslated} `, lang: doc.lang, italic: true }, style, out);
  const { arabicFont, latinFont } = fontsOf(doc);
  for (const seg of base === 'arabic' ? splitByScript(span.text, base) : splitInLatin(span.text)) {
    const rtl = seg.script === 'arabic';
    const run: RunSpec = {
      text: !rtl && base === 'arabic' ? latinInArabic(seg.text) : rtl && base === 'latin' ? arabicInLatin(seg.text) : seg.text,
      rtl,
      font: rtl ? arabicFont : latinFont,
      lang: rtl ? 'ar-SA' : span.lang === 'fr' ? 'fr-FR' : 'en-GB',
    };
    if (span.bold) run.bold = true;
    if (span.italic) run.italic = true;
    if (span.untranslated) run.highlight = true;
    if (style?.size) run.size = style.size;
    if (style?.sizeCs) run.sizeCs = style.sizeCs;
    if (style?.color) run.color = style.color;
    out.push(run);
  }
  return out;
}

export function inlineRuns(doc: MinutesDocument, content: Inline, style?: Partial<RunStyle>): RunSpec[] {
  const out: RunSpec[] = [];
  for (const s of content) runSpecs(doc, s, style, out);
  return out;
}

function paragraph(doc: MinutesDocument, runs: RunSpec[], props: Omit<ParagraphSpec, 'kind' | 'bidi' | 'runs'>): ParagraphSpec {
  return { kind: 'p', bidi: doc.dir === 'rtl', runs, ...props };
}

const EMPHASIS_STYLE = { decision: 'CouncilDecision', note: 'CouncilNote', quote: 'CouncilQuote' } as const;

/**
 * The primitives of a paragraph, list or table block; null for the blocks docx builds itself (title,
 * headings with their bookmarks, table of contents, signatures, page breaks).
 */
export function blockPrimitives(doc: MinutesDocument, block: Block): Primitive[] | null {
  switch (block.kind) {
    case 'paragraph': {
      const style = block.emphasis ? EMPHASIS_STYLE[block.emphasis] : undefined;
      // A line break in the text (an intervention, a motion, a decision) starts a paragraph of the same style.
      return lines(block.content).map((line) => paragraph(doc, inlineRuns(doc, line), { ...(style ? { style } : {}), align: 'both' }));
    }
    case 'list':
      // The first paragraph of an item carries the bullet; the next ones are indented under it.
      return block.items.flatMap((item) =>
        lines(item).map((line, i) =>
          i === 0
            ? paragraph(doc, inlineRuns(doc, line), { bullet: true, align: 'both' })
            : paragraph(doc, inlineRuns(doc, line), { style: 'CouncilListContinue', align: 'both' }),
        ),
      );
    case 'table':
      return tablePrimitives(doc, block);
    default:
      return null;
  }
}

function cellParagraph(doc: MinutesDocument, c: TableCell, style: string): ParagraphSpec {
  return paragraph(doc, inlineRuns(doc, c.content), { style, ...(c.center ? { align: 'center' as const } : {}) });
}

function tablePrimitives(doc: MinutesDocument, block: Extract<Block, { kind: 'table' }>): Primitive[] {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const columns = block.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const row = (cells: TableCell[], header: boolean) => ({
    header,
    cells: cells.map((c, i) => ({ width: columns[i] ?? 0, paragraph: cellParagraph(doc, c, header ? 'CouncilTableHeading' : 'CouncilTableText') })),
  });
  const out: Primitive[] = [];
  if (block.caption) out.push(paragraph(doc, inlineRuns(doc, block.caption), { style: 'Caption', keepNext: true }));
  out.push({
    kind: 'tbl',
    style: 'CouncilTable',
    width: TEXT_WIDTH,
    bidiVisual: doc.dir === 'rtl',
    columns,
    rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
  });
  // Word needs a paragraph between two tables or it merges them.
  out.push(paragraph(doc, [], { style: 'CouncilSpacer' }));
  return out;
}
