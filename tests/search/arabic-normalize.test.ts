import { describe, expect, it } from 'vitest';
import {
  arabicPrefixVariants,
  foldForSearch,
  indexColumns,
  normalizeArabic,
  queryAlternatives,
  searchTokens,
  tokenSpans,
} from '../../src/rules/arabic-normalize';

describe('Arabic normalisation', () => {
  it('drops tashkeel and tatweel', () => {
    expect(normalizeArabic('الْمِيزَانِيَّةُ')).toBe(normalizeArabic('الميزانية'));
    expect(normalizeArabic('المـــيزانية')).toBe(normalizeArabic('الميزانية'));
    expect(normalizeArabic('قَرَارٌ')).toBe('قرار');
  });

  it('folds alef forms, taa marbuta and alef maqsura', () => {
    expect(normalizeArabic('أإآٱا')).toBe('ااااا');
    expect(normalizeArabic('ميزانية')).toBe('ميزانيه');
    expect(normalizeArabic('مستوى')).toBe('مستوي');
    expect(normalizeArabic('إنشاء')).toBe('انشاء');
  });

  it('keeps hamza on waw and yaa (they are different letters)', () => {
    expect(normalizeArabic('مسؤول')).toBe('مسؤول');
    expect(normalizeArabic('رئيس')).toBe('رئيس');
  });

  it('reads Arabic-Indic digits as Western digits', () => {
    expect(searchTokens('ق.م.ت/٦٦/٣')).toEqual(['ق', 'م', 'ت', '66', '3']);
    expect(searchTokens('۶۷')).toEqual(['67']);
  });

  it('folds Latin case and accents, and French ligatures', () => {
    expect(foldForSearch('Élaboration du BUDGET – Contrôle')).toBe('elaboration du budget – controle');
    expect(searchTokens('Cœur, ÉTÉ')).toEqual(['coeur', 'ete']);
  });

  it('decomposes presentation forms and removes invisible marks', () => {
    expect(searchTokens('\uFEFBعمال')).toEqual(['لاعمال']); // ﻻ lam-alef ligature
    expect(searchTokens('\u202Bالمجلس\u202C')).toEqual(['المجلس']);
    expect(searchTokens('المج\u200Cلس')).toEqual(['المجلس']);
  });
});

describe('attached prefixes', () => {
  it('indexes a word under each of its prefix-stripped forms', () => {
    const v = arabicPrefixVariants(searchTokens('وبالميزانية')[0]!);
    expect(v).toEqual(expect.arrayContaining(['بالميزانيه', 'الميزانيه', 'ميزانيه']));
    expect(arabicPrefixVariants('الميزانيه')).toEqual(['ميزانيه']);
    expect(arabicPrefixVariants('للتنميه')).toEqual(expect.arrayContaining(['تنميه']));
    expect(arabicPrefixVariants('فكالعاده')).toEqual(expect.arrayContaining(['عاده']));
  });

  it('never strips down to fewer than three letters, and leaves Latin alone', () => {
    expect(arabicPrefixVariants('الله')).toEqual([]);
    expect(arabicPrefixVariants('بلد')).toEqual([]);
    expect(arabicPrefixVariants('budget')).toEqual([]);
  });

  it('offers a query word with and without its article, never stripping a lone letter', () => {
    expect(queryAlternatives('الميزانيه')).toEqual(['الميزانيه', 'ميزانيه']);
    expect(queryAlternatives('وبالميزانيه')).toEqual(['وبالميزانيه', 'ميزانيه']);
    expect(queryAlternatives('وزاره')).toEqual(['وزاره']);
    expect(queryAlternatives('التزام')).toEqual(['التزام', 'تزام']);
    expect(queryAlternatives('budget')).toEqual(['budget']);
  });

  it('builds the two indexed columns', () => {
    const cols = indexColumns('اعتماد الميزانيَّة وبالتقرير');
    expect(cols.body).toBe('اعتماد الميزانيه وبالتقرير');
    expect(cols.variants.split(' ')).toEqual(expect.arrayContaining(['ميزانيه', 'تقرير', 'بالتقرير', 'التقرير']));
  });

  it('maps words back to their place in the original text', () => {
    const text = 'اعتمادُ الميزانيّة، Budget!';
    const spans = tokenSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['اعتمادُ', 'الميزانيّة', 'Budget']);
    expect(spans.map((s) => s.folded)).toEqual(['اعتماد', 'الميزانيه', 'budget']);
  });
});
