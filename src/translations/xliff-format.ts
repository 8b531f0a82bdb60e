// XLIFF 2.0 (OASIS), as exchanged with translators' tools: one <unit> per text with its stable id, the
// original as <source>, any translation as <target>, and in the metadata module the SHA-256 of the source
// at export time. Reading is strict: a file this app did not write for this session and language is
// refused, naming the unit. Pure (the hash comes from the caller).
import { XmlError, childrenNamed, escapeAttr, escapeText, local, parseXml, textOf, type XmlElement } from './xml';
import { TranslationFileError, fileError } from './errors';
import type { TargetLanguage } from './registry';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
const GROUP = 'council-minutes';

export interface XliffUnitOut {
  unitId: string;
  label: string;
  source: string;
  target: string;
  sourceSha256: string;
}

export interface XliffDocumentOut {
  sessionId: string;
  srcLang: 'ar' | 'en' | 'fr';
  trgLang: TargetLanguage;
  exportedAt: string;
  units: XliffUnitOut[];
}

const meta = (pairs: [string, string][], indent: string) =>
  `${indent}<mda:metadata><mda:metaGroup category="${GROUP}">${pairs.map(([t, v]) => `<mda:meta type="${t}">${escapeText(v)}</mda:meta>`).join('')}</mda:metaGroup></mda:metadata>\n`;

export function buildXliff(doc: XliffDocumentOut): string {
  const units = doc.units.map((u) => {
    const target = u.target ? `\n        <target xml:space="preserve">${escapeText(u.target)}</target>` : '';
    return (
      `    <unit id="${escapeAttr(u.unitId)}">\n` +
      meta([['source-sha256', u.sourceSha256]], '      ') +
      `      <notes><note category="description">${escapeText(u.label)}</note></notes>\n` +
      `      <segment state="${u.target ? 'translated' : 'initial'}">\n        <source xml:space="preserve">${escapeText(u.source)}</source>${target}\n      </segment>\n` +
      `    </unit>\n`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.0" srcLang="${doc.srcLang}" trgLang="${doc.trgLang}">\n` +
    `  <file id="session">\n` +
    meta([['session', doc.sessionId], ['target-language', doc.trgLang], ['exported-at', doc.exportedAt]], '    ') +
    units.join('') +
    `  </file>\n</xliff>\n`
  );
}

export interface XliffUnitIn {
  unitId: string;
  source: string;
  /** null: no <target> in the file (nothing to import for it). */
  target: string | null;
  sourceSha256: string | null;
  /** Inline elements (<ph>, <pc>...) in the source or target: this app never writes them, so cannot keep them. */
  inlineMarkup: boolean;
}

export interface XliffDocumentIn {
  srcLang: string;
  trgLang: string;
  sessionId: string | null;
  exportLanguage: string | null;
  units: XliffUnitIn[];
}

function metaValues(el: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const md of childrenNamed(el, 'metadata')) {
    for (const g of childrenNamed(md, 'metaGroup')) {
      if (g.attrs.category !== GROUP) continue;
      for (const m of childrenNamed(g, 'meta')) if (m.attrs.type) out.set(m.attrs.type, textOf(m));
    }
  }
  return out;
}

const hasElements = (el: XmlElement | undefined) => Boolean(el?.children.some((c) => typeof c !== 'string'));

function readUnit(unit: XmlElement): XliffUnitIn {
  const unitId = unit.attrs.id ?? '';
  let source = '';
  let target: string | null = null;
  let inlineMarkup = false;
  // A tool may split a unit into several segments: the unit's text is their sources (targets) in order.
  for (const part of unit.children) {
    if (typeof part === 'string' || !['segment', 'ignorable'].includes(local(part.name))) continue;
    const src = childrenNamed(part, 'source')[0];
    const trg = childrenNamed(part, 'target')[0];
    inlineMarkup ||= hasElements(src) || hasElements(trg);
    const s = src ? textOf(src) : '';
    source += s;
    if (trg) target = (target ?? '') + textOf(trg);
    else if (local(part.name) === 'ignorable') target = target === null ? null : target + s;
  }
  return { unitId, source, target, sourceSha256: metaValues(unit).get('source-sha256') ?? null, inlineMarkup };
}

/** The units of a translated file, or a TranslationFileError saying why it is not one we can read. */
export function readXliff(text: string): XliffDocumentIn {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (err) {
    if (err instanceof XmlError) throw fileError(err.reason === 'doctype' ? 'xliff_unsafe' : 'xliff_unreadable', err.message);
    throw err;
  }
  const nsAttr = root.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns';
  if (local(root.name) !== 'xliff' || root.attrs[nsAttr] !== XLIFF_NS || root.attrs.version !== '2.0') {
    throw fileError('xliff_not_xliff', `not an XLIFF 2.0 file (root <${root.name}>, version ${root.attrs.version ?? 'none'})`);
  }
  const files = childrenNamed(root, 'file');
  if (files.length !== 1) throw fileError('xliff_not_xliff', `expected one <file>, found ${files.length}`);
  const file = files[0]!;
  const info = metaValues(file);
  const units: XliffUnitIn[] = [];
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (local(c.name) === 'unit') units.push(readUnit(c));
      else if (local(c.name) === 'group') walk(c);
    }
  };
  walk(file);
  return { srcLang: root.attrs.srcLang ?? '', trgLang: root.attrs.trgLang ?? '', sessionId: info.get('session') ?? null, exportLanguage: info.get('target-language') ?? null, units };
}

/**
 * What a translation must carry over from its source: markup-like tags, placeholders ({0}, %s, %1$s),
 * and the paragraph breaks (the minutes print each line as a paragraph). Sorted, so order may change.
 */
export function markupTokens(text: string): string[] {
  const tokens = text.match(/<\/?[A-Za-z][^<>]{0,80}>|\{[^{}\s]{1,40}\}|%(?:\d+\$)?[sdif]/g) ?? [];
  const paragraphs = text.split(/\r?\n/).filter((l) => l.trim()).length;
  return [...tokens.sort(), `¶${paragraphs}`];
}

export { TranslationFileError };
