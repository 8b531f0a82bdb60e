// A bundle file's bytes to JSON: strictly UTF-8 (a byte that is not UTF-8 is refused, naming its offset and
// the field it is in, instead of being stored as a replacement character), then JSON. Pure (TextDecoder is a
// web standard), so any way in (CLI, zip, UI) reads bundles the same way.
import { ValidationError } from '../errors';

/** The offset of the first byte that does not decode as UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The dotted JSON path of the value being written at the end of `text` (a prefix of a JSON document). */
export function jsonPathAt(text: string): string {
  return pathAt(text).join('.');
}

/** Walk the prefix keeping the path of keys and indexes to where it stops. */
function pathAt(text: string): (string | number)[] {
  const path: (string | number)[] = [];
  const kinds: ('object' | 'array')[] = [];
  let inString = false;
  let escape = false;
  let current = '';
  let expectKey = false;
  for (const ch of text) {
    if (inString) {
      if (escape) escape = false;
      else if (ch === '\\') escape = true;
      else if (ch === '"') {
        inString = false;
        if (kinds[kinds.length - 1] === 'object' && expectKey) path[path.length - 1] = current;
      } else current += ch;
      continue;
    }
    const kind = kinds[kinds.length - 1];
    if (ch === '"') {
      inString = true;
      current = '';
    } else if (ch === '{') {
      kinds.push('object');
      path.push('');
      expectKey = true;
    } else if (ch === '[') {
      kinds.push('array');
      path.push(0);
      expectKey = false;
    } else if (ch === '}' || ch === ']') {
      kinds.pop();
      path.pop();
      expectKey = false;
    } else if (ch === ':' && kind === 'object') expectKey = false;
    else if (ch === ',') {
      if (kind === 'object') expectKey = true;
      else if (kind === 'array') path[path.length - 1] = (path[path.length - 1] as number) + 1;
    }
  }
  return path.filter((p) => p !== '');
}

/** Decode a bundle file strictly and parse it; ValidationError naming the field (or `file`) otherwise. */
export function parseBundleBytes(bytes: Uint8Array, name = 'the file'): unknown {
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const field = jsonPathAt(before) || 'file';
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    throw new ValidationError(field, `${field}: not valid UTF-8: byte 0x${hex} at offset ${bad} of ${name}`, [
      { field, message: `not valid UTF-8: byte 0x${hex} at offset ${bad}`, code: 'invalid_utf8', params: { offset: bad } },
    ]);
  }
  let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError('file', `${name} is not JSON: ${(err as Error).message}`, 'not_json');
  }
}
