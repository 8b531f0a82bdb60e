// A stand-in for a translator's tool: fills every unit's <target> in an exported XLIFF file, keeping each
// line's markup-like tokens and the paragraphs, as a person working in a CAT tool would.
const unescape = (s: string) => s.replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

export function translateXliff(xliff: string, translate: (source: string, unitId: string) => string): string {
  return xliff.replace(/<unit id="([^"]+)">([\s\S]*?)<\/unit>/g, (_all, id: string, body: string) => {
    const out = body
      .replace(/\n\s*<target xml:space="preserve">[\s\S]*?<\/target>/, '')
      .replace(/(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/, (_m, open: string, src: string, close: string) =>
        `${open}${src}${close}\n        <target xml:space="preserve">${escape(translate(unescape(src), id))}</target>`)
      .replace('state="initial"', 'state="translated"');
    return `<unit id="${id}">${out}</unit>`;
  });
}

/** "EN 1: <tags>" per line: Latin text that keeps the line's tags and placeholders and the line breaks. */
export function fakeTranslation(lang: 'en' | 'fr') {
  return (source: string) =>
    source
      .split('\n')
      .map((line, i) => (line.trim() ? `${lang.toUpperCase()} line ${i + 1} ${(line.match(/<\/?[A-Za-z][^<>]{0,80}>|\{[^{}\s]{1,40}\}|%(?:\d+\$)?[sdif]/g) ?? []).join(' ')}`.trim() : line))
      .join('\n');
}
