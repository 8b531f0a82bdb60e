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

const params = { max: 500, min: 2, n: 3, keys: 'extra', names: 'عُمان', present: 12, required: 14, number: 68 };

describe('error sentences in the three languages', () => {
  for (const lang of ['ar', 'en', 'fr'] as const) {
    it(`${lang}: every issue code has its sentence, naming the field by its label`, () => {
      const t = translator(lang);
      for (const code of issueCodes) {
        const key = `issue.${code}`;
        expect(say(lang, key), key).toBeTruthy();
        const label = lang === 'ar' ? 'رقم الدورة' : lang === 'fr' ? 'Numéro' : 'Number';
        const said = issueText(t, lang, { field: 'number', message: 'English for developers', code, params }, label).text;
        expect(said, key).not.toContain('{');
        expect(said, key).not.toContain('English for developers');
        if (say(lang, key).includes('{field}')) expect(said, key).toContain(label);
        expect(said, key).not.toMatch(/\b(issue|error)\./);
        if (lang !== 'en') expect(said, key).not.toMatch(/\bnumber\b/);
        if (lang === 'ar') expect(said.replace(/extra/g, ''), key).not.toMatch(/[A-Za-z]{3,}/);
        // Without a label the sentence stands alone: no dangling colon, no placeholder.
        const bare = issueText(t, lang, { field: 'number', message: 'x', code, params }).text;
        expect(bare, key).not.toMatch(/^\s*[:：]/);
      }
    });

    it(`${lang}: every error code has its sentence`, () => {
      const t = translator(lang);
      for (const [code, key] of Object.entries(errorKeys)) {
        expect(say(lang, key), key).toBeTruthy();
        const said = errorText(t, lang, { code: code as ErrorCode, field: 'x', message: 'some English from the core' });
        // English shows the core's own words where it has no sentence; the other languages never do.
        if (lang !== 'en') expect(said.text, code).not.toContain('some English from the core');
        if (lang === 'ar') expect(said.text, code).not.toMatch(/[A-Za-z]{3,}/);
      }
    });
  }

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
