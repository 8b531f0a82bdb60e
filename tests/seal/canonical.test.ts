// The canonical JSON every record hash is taken of (src/seal/canonical.ts): its exact text for each kind of
// value, and what it refuses. A seal made by one build is verified by another, so this text must not drift.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/seal/canonical';

describe('canonicalJson, exactly', () => {
  it('null, true, false', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson([true, false, null])).toBe('[true,false,null]');
  });

  it('integers as JSON writes them, up to the safe limits', () => {
    expect(canonicalJson(0)).toBe('0');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(-42)).toBe('-42');
    expect(canonicalJson(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(canonicalJson(Number.MIN_SAFE_INTEGER)).toBe('-9007199254740991');
  });

  it("strings with JSON.stringify's escaping, no Unicode normalisation", () => {
    expect(canonicalJson('')).toBe('""');
    expect(canonicalJson('a"b\\c\n\t\u0001/é')).toBe('"a\\"b\\\\c\\n\\t\\u0001/é"');
    // e + combining acute stays two code points; the precomposed é is another string.
    expect(canonicalJson('e\u0301')).toBe('"e\u0301"');
    expect(canonicalJson('e\u0301')).not.toBe(canonicalJson('\u00e9'));
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
    expect(canonicalJson('قرار')).toBe('"قرار"');
  });

  it('arrays in their order, an undefined element as null, no whitespace', () => {
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson([[1, [2]], [], {}])).toBe('[[1,[2]],[],{}]');
  });

  it('objects: keys sorted by UTF-16 code units (not by code point, nor by locale), undefined members left out', () => {
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ u: undefined })).toBe('{}');
    expect(canonicalJson({ b: 1, a: undefined, c: null })).toBe('{"b":1,"c":null}');
    // 'B' (0x42) < 'a' (0x61) < 'é' (0xE9) < U+1F600 (as the surrogate 0xD83D) < U+FFFD.
    expect(canonicalJson({ '\ufffd': 5, '😀': 4, é: 3, a: 2, B: 1 })).toBe('{"B":1,"a":2,"é":3,"😀":4,"\ufffd":5}');
    expect(canonicalJson({ aa: 2, a: 1, '': 0 })).toBe('{"":0,"a":1,"aa":2}');
    expect(canonicalJson({ 'k"\n': 1 })).toBe('{"k\\"\\n":1}');
  });

  it('nested objects and arrays, sorted at every depth', () => {
    expect(canonicalJson({ z: { y: [{ b: true, a: false }], x: 'v' }, a: [null] })).toBe('{"a":[null],"z":{"x":"v","y":[{"a":false,"b":true}]}}');
  });
});

describe('canonicalJson refuses what it cannot write exactly', () => {
  it.each([
    [1.5, 'canonical JSON: not a safe integer: 1.5'],
    [Number.NaN, 'canonical JSON: not a safe integer: NaN'],
    [Number.POSITIVE_INFINITY, 'canonical JSON: not a safe integer: Infinity'],
    [2 ** 53, 'canonical JSON: not a safe integer: 9007199254740992'],
  ])('the number %s', (n, message) => {
    expect(() => canonicalJson(n)).toThrow(new TypeError(message));
    expect(() => canonicalJson({ a: [n] })).toThrow(new TypeError(message));
  });

  it('bytes (they must be hashed first)', () => {
    const message = 'canonical JSON: binary data must be hashed first';
    expect(() => canonicalJson(new Uint8Array([1, 2]))).toThrow(new TypeError(message));
    expect(() => canonicalJson({ b: Buffer.from('x') })).toThrow(new TypeError(message));
    expect(() => canonicalJson([new DataView(new ArrayBuffer(1))])).toThrow(new TypeError(message));
  });

  it('a bigint, a function, a symbol, undefined on its own', () => {
    expect(() => canonicalJson(10n)).toThrow(new TypeError('canonical JSON: cannot encode bigint'));
    expect(() => canonicalJson({ f: () => 1 })).toThrow(new TypeError('canonical JSON: cannot encode function'));
    expect(() => canonicalJson([Symbol('s')])).toThrow(new TypeError('canonical JSON: cannot encode symbol'));
    expect(() => canonicalJson(undefined)).toThrow(new TypeError('canonical JSON: cannot encode undefined'));
  });
});
