// A small, strict XML reader for the XLIFF files translators send back. Safe by construction: a DOCTYPE
// (hence any entity declaration, external or not) is refused, only the five predefined entities and
// character references are read, and the size, depth and element count are capped. Pure.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlError extends Error {
  constructor(
    readonly reason: 'too_large' | 'doctype' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

export const XML_MAX_CHARS = 20_000_000;
const MAX_DEPTH = 64;
const MAX_ELEMENTS = 500_000;
const NAME = /[A-Za-z_][-A-Za-z0-9._:]*/y;
const SPACE = /\s*/y;
const ATTR = /([A-Za-z_][-A-Za-z0-9._:]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;

/** A sticky regex matched at `at` (no slicing: a large file stays linear). */
function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character XML 1.0 allows (its `Char` production). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError('malformed', `a bare '&' at character ${at}`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const m = /^#(x[0-9A-Fa-f]{1,6}|[0-9]{1,7})$/.exec(ref);
    if (!m) throw new XmlError('malformed', `unknown entity &${ref}; near character ${at} (only the five of XML are read)`);
    const cp = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    if (!isXmlChar(cp)) throw new XmlError('malformed', `character reference &${ref}; is not an XML character`);
    return String.fromCodePoint(cp);
  });
}

/** Literal line ends become \n, as XML says (a \r written as &#13; stays). */
const lineEnds = (s: string) => s.replace(/\r\n?/g, '\n');

export function parseXml(input: string): XmlElement {
  if (input.length > XML_MAX_CHARS) throw new XmlError('too_large', `the file has ${input.length} characters; at most ${XML_MAX_CHARS} are read`);
  const s = input.replace(/^\uFEFF/, '');
  let i = 0;
  let count = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (what: string): never => {
    throw new XmlError('malformed', `${what} at character ${i + 1}`);
  };
  while (i < s.length) {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) fail('an unclosed comment');
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i);
      if (end < 0 || !stack.length) fail('a misplaced CDATA section');
      stack[stack.length - 1]!.children.push(lineEnds(s.slice(i + 9, end)));
      i = end + 3;
    } else if (s.startsWith('<!', i)) {
      throw new XmlError('doctype', 'the file declares a DOCTYPE or entities, which are never read (they can reach outside the file)');
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i);
      if (end < 0) fail('an unclosed processing instruction');
      i = end + 2;
    } else if (s.startsWith('</', i)) {
      const m = at(NAME, s, i + 2);
      const open = stack.pop();
      if (!m || !open || open.name !== m[0]) fail(`a closing tag that does not match${open ? ` <${open.name}>` : ''}`);
      i += 2 + m![0].length;
      i += at(SPACE, s, i)![0].length;
      if (s[i] !== '>') fail('a malformed closing tag');
      i++;
      if (!stack.length) root = open!;
    } else if (s[i] === '<') {
      if (root) fail('content after the root element');
      const m = at(NAME, s, i + 1);
      if (!m) fail('a malformed tag');
      const el: XmlElement = { name: m![0], attrs: {}, children: [] };
      if (++count > MAX_ELEMENTS) throw new XmlError('too_large', `more than ${MAX_ELEMENTS} elements`);
      i += 1 + m![0].length;
      for (;;) {
        const ws = at(SPACE, s, i)![0].length;
        i += ws;
        if (s.startsWith('/>', i) || s[i] === '>') break;
        if (!ws) fail('attributes not separated by a space');
        const a = at(ATTR, s, i);
        if (!a) fail('a malformed attribute');
        if (a![1]! in el.attrs) fail(`the attribute ${a![1]} twice`);
        el.attrs[a![1]!] = decode((a![3] ?? a![4]!).replace(/[\t\n\r]/g, ' '), i);
        i += a![0].length;
      }
      const selfClosing = s[i] === '/';
      i += selfClosing ? 2 : 1;
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      if (selfClosing) {
        if (!stack.length) root = el;
      } else {
        stack.push(el);
        if (stack.length > MAX_DEPTH) throw new XmlError('too_large', `elements nested deeper than ${MAX_DEPTH}`);
      }
    } else {
      const end = s.indexOf('<', i);
      const raw = s.slice(i, end < 0 ? s.length : end);
      if (stack.length) stack[stack.length - 1]!.children.push(decode(lineEnds(raw), i));
      else if (raw.trim()) fail('text outside the root element');
      i += raw.length;
    }
  }
  if (stack.length || !root) fail(stack.length ? `<${stack[stack.length - 1]!.name}> is never closed` : 'no root element');
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) throw new XmlError('malformed', `a character U+${cp.toString(16).toUpperCase().padStart(4, '0')} that XML does not allow`);
  }
  return root!;
}

/** Escape text for element content: the three XML specials, and \r (else a reader turns it into \n). */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** The local part of a qualified name (`mda:meta` -> `meta`). */
export const local = (name: string) => name.slice(name.indexOf(':') + 1);

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c): c is XmlElement => typeof c !== 'string' && local(c.name) === name);
export const textOf = (el: XmlElement) => el.children.map((c) => (typeof c === 'string' ? c : '')).join('');
