// The WordprocessingML of the minutes' repetitive blocks (docx-primitives.ts), written as strings exactly
// as the docx package writes the same paragraphs, runs and tables: the same elements in the same order,
// the same escaping (docx's stringify), the same attribute order. Building docx's objects for ten thousand
// paragraphs, then formatting and stringifying them, was most of the time and memory of a render; the
// byte-for-byte test (tests/minutes/docx-writers.test.ts) keeps the two writers from drifting.
import type { ParagraphSpec, Primitive, RunSpec, TableSpec } from './docx-primitives';

// docx escapes &, quotes and angle brackets in text and attributes alike, and drops the control characters
// XML 1.0 cannot hold.
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export function escapeXml(value: string): string {
  return ESCAPED.test(value) ? value.replace(ESCAPES, (ch) => ENTITY[ch] ?? '') : value;
}

// The fonts of a document are a few objects shared by all its runs: their element is written once.
const fontElements = new WeakMap<RunSpec['font'], string>();
function fontsXml(font: RunSpec['font']): string {
  let xml = fontElements.get(font);
  if (xml === undefined) {
    xml = `<w:rFonts w:ascii="${escapeXml(font.ascii)}" w:cs="${escapeXml(font.cs)}" w:hAnsi="${escapeXml(font.hAnsi)}"/>`;
    fontElements.set(font, xml);
  }
  return xml;
}

function runXml(r: RunSpec): string {
  let rPr = fontsXml(r.font);
  if (r.bold) rPr += '<w:b/><w:bCs/>';
  if (r.italic) rPr += '<w:i/><w:iCs/>';
  if (r.color) rPr += `<w:color w:val="${escapeXml(r.color)}"/>`;
  if (r.size) rPr += `<w:sz w:val="${r.size}"/>`;
  if (r.sizeCs) rPr += `<w:szCs w:val="${r.sizeCs}"/>`;
  if (r.highlight) rPr += '<w:highlight w:val="yellow"/>';
  if (r.rtl) rPr += '<w:rtl/>';
  rPr += `<w:lang w:val="${r.lang}" w:bidi="ar-SA"/>`;
  return `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
}

/**
 * `bulletNumId`: the numId docx gave the bullet list (its NumberingReplacer puts it where docx writes the
 * placeholder {council-bullets-0}).
 */
export function paragraphXml(p: ParagraphSpec, bulletNumId = '{council-bullets-0}'): string {
  let pPr = '';
  if (p.bullet) pPr += `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${bulletNumId}"/></w:numPr>`;
  else if (p.style) pPr += `<w:pStyle w:val="${escapeXml(p.style)}"/>`;
  if (p.keepNext) pPr += '<w:keepNext/>';
  if (p.bidi) pPr += '<w:bidi/>';
  if (p.align) pPr += `<w:jc w:val="${p.align}"/>`;
  let xml = pPr ? `<w:p><w:pPr>${pPr}</w:pPr>` : '<w:p>';
  for (const r of p.runs) xml += runXml(r);
  return p.runs.length || pPr ? `${xml}</w:p>` : '<w:p/>';
}

export function tableXml(t: TableSpec): string {
  let xml = `<w:tbl><w:tblPr><w:tblStyle w:val="${escapeXml(t.style)}"/>${t.bidiVisual ? '<w:bidiVisual/>' : ''}<w:tblW w:type="dxa" w:w="${t.width}"/></w:tblPr><w:tblGrid>`;
  for (const w of t.columns) xml += `<w:gridCol w:w="${w}"/>`;
  xml += '</w:tblGrid>';
  for (const row of t.rows) {
    xml += `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
    for (const cell of row.cells) xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/></w:tcPr>${paragraphXml(cell.paragraph)}</w:tc>`;
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

export function primitiveXml(p: Primitive, bulletNumId?: string): string {
  return p.kind === 'p' ? paragraphXml(p, bulletNumId) : tableXml(p);
}
