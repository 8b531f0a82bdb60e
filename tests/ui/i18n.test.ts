// The UI's message catalogues: the same keys in Arabic, English and French, nothing left empty, the same
// placeholders in each language, and every key the screens use present.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ar } from '../../renderer/i18n/ar';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI catalogues', () => {
  it('have the same keys, none empty, with the same placeholders', () => {
    const keys = Object.keys(ar).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(fr).sort()).toEqual(keys);
    for (const key of keys) {
      const k = key as keyof typeof ar;
      for (const cat of [ar, en, fr] as Record<string, string>[]) expect(cat[k]?.trim(), key).toBeTruthy();
      expect(placeholders(en[k]), key).toEqual(placeholders(ar[k]));
      expect(placeholders(fr[k]), key).toEqual(placeholders(ar[k]));
    }
  });

  it('Arabic strings are Arabic (no English left in the Arabic catalogue)', () => {
    const untranslated = Object.entries(ar).filter(([, v]) => !/[\u0600-\u06FF]/.test(v));
    expect(untranslated).toEqual([]);
  });

  it('contain every literal key the screens ask for', () => {
    const dir = path.resolve(__dirname, '../../renderer');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const f of files) {
      for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/\bt\('([a-zA-Z_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in ar))).toEqual([]);
  });
});
