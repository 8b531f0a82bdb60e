// The minutes model -> a Word document (Buffer), with the docx package. Real Word styles (Title,
// Heading 1-3, Normal, Council Decision/Note/Quote, Caption, the Council Table table style) so the
// secretary can restyle it in Word; A4; header with logo and names; "page X of Y" footer; a DRAFT
// watermark until the minutes are approved (docx-watermark.ts); Arabic right to left throughout (bidi paragraphs and
// tables, RTL runs, complex-script fonts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { ShapeRun } from 'docx/shapes';
import type { TextWatermark } from 'docx/watermarks';
import { embeddedFonts } from './docx-fonts';
import { packWithSegments, type Segment } from './docx-package';
import { A4, BULLETS, blockPrimitives, inlineRuns, MARGIN, TEXT_WIDTH, type ParagraphSpec, type Primitive } from './docx-primitives';
import { textRun } from './docx-runs';
import { draftWatermark } from './docx-watermark';
import type { Block, ImageData, Inline, MinutesDocument, SignatureBlock } from './model';

export interface DocxRenderOptions {
  /** Formerly: write estimated page numbers in the table of contents. Ignored: Word fills them on opening. */
  tocPageNumbers?: boolean;
  /**
   * 'strings' (the default): docx builds the skeleton (styles, numbering, header and footer, headings and
   * the table of contents, signatures, images) and the paragraphs, lists and tables are written as
   * WordprocessingML strings, streamed into the zip. 'docx': everything through the docx package (the
   * reference the string writer is tested against, byte for byte).
   */
  writer?: 'strings' | 'docx';
}

export async function renderDocx(doc: MinutesDocument, options: DocxRenderOptions = {}): Promise<Buffer> {
  if (options.writer === 'docx') return Packer.toBuffer(buildDocument(doc, doc.blocks.flatMap((b) => blockToDocx(doc, b))));
  // Each run of string-written blocks stands in the skeleton as one marker paragraph, replaced in the
  // document part by the blocks' XML as it is zipped.
  const token = Math.random().toString(36).slice(2);
  const segments: Segment[] = [];
  const children: (Paragraph | Table | TableOfContents)[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph' || block.kind === 'list' || block.kind === 'table') {
      let last = segments.at(-1);
      if (!last || children.at(-1) !== last.placeholder) {
        const marker = `council-segment-${token}-${segments.length}`;
        last = { marker, placeholder: new Paragraph({ children: [new TextRun(marker)] }), blocks: [] };
        segments.push(last);
        children.push(last.placeholder);
      }
      last.blocks.push(block);
    } else children.push(...blockToDocx(doc, block));
  }
  const usesBullets = doc.blocks.some((b) => b.kind === 'list');
  return packWithSegments(buildDocument(doc, children), segments, (block) => blockPrimitives(doc, block) ?? [], usesBullets ? BULLETS : null);
}

