import { describe, expect, it } from 'vitest';
import { latinInArabic, splitByScript } from '../../src/minutes/docx-runs';
import { splitInLatin } from '../../src/minutes/script-split';

const runs = (text: string) => splitByScript(text, 'arabic').map((r) => `${r.script[0]}:${r.text}`);

describe('splitting text into Arabic and Latin runs', () => {
  it('keeps digits ending a Latin word in that word, also at the end of the text', () => {
    expect(runs('البصمة: ab12 cd34 9f31')).toEqual(['a:البصمة: ', 'l:ab12 cd34 9f31']);
  });

  it('keeps a seal fingerprint whole when its first group is all digits, and leaves a number before a plain word alone', () => {
    expect(runs('بصمة الختم الرقمي: 5828 15C8 7001 1AB8 2764')).toEqual(['a:بصمة الختم الرقمي: ', 'l:5828 15C8 7001 1AB8 2764']);
    expect(runs('المادة 5 ISO 9001')).toEqual(['a:المادة 5 ', 'l:ISO 9001']);
  });

  it('keeps digits starting a Latin word in that word', () => {
    expect(runs('المرجع 3GPP')).toEqual(['a:المرجع ', 'l:3GPP']);
  });

  it('keeps a number written after a Latin word with it, and leaves other numbers and spaces to the paragraph', () => {
    expect(runs('المواصفة ISO 9001 لعام 2024')).toEqual(['a:المواصفة ', 'l:ISO 9001', 'a: لعام 2024']);
    expect(runs('بمبلغ USD 1,250,000.50 فقط')).toEqual(['a:بمبلغ ', 'l:USD 1,250,000.50', 'a: فقط']);
  });

  it('keeps codes, acronyms in parentheses, addresses and URLs whole', () => {
    expect(runs('الوثيقة EC/EX.11/2/Rev.1 للمنظمة (AIDSMO) عبر info@aidsmo.org و https://aidsmo.org/ar?x=1 و <AWSN>')).toEqual([
      'a:الوثيقة ',
      'l:EC/EX.11/2/Rev.1',
      'a: للمنظمة ',
      'l:(AIDSMO)',
      'a: عبر ',
      'l:info@aidsmo.org',
      'a: و ',
      'l:https://aidsmo.org/ar?x=1',
      'a: و ',
      'l:<AWSN>',
    ]);
  });

  it('isolates Latin set in Arabic left to right, with no break between a currency and its amount', () => {
    expect(latinInArabic('USD 1,250,000.50')).toBe('\u2066USD\u00a01,250,000.50\u2069');
    expect(latinInArabic('(AIDSMO)')).toBe('\u2066(AIDSMO)\u2069');
  });

  it('keeps digits inside an Arabic word with it', () => {
    expect(runs('ق.م.ت/66/3')).toEqual(['a:ق.م.ت/66/3']);
  });

  it('in English or French, keeps the numbers that end an Arabic phrase inside its isolate (drawn at its end)', () => {
    const inLatin = (text: string) => splitInLatin(text).map((r) => `${r.script[0]}:${r.text}`);
    expect(inLatin('الخطة الاستراتيجية للمنظمة 2027-2030')).toEqual(['a:الخطة الاستراتيجية للمنظمة 2027-2030']);
    expect(inLatin('إضافة عبارة «مع مراجعة منتصف المدة في عام 2028».')).toEqual(['a:إضافة عبارة «مع مراجعة منتصف المدة في عام 2028».']);
    // After Latin text the sentence's stop is the Latin sentence's; a Latin word after the number keeps it in Latin.
    expect(inLatin('the plan الخطة 2027-2030.')).toEqual(['l:the plan ', 'a:الخطة 2027-2030', 'l:.']);
    expect(inLatin('الخطة 2027 plan')).toEqual(['a:الخطة', 'l: 2027 plan']);
  });
});
