import { describe, expect, it } from 'vitest';
import { arabicFeminineOrdinal, englishOrdinal, frenchFeminineOrdinal } from '../../src/rules/ordinals';
import { arabicLamPrefix, frenchDePrefix, sessionTitle } from '../../src/rules/session-title';

const council = { ar: 'المجلس التنفيذي', en: 'Executive Council', fr: 'Conseil exécutif' };

describe('Arabic feminine ordinals', () => {
  it.each([
    [1, 'الأولى'],
    [2, 'الثانية'],
    [3, 'الثالثة'],
    [8, 'الثامنة'],
    [10, 'العاشرة'],
    [11, 'الحادية عشرة'],
    [12, 'الثانية عشرة'],
    [13, 'الثالثة عشرة'],
    [19, 'التاسعة عشرة'],
    [20, 'العشرون'],
    [21, 'الحادية والعشرون'],
    [22, 'الثانية والعشرون'],
    [30, 'الثلاثون'],
    [44, 'الرابعة والأربعون'],
    [65, 'الخامسة والستون'],
    [66, 'السادسة والستون'],
    [67, 'السابعة والستون'],
    [71, 'الحادية والسبعون'],
    [88, 'الثامنة والثمانون'],
    [99, 'التاسعة والتسعون'],
    [100, 'المائة'],
    [101, 'الحادية بعد المائة'],
    [102, 'الثانية بعد المائة'],
    [110, 'العاشرة بعد المائة'],
    [111, 'الحادية عشرة بعد المائة'],
    [112, 'الثانية عشرة بعد المائة'],
    [120, 'العشرون بعد المائة'],
    [121, 'الحادية والعشرون بعد المائة'],
    [166, 'السادسة والستون بعد المائة'],
    [199, 'التاسعة والتسعون بعد المائة'],
    [200, 'المائتان'],
    [201, 'الحادية بعد المائتين'],
  ])('%i → %s', (n, expected) => {
    expect(arabicFeminineOrdinal(n)).toBe(expected);
  });

  it('gives a distinct, well-formed ordinal for every number 1..200', () => {
    const all = Array.from({ length: 200 }, (_, i) => arabicFeminineOrdinal(i + 1));
    expect(new Set(all).size).toBe(200);
    for (const o of all) {
      expect(o).toMatch(/^ال/);
      expect(o).not.toMatch(/ {2}|undefined|الأولى /);
      expect(o).not.toMatch(/[0-9]/);
    }
    // Compound units never use الأولى: 1 inside a compound is الحادية.
    for (const n of [11, 21, 31, 101, 111, 121, 191]) expect(arabicFeminineOrdinal(n).startsWith('الحادية')).toBe(true);
  });

  it('refuses numbers out of range', () => {
    expect(() => arabicFeminineOrdinal(0)).toThrow(RangeError);
    expect(() => arabicFeminineOrdinal(1.5)).toThrow(RangeError);
  });
});

describe('English and French ordinals', () => {
  it.each([
    [1, '1st', '1re'],
    [2, '2nd', '2e'],
    [3, '3rd', '3e'],
    [4, '4th', '4e'],
    [11, '11th', '11e'],
    [12, '12th', '12e'],
    [13, '13th', '13e'],
    [21, '21st', '21e'],
    [22, '22nd', '22e'],
    [23, '23rd', '23e'],
    [66, '66th', '66e'],
    [101, '101st', '101e'],
    [111, '111th', '111e'],
    [112, '112th', '112e'],
    [113, '113th', '113e'],
    [121, '121st', '121e'],
    [200, '200th', '200e'],
  ])('%i → %s / %s', (n, en, fr) => {
    expect(englishOrdinal(n)).toBe(en);
    expect(frenchFeminineOrdinal(n)).toBe(fr);
  });
});

describe('session titles', () => {
  it('read as in the council documents', () => {
    expect(sessionTitle('ordinary', 66, council)).toEqual({
      ar: 'الدورة العادية السادسة والستون للمجلس التنفيذي',
      en: '66th Ordinary Session of the Executive Council',
      fr: '66e session ordinaire du Conseil exécutif',
    });
    expect(sessionTitle('extraordinary', 1, council)).toEqual({
      ar: 'الدورة غير العادية الأولى للمجلس التنفيذي',
      en: '1st Extraordinary Session of the Executive Council',
      fr: '1re session extraordinaire du Conseil exécutif',
    });
  });

  it('follow the council name from settings', () => {
    const assembly = { ar: 'الجمعية العامة', en: 'General Assembly', fr: 'Assemblée générale' };
    expect(sessionTitle('ordinary', 12, assembly)).toEqual({
      ar: 'الدورة العادية الثانية عشرة للجمعية العامة',
      en: '12th Ordinary Session of the General Assembly',
      fr: "12e session ordinaire de l'Assemblée générale",
    });
    expect(arabicLamPrefix('مجلس الإدارة')).toBe('لمجلس الإدارة');
    expect(frenchDePrefix('Conseil')).toBe('du Conseil');
  });
});