/** The docx Document: the minutes' skeleton around `children`. */
function buildDocument(doc: MinutesDocument, children: (Paragraph | Table | TableOfContents)[]): Document {
  const rtl = doc.dir === 'rtl';
  const bodySize = rtl ? 28 : 24;
  return new Document({
    title: doc.meta.title,
    // Word fills a table of contents' page numbers only when asked to update fields on opening. None are
    // written ahead: an estimate (options.tocPageNumbers, kept for callers) could be wrong.
    ...(doc.blocks.some((b) => b.kind === 'toc') ? { features: { updateFields: true } } : {}),
    fonts: embeddedFonts(doc.fonts.arabic),
    subject: doc.meta.subject,
    creator: doc.header.organisation,
    description: `session ${doc.meta.sessionId}${doc.draft ? ' (draft)' : ''}`,
    styles: styles(doc, bodySize),
    // The table style goes in as "external" styles: docx then merges its defaults, these, and ours.
    externalStyles: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${TABLE_STYLE}${tocStyles(doc)}</w:styles>`,
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { start: 567, hanging: 340 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            // 3 cm at the top: the header (logo, a name that may take two lines, the council, a rule) never
            // reaches the text.
            margin: { top: MARGIN + 567, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 454, footer: 567 },
          },
        },
        headers: { default: header(doc) },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
}

function paragraphBase(doc: MinutesDocument): Pick<IParagraphOptions, 'bidirectional'> {
  return doc.dir === 'rtl' ? { bidirectional: true } : {};
}

function runs(doc: MinutesDocument, content: Inline, style?: { size?: number; sizeCs?: number; color?: string }): TextRun[] {
  return inlineRuns(doc, content, style).map(textRun);
}

/** A paragraph or table primitive as docx objects (docx-xml.ts writes the same as a string). */
function primitiveToDocx(p: Primitive): Paragraph | Table {
  if (p.kind === 'p') return paragraphToDocx(p);
  return new Table({
    style: p.style,
    width: { size: p.width, type: WidthType.DXA },
    columnWidths: p.columns,
    ...(p.bidiVisual ? { visuallyRightToLeft: true } : {}),
    rows: p.rows.map(
      (r) =>
        new TableRow({
          tableHeader: r.header,
          cantSplit: true,
          children: r.cells.map((c) => new TableCell({ width: { size: c.width, type: WidthType.DXA }, children: [paragraphToDocx(c.paragraph)] })),
        }),
    ),
  });
}

function paragraphToDocx(p: ParagraphSpec): Paragraph {
  return new Paragraph({
    ...(p.bidi ? { bidirectional: true } : {}),
    ...(p.style ? { style: p.style } : {}),
    ...(p.bullet ? { numbering: { reference: BULLETS, level: 0 } } : {}),
    ...(p.keepNext ? { keepNext: true } : {}),
    ...(p.align ? { alignment: p.align === 'both' ? AlignmentType.BOTH : AlignmentType.CENTER } : {}),
    children: p.runs.map(textRun),
  });
}

function blockToDocx(doc: MinutesDocument, block: Block): (Paragraph | Table | TableOfContents)[] {
  const base = paragraphBase(doc);
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ ...base, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(doc, block.content) })];
    case 'subtitle':
      return [new Paragraph({ ...base, style: 'Subtitle', alignment: AlignmentType.CENTER, children: runs(doc, block.content) })];
    case 'heading': {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1]!;
      return [new Paragraph({ ...base, heading: level, keepNext: true, children: runs(doc, block.content) })];
    }
    case 'paragraph':
    case 'list':
    case 'table':
      return (blockPrimitives(doc, block) ?? []).map(primitiveToDocx);
    case 'signatures':
      return [signaturesTable(doc, block.signatories)];
    case 'toc':
      return [
        new Paragraph({ ...base, style: 'TOCHeading', children: runs(doc, [{ text: block.title, lang: doc.lang }]) }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'pageBreak':
      return [new Paragraph({ ...base, children: [new PageBreak()] })];
  }
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function signaturesTable(doc: MinutesDocument, list: SignatureBlock[]): Table {
  const per = Math.max(1, Math.min(3, list.length));
  const width = Math.floor(TEXT_WIDTH / per);
  const rows: TableRow[] = [];
  for (let i = 0; i < list.length; i += per) {
    const slice = list.slice(i, i + per);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: slice.map(
          (s) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
              children: [
                new Paragraph({ ...paragraphBase(doc), alignment: AlignmentType.CENTER, children: runs(doc, s.role) }),
                new Paragraph({
                  ...paragraphBase(doc),
                  alignment: AlignmentType.CENTER,
                  spacing: { before: 240, after: 240 },
                  children: s.image ? [imageRun(s.image, 60)] : [new TextRun({ text: '………………………………', color: '808080' })],
                }),
                new Paragraph({ ...paragraphBase(doc), alignment: AlignmentType.CENTER, children: runs(doc, s.name) }),
              ],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: per }, () => width),
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    ...(doc.dir === 'rtl' ? { visuallyRightToLeft: true } : {}),
    rows,
  });
}

function header(doc: MinutesDocument): Header {
  const base = paragraphBase(doc);
  const first: (TextRun | ImageRun)[] = [];
  if (doc.header.logo) first.push(imageRun(doc.header.logo, 48));
  const children: Paragraph[] = [];
  if (first.length) children.push(new Paragraph({ ...base, alignment: AlignmentType.CENTER, children: first }));
  const names: (TextRun | TextWatermark | ShapeRun)[] = [
    ...runs(doc, [{ text: doc.header.organisation, lang: doc.lang, bold: true }], { size: 20, sizeCs: 22 }),
  ];
  if (doc.draft) names.push(draftWatermark(doc));
  children.push(new Paragraph({ ...base, style: 'Header', alignment: AlignmentType.CENTER, children: names }));
  const councilLine = runs(doc, [{ text: doc.header.council, lang: doc.lang }], { size: 18, sizeCs: 20 });
  if (doc.draft) councilLine.push(...runs(doc, [{ text: ` — ${doc.draftLabel}`, lang: doc.lang, bold: true }], { size: 18, sizeCs: 20, color: 'C00000' }));
  children.push(
    new Paragraph({
      ...base,
      style: 'Header',
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F3864', space: 4 } },
      children: councilLine,
    }),
  );
  return new Header({ children });
}

function footer(doc: MinutesDocument): Footer {
  const rtl = doc.dir === 'rtl';
  const font = rtl ? { ascii: doc.fonts.arabic, hAnsi: doc.fonts.arabic, cs: doc.fonts.arabic } : { ascii: doc.fonts.latin, hAnsi: doc.fonts.latin, cs: doc.fonts.arabic };
  const parts = doc.footer.split(/(\{page\}|\{pages\})/).filter(Boolean);
  const children = parts.map(
    (p) =>
      new TextRun({
        ...(rtl ? { rightToLeft: true } : {}),
        font,
        size: 18,
        sizeComplexScript: 20,
        children: [p === '{page}' ? PageNumber.CURRENT : p === '{pages}' ? PageNumber.TOTAL_PAGES : p],
      }),
  );
  return new Footer({ children: [new Paragraph({ ...paragraphBase(doc), style: 'Footer', alignment: AlignmentType.CENTER, children })] });
}

function imageSize(data: Buffer): { width: number; height: number } | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const length = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
  }
  return null;
}

function imageRun(image: ImageData, height: number): ImageRun {
  const data = Buffer.from(image.base64, 'base64');
  const size = imageSize(data) ?? { width: height, height };
  const width = Math.round((size.width / Math.max(1, size.height)) * height);
  return new ImageRun({ type: image.type, data, transformation: { width, height } });
}

function styles(doc: MinutesDocument, bodySize: number) {
  const font = { ascii: doc.fonts.latin, hAnsi: doc.fonts.latin, cs: doc.fonts.arabic, eastAsia: doc.fonts.latin };
  // Paragraph styles cannot carry w:bidi through docx's options: each paragraph sets it itself.
  const para = <T extends object>(extra: T = {} as T) => extra;
  // Lines of large text are at least 1.3 times their size apart (in twips: half-points x 10 x 1.3), whatever
  // a font reports: a two-line title or heading never overlaps itself, with the embedded font or a fallback.
  const atLeast = (halfPoints: number) => ({ line: Math.round(halfPoints * 13), lineRule: LineRuleType.AT_LEAST });
  const heading = (size: number, color: string, before: number) => ({
    run: { font, size, sizeComplexScript: size + 2, bold: true, boldComplexScript: true, color },
    paragraph: para({ spacing: { before, after: 120, ...atLeast(size + 2) }, keepNext: true }),
  });
  return {
    default: {
      // Arabic body text at 1.5 lines: at 1.15 LibreOffice set the wrapped lines of an Amiri paragraph so close
      // that one line's descenders touched the next line's marks (seen in the convocation and the minutes).
      document: { run: { font, size: bodySize, sizeComplexScript: bodySize }, paragraph: para({ spacing: { after: 120, line: doc.dir === 'rtl' ? 360 : 276 } }) },
      title: { run: { font, size: bodySize + 16, sizeComplexScript: bodySize + 18, bold: true, boldComplexScript: true, color: '1F3864' }, paragraph: para({ spacing: { after: 120, ...atLeast(bodySize + 18) }, keepNext: true }) },
      heading1: heading(bodySize + 6, '1F3864', 360),
      heading2: heading(bodySize + 2, '2E5597', 240),
      heading3: heading(bodySize, '2E5597', 200),
      caption: { run: { font, size: bodySize - 2, sizeComplexScript: bodySize - 2, bold: true, boldComplexScript: true, color: '1F3864', italics: false }, paragraph: para({ spacing: { before: 120, after: 60 } }) },
    },
    paragraphStyles: [
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: bodySize + 2, sizeComplexScript: bodySize + 2, color: '404040' }, paragraph: para({ spacing: { after: 360, ...atLeast(bodySize + 2) } }) },
      { id: 'CouncilDecision', name: 'Council Decision', basedOn: 'Normal', next: 'Normal', paragraph: para({ indent: { start: 340 }, border: { start: { style: BorderStyle.SINGLE, size: 12, color: '2E5597', space: 8 } } }) },
      { id: 'CouncilNote', name: 'Council Note', basedOn: 'Normal', next: 'Normal', run: { color: '404040' }, paragraph: para({ indent: { start: 340 } }) },
      { id: 'CouncilQuote', name: 'Council Quote', basedOn: 'Normal', next: 'Normal', paragraph: para({ indent: { start: 680 } }) },
      { id: 'CouncilListContinue', name: 'Council List Continue', basedOn: 'Normal', next: 'Normal', paragraph: para({ indent: { start: 567 } }) },
      { id: 'CouncilTableText', name: 'Council Table Text', basedOn: 'Normal', run: { size: bodySize - 4, sizeComplexScript: bodySize - 4 }, paragraph: para({ spacing: { before: 20, after: 20, line: 240 } }) },
      { id: 'CouncilTableHeading', name: 'Council Table Heading', basedOn: 'CouncilTableText', run: { bold: true, boldComplexScript: true, color: 'FFFFFF' }, paragraph: para({ keepNext: true }) },
      { id: 'CouncilSpacer', name: 'Council Spacer', basedOn: 'Normal', run: { size: 8, sizeComplexScript: 8 }, paragraph: para({ spacing: { after: 0, line: 120 } }) },
      { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: 18, sizeComplexScript: 20 }, paragraph: para({ spacing: { after: 0 } }) },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 18, sizeComplexScript: 20 }, paragraph: para({ spacing: { after: 0 } }) },
      { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Heading1', next: 'Normal', paragraph: para() },
    ],
  };
}

/** A table style Word lists as "Council Table": grid borders, a shaded header row that repeats. */
const TABLE_STYLE = `<w:style w:type="table" w:styleId="CouncilTable"><w:name w:val="Council Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="2E5597"/></w:tcPr></w:tblStylePr><w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF2FA"/></w:tcPr></w:tblStylePr></w:style>`;

/**
 * The table of contents' entry styles (Word regenerates the entries with them when it updates the field).
 * In Arabic they run right to left like the rest: bidi paragraphs (so starting at the right), RTL runs in
 * the Arabic font, the page number's tab stop (dot leaders) at the far end of the line, which in a
 * right-to-left paragraph is the left margin.
 */
function tocStyles(doc: MinutesDocument): string {
  const rtl = doc.dir === 'rtl';
  const font = rtl ? doc.fonts.arabic : doc.fonts.latin;
  return [1, 2, 3]
    .map((level) => {
      const indent = (level - 1) * 340;
      // No w:jc: a bidi paragraph starts at the right by itself, while Word and LibreOffice read an explicit
      // left/right in a bidi paragraph differently. The tab is the one Word writes in its own TOC styles
      // (the docx package writes the same on each entry): in a bidi paragraph both measure it from the
      // right, so it stands at the left margin, the number at the end of the dot leaders. Arabic levels are
      // told apart by weight, not indent: LibreOffice drops an indented RTL entry's tab (and its leaders).
      const pPr = `<w:pPr>${rtl ? '<w:bidi/>' : ''}<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:after="60"/>${rtl ? '' : `<w:ind w:left="${indent}"/>`}</w:pPr>`;
      const rPr = `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${doc.fonts.arabic}"/>${level === 1 ? '<w:b/><w:bCs/>' : ''}${rtl ? '<w:rtl/>' : ''}</w:rPr>`;
      return `<w:style w:type="paragraph" w:styleId="TOC${level}"><w:name w:val="toc ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>${pPr}${rPr}</w:style>`;
    })
    .join('');
}
