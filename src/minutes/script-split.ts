// Text cut where its script changes (Arabic / Latin), for runs of the right direction in Word and isolates
// in HTML; Latin phrases inside Arabic kept whole. Pure.
export type Script = 'arabic' | 'latin';

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
  // Text with no letter of the other script is one run of the paragraph's own (every neutral resolves to
  // it, and numbers only join Latin): most of the minutes, without the walk below.
  if (text && !(base === 'arabic' ? LATIN : ARABIC).test(text)) return [{ text, script: base }];
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
  if (base === 'arabic') {
    joinNumbersToLatin(chars, strong, resolved);
    joinNumbersBeforeCodes(chars, strong, resolved);
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

/**
 * In Arabic text, a number written right after a Latin word ("USD 1,250,000.50", "ISO 9001") belongs to
 * that Latin phrase: one left-to-right run, so it is neither split from its code nor put before it.
 */
function joinNumbersToLatin(chars: string[], strong: (Script | null)[], resolved: Script[]): void {
  for (let i = 1; i < chars.length; i++) {
    if (!/\s/.test(chars[i]!) || resolved[i - 1] !== 'latin' || /\s/.test(chars[i - 1]!)) continue;
    let end = i + 1;
    while (end < chars.length && !/\s/.test(chars[end]!)) end++;
    const word = chars.slice(i + 1, end);
    if (!word.length || strong.slice(i + 1, end).some(Boolean) || !word.some((ch) => /[0-9\u0660-\u0669]/.test(ch))) continue;
    for (let j = i; j < end; j++) resolved[j] = 'latin';
  }
}

/**
 * A number written right before a Latin code that itself holds digits ("5828 15C8 7001 …", a seal
 * fingerprint whose first group has no letter) belongs to it too: otherwise the first group is set apart,
 * on the wrong side of the rest. A number before a plain Latin word ("5 ISO") is left to the paragraph.
 */
function joinNumbersBeforeCodes(chars: string[], strong: (Script | null)[], resolved: Script[]): void {
  for (let i = chars.length - 2; i >= 1; i--) {
    if (!/\s/.test(chars[i]!) || resolved[i + 1] !== 'latin' || /\s/.test(chars[i - 1]!)) continue;
    let nextEnd = i + 1;
    while (nextEnd < chars.length && !/\s/.test(chars[nextEnd]!)) nextEnd++;
    if (!chars.slice(i + 1, nextEnd).some((ch) => /[0-9]/.test(ch))) continue;
    let start = i - 1;
    while (start > 0 && !/\s/.test(chars[start - 1]!)) start--;
    const word = chars.slice(start, i);
    if (strong.slice(start, i).some(Boolean) || !word.every((ch) => /[0-9]/.test(ch))) continue;
    for (let j = start; j <= i; j++) resolved[j] = 'latin';
  }
}

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '«': '»' };

/** Whether text[0] is an opening bracket whose match is the last character (the pair encloses it all). */
function enclosed(text: string): boolean {
  const close = PAIRS[text[0] ?? ''];
  if (!close || text.length < 2 || !text.endsWith(close)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === text[0]) depth++;
    else if (text[i] === close && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/**
 * Segments of a span set in English or French, with the Latin punctuation around an Arabic phrase given
 * back to the Latin sentence: brackets enclosing the whole phrase ("(م.ت/66/2)") and, after an Arabic
 * phrase that follows Latin text, the sentence's own stop (". , ; : ! ?"). Inside the phrase's isolate
 * they would be drawn at its Arabic end (".(66/2/م.ت)"). An Arabic text on its own (an untranslated
 * sentence) keeps its stop: it is Arabic's.
 */
export function splitInLatin(text: string): { text: string; script: Script }[] {
  const out: { text: string; script: Script }[] = [];
  const push = (t: string, script: Script) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && last.script === script) last.text += t;
    else out.push({ text: t, script });
  };
  withTrailingNumbers(splitByScript(text, 'latin')).forEach((seg, i) => {
    if (seg.script !== 'arabic') return push(seg.text, seg.script);
    let core = seg.text;
    let after = '';
    if (i > 0) {
      const stop = /[.,;:!?]+$/.exec(core)?.[0] ?? '';
      if (stop && stop.length < core.length) [core, after] = [core.slice(0, -stop.length), stop];
    }
    if (enclosed(core)) {
      push(core[0]!, 'latin');
      push(core.slice(1, -1), 'arabic');
      push(core.slice(-1) + after, 'latin');
    } else {
      push(core, 'arabic');
      push(after, 'latin');
    }
  });
  return out;
}

/**
 * Numbers that end an Arabic phrase ("للفترة 2027-2030.", "في عام 2028»") are part of it: unisolated, the
 * bidi algorithm reads digits after Arabic letters as Arabic numbers and keeps them at the phrase's end
 * (its left). Isolated without them, they would be drawn to the right of the phrase, read first.
 */
function withTrailingNumbers(segments: { text: string; script: Script }[]): { text: string; script: Script }[] {
  const last = segments[segments.length - 1];
  const before = segments[segments.length - 2];
  if (!last || !before || last.script !== 'latin' || before.script !== 'arabic' || LATIN.test(last.text) || !/[0-9\u0660-\u0669]/.test(last.text)) return segments;
  return [...segments.slice(0, -2), { text: before.text + last.text, script: 'arabic' }];
}

/**
 * Arabic text set inside English or French: isolated right to left (RLI … PDI), so that Word's and
 * LibreOffice's bidi algorithm orders it as Arabic (a symbol م.ت/66/2 whole, a parenthesis typed with it
 * at its own end) and never reorders the Latin punctuation around it.
 */
export function arabicInLatin(text: string): string {
  return `\u2067${text}\u2069`;
}

/** Latin text set inside Arabic: isolated left to right (LRI … PDI), a currency code kept to its amount. */
export function latinInArabic(text: string): string {
  const kept = text.replace(/(\b[A-Z]{3}|[$€£]) (?=[0-9])/g, '$1\u00a0').replace(/\( /g, '(\u00a0');
  return `\u2066${kept}\u2069`;
}

