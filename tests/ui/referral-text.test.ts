// "Referred to <body>" as the motions and decisions tabs say it (renderer/components/referralText.ts):
// the typed name first, else the catalogue's words; French contracts « à le » to « au ».
import { describe, expect, it } from 'vitest';
import { referredTo } from '../../renderer/components/referralText';
import { ar } from '../../renderer/i18n/ar';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';

type Translate = Parameters<typeof referredTo>[0];
const tOf = (cat: Record<string, string>): Translate => (key, params = {}) => cat[key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

describe('referred to', () => {
  it('says the body in each language, French contracting the article', () => {
    expect(referredTo(tOf(fr), 'fr', 'ministerial_council', '')).toBe('Renvoyée au Conseil ministériel');
    expect(referredTo(tOf(fr), 'fr', 'general_assembly', '')).toBe('Renvoyée à l\'Assemblée générale');
    expect(referredTo(tOf(en), 'en', 'ministerial_council', '')).toBe('Referred to the Ministerial Council');
    expect(referredTo(tOf(ar), 'ar', 'other', 'اللجنة الاستشارية')).toBe('أُحيل إلى اللجنة الاستشارية');
  });
});
