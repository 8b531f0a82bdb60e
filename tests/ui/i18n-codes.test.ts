// Every error the core can return has a sentence in each UI language: each issue code and each error
// code, walked in Arabic, English and French, through the same function the screens use; the Arabic and
// French sentences carry no English and no key names, and name the field by the label they are given.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ar, type MessageKey } from '../../renderer/i18n/ar';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { errorCodeSentence, errorText, issueText } from '../../renderer/components/errorText';
import { issueCodes, toErrorPayload, type ErrorCode } from '../../src/errors';
import { validate } from '../../src/errors/validate';
type Lang = 'ar' | 'en' | 'fr';
type Translate = Parameters<typeof issueText>[0];
type PlainTranslate = (key: string, params?: Record<string, string | number>) => string;

const catalogues: Record<Lang, Record<string, string>> = { ar, en, fr };
const say = (lang: Lang, key: string): string => catalogues[lang]?.[key] ?? '';
const translator =
  (lang: Lang): Translate => {
    const t: PlainTranslate = (key, params) => {
      let s = say(lang, key) || key;
      for (const [k, v] of Object.entries(params ?? {})) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    return t as Translate;
  };

/** Each error code and the catalogue key the UI says it with (the UI's own map; its Record type makes it complete). */
const errorKeys: Record<ErrorCode, MessageKey> = errorCodeSentence;

/** A sample value for each placeholder of a sentence: a number, or words where the sentence lists names. */
const sample: Record<string, string | number> = { keys: 'extra', names: 'عُمان' };
const paramsOf = (sentence: string) => Object.fromEntries([...sentence.matchAll(/\{(\w+)\}/g)].filter((m) => m[1] !== 'field').map((m) => [m[1]!, sample[m[1]!] ?? 3]));
/** Latin letters left once isolated runs (file formats, symbols: U+2066…U+2069) are taken out. */
const latinOutsideIsolates = (s: string) => s.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, '').match(/[A-Za-z]+/g) ?? [];
/** French typography: no-break space before a colon, narrow no-break space before ; ? !, typographic apostrophe. */
const frenchTypographyFaults = (s: string) => [...(s.match(/'|[^\u00a0]:(?!\d)|[^\u202f][;?!]/g) ?? [])];
const keyNames = /\b(issue|error|rule|text|record)[._][a-z]/;

describe('error sentences in the three languages', () => {
  for (const lang of ['ar', 'en', 'fr'] as const) {
    it(`${lang}: every issue code has its sentence, naming the field by its label`, () => {
      const t = translator(lang);
      for (const code of issueCodes) {
        const key = `issue.${code}`;
        expect(say(lang, key), key).toBeTruthy();
        const params = paramsOf(say(lang, key));
        const label = lang === 'ar' ? 'رقم الدورة' : lang === 'fr' ? 'Numéro' : 'Number';
        const said = issueText(t, lang, { field: 'number', message: 'English for developers', code, params }, label).text;
        expect(said, key).not.toContain('{');
        expect(said, key).not.toContain('English for developers');
        if (say(lang, key).includes('{field}')) expect(said, key).toContain(label);
        expect(said, key).not.toMatch(keyNames);
        if (lang !== 'en') expect(said, key).not.toMatch(/\bnumber\b/);
        if (lang === 'ar') expect(latinOutsideIsolates(said.replace(/extra/g, '')), key).toEqual([]);
        if (lang === 'fr') expect(frenchTypographyFaults(said), key).toEqual([]);
        // Without a label the sentence stands alone: no dangling colon, no placeholder, a capital first.
        const bare = issueText(t, lang, { field: 'number', message: 'x', code, params }).text;
        expect(bare, key).not.toMatch(/^\s*[:：]/);
        expect(bare, key).not.toContain('\u0000');
        if (lang !== 'ar') expect(bare.charAt(0), key).toBe(bare.charAt(0).toUpperCase());
      }
    });

    it(`${lang}: every error code has its sentence`, () => {
      const t = translator(lang);
      for (const [code, key] of Object.entries(errorKeys)) {
        expect(say(lang, key), key).toBeTruthy();
        const said = errorText(t, lang, { code: code as ErrorCode, field: 'x', message: 'some English from the core' });
        // English shows the core's own words where it has no sentence; the other languages never do.
        if (lang !== 'en') expect(said.text, code).not.toContain('some English from the core');
        if (lang === 'ar') expect(latinOutsideIsolates(said.text), code).toEqual([]);
        if (lang === 'fr') expect(frenchTypographyFaults(said.text), code).toEqual([]);
      }
    });

    it(`${lang}: every error sentence of the catalogue belongs to a code (no orphan, no second way)`, () => {
      const codes = new Set<string>(issueCodes);
      const used = new Set<string>(Object.values(errorKeys));
      for (const key of Object.keys(catalogues[lang])) {
        if (key.startsWith('issue.')) expect(codes.has(key.slice('issue.'.length)), key).toBe(true);
        else if (key.startsWith('error.code.')) expect(used.has(key), key).toBe(true);
        // The record's and the text's rules are issue codes now (record_<rule>, text_<problem>).
        expect(key, key).not.toMatch(/^text\.|^rule\.(?!quorum\.|majority\.)|^unknown_key$/);
      }
    });
  }

  it('a code without a sentence in this UI falls back to the generic sentence, never to English in ar/fr', () => {
    const issue = { field: 'x', message: 'x: something new from a newer core', code: 'no_such_code' as never };
    expect(issueText(translator('ar'), 'ar', issue).text).toBe(ar['error.code.VALIDATION']);
    expect(issueText(translator('ar'), 'ar', issue).technical).toBe(issue.message);
    expect(issueText(translator('en'), 'en', issue).text).toBe('something new from a newer core');
  });

  it('schema issues arrive with a code and params (too_big {max: 500}), not only zod English', () => {
    const schema = z.object({ name: z.string().trim().min(1, 'required').max(500), kind: z.enum(['a', 'b']), n: z.number() }).strict();
    let payload;
    try {
      validate(schema, { name: 'x'.repeat(501), kind: 'c', n: 'no', extra: 1 });
    } catch (e) {
      payload = toErrorPayload(e);
    }
    const byField = Object.fromEntries((payload?.issues ?? []).map((i) => [i.field, i]));
    expect(byField.name).toMatchObject({ code: 'too_big', params: { max: 500 } });
    expect(byField.kind).toMatchObject({ code: 'invalid_choice' });
    expect(byField.n).toMatchObject({ code: 'invalid_type' });
    expect(issueText(translator('ar'), 'ar', byField.name!, 'الاسم').text).toBe('الاسم: لا يتجاوز 500');
    try {
      validate(schema, { kind: 'a', n: 1 });
    } catch (e) {
      expect(toErrorPayload(e).issues?.[0]).toMatchObject({ field: 'name', code: 'required' });
    }
  });
});
