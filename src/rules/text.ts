// The one rule every stored text obeys, whichever way it comes in (API input, bundle, CLI): valid Unicode
// (no lone surrogate: the minutes would print a replacement character) and no control character but tab
// and line breaks (a NUL or a form feed is invisible on screen and glues or splits words in the .docx).
// Pure: no zod here, so the UI may use it too; the zod refinement lives in rules/text-schema.ts.

export type TextProblem = 'lone_surrogate' | 'control_character';

/** The first thing wrong with a string, with its UTF-16 index, or null. */
export function textProblem(s: string): { problem: TextProblem; index: number; code: number } | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { problem: 'lone_surrogate', index: i, code: c };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { problem: 'lone_surrogate', index: i, code: c };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) {
      return { problem: 'control_character', index: i, code: c };
    }
  }
  return null;
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The message for a text problem (English; the UI translates by its code `text.<problem>`). */
export function textProblemMessage(p: NonNullable<ReturnType<typeof textProblem>>): string {
  return p.problem === 'lone_surrogate'
    ? `not valid Unicode: a lone surrogate ${hex(p.code)} at character ${p.index + 1}`
    : `a control character ${hex(p.code)} at character ${p.index + 1} (only tab and line breaks are allowed)`;
}

/** The first string anywhere in `value` (objects, arrays) that breaks the text rule, with its dotted path. */
export function findTextProblem(value: unknown, path: (string | number)[] = []): { field: string; message: string; problem: TextProblem } | null {
  if (typeof value === 'string') {
    const p = textProblem(value);
    return p ? { field: path.join('.'), message: textProblemMessage(p), problem: p.problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findTextProblem(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, v] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: [...path, key].join('.'), message: `the key: ${textProblemMessage(keyProblem)}`, problem: keyProblem.problem };
      const found = findTextProblem(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
