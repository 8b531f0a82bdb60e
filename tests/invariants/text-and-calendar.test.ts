// The one text rule, real dates and instants, and strict UTF-8 with the JSON path of a bad byte.
import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset, jsonPathAt, parseBundleBytes } from '../../src/bundle/bytes';
import { dateProblem, instantProblem, withinSessionDates } from '../../src/rules/calendar';
import { findTextProblem, textProblem } from '../../src/rules/text';

describe('text rule', () => {
  it('allows tab, line breaks, Arabic with marks and bidi controls, emoji; refuses other controls and lone surrogates', () => {
    for (const ok of ['a\tb\nc\r\n', 'اعتُمد القرار\u200f', 'ok 😀', '']) expect(textProblem(ok)).toBeNull();
    expect(textProblem('a\u0000b')).toMatchObject({ problem: 'control_character', index: 1, code: 0 });
    expect(textProblem('a\u007fb')?.problem).toBe('control_character');
    expect(textProblem('a\u0085b')?.problem).toBe('control_character');
    expect(textProblem('\uD83D')?.problem).toBe('lone_surrogate');
    expect(textProblem('x\uDE00')?.problem).toBe('lone_surrogate');
    expect(findTextProblem({ a: [{ b: 'ok' }, { c: 'x\u0001' }] })?.field).toBe('a.1.c');
  });
});

describe('calendar', () => {
  it('refuses dates and instants that do not exist', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    for (const bad of ['2023-02-29', '2024-02-30', '2024-13-01', '0001-01-01', '2024-00-10']) expect(dateProblem(bad), bad).not.toBeNull();
    expect(instantProblem('2024-11-12T08:00:00.000Z')).toBeNull();
    expect(instantProblem('2024-11-12T08:00+01:00')).toBeNull();
    for (const bad of ['2024-13-12T08:00:00Z', '0001-11-12T08:00:00Z', '2024-02-30T08:00:00Z', '2024-11-12T24:00:00Z', '2024-11-12T08:60:00Z']) {
      expect(instantProblem(bad), bad).not.toBeNull();
    }
  });

  it("reads session dates in the venue's zone when known, anywhere on earth otherwise", () => {
    const s = { startDate: '2024-11-12', endDate: '2024-11-13' };
    expect(withinSessionDates({ ...s, timeZone: 'Asia/Baghdad' }, '2024-11-13T20:59:00.000Z')).toBe(true);
    expect(withinSessionDates({ ...s, timeZone: 'Asia/Baghdad' }, '2024-11-13T21:00:00.000Z')).toBe(false); // midnight in Baghdad
    expect(withinSessionDates({ ...s, timeZone: '' }, '2024-11-14T11:00:00.000Z')).toBe(true);
    expect(withinSessionDates({ ...s, timeZone: '' }, '2024-11-14T12:01:00.000Z')).toBe(false);
  });
});

describe('strict UTF-8', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('finds the first byte that is not UTF-8', () => {
    expect(invalidUtf8Offset(enc('عربي 😀'))).toBe(-1);
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xff]))).toBe(1);
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong
    expect(invalidUtf8Offset(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // an encoded surrogate
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut short
  });

  it('names the JSON field a bad byte is in', () => {
    expect(jsonPathAt('{"a": {"b": [1, {"c": "xy')).toBe('a.b.1.c');
    expect(jsonPathAt('{"notes": [{"id": "1", "text": "ab')).toBe('notes.0.text');
    const bytes = Uint8Array.from([...enc('{"session": {"venueCityFr": "F'), 0xe8, ...enc('s"}}')]);
    expect(() => parseBundleBytes(bytes)).toThrow(/session\.venueCityFr: not valid UTF-8: byte 0xE8 at offset 30/);
    expect(parseBundleBytes(enc('\ufeff{"a": 1}'))).toEqual({ a: 1 });
  });
});
