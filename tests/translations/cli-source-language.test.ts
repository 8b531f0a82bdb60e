// `council translations export SESSION --lang fr --from en`: the notes typed in English as their own XLIFF
// file (one source language per file), imported back by `council translations import`; a --from equal to
// --lang, or not a language, is refused (exit 2).
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/council';
import { tempDir } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';
import { translateXliff } from './translator';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('council translations export --from', () => {
  const dir = tempDir('council-translations-cli-');
  const db = path.join(dir, 'council.sqlite');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the notes typed in English for French, and imports the translated file', async () => {
    expect((await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db)).code).toBe(0);
    expect((await cli('import', path.join(SAMPLES, 'agadir-66.json'), '--db', db)).code).toBe(0);
    const file = path.join(dir, 'from-en.xlf');
    const r = await cli('translations', 'export', '66', '--lang', 'fr', '--from', 'en', '--out', file, '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1 texts to translate into fr');
    const xliff = fs.readFileSync(file, 'utf8');
    expect(xliff).toContain('srcLang="en" trgLang="fr"');
    fs.writeFileSync(file, translateXliff(xliff, () => 'Texte traduit de l’anglais.'));
    const i = await cli('translations', 'import', '66', file, '--db', db);
    expect(i.code, i.err).toBe(0);
    expect(i.out).toContain('1 translations into fr written');
    const raw = new BetterSqlite3(db, { readonly: true });
    try {
      expect(raw.prepare(`select text_fr from note where language = 'en'`).all()).toEqual([{ text_fr: 'Texte traduit de l’anglais.' }]);
    } finally {
      raw.close();
    }
  });

  it('refuses --from equal to --lang, a --from that is no language, and --from on import (exit 2)', async () => {
    const out = path.join(dir, 'x.xlf');
    for (const [argv, message] of [
      [['translations', 'export', '66', '--lang', 'en', '--from', 'en', '--out', out, '--db', db], /--from: the texts typed in a language are not translated into it/],
      [['translations', 'export', '66', '--lang', 'en', '--from', 'de', '--out', out, '--db', db], /--from: ar, en or fr/],
      [['translations', 'import', '66', out, '--from', 'en', '--db', db], /--from is for export/],
    ] as [string[], RegExp][]) {
      fs.writeFileSync(out, '');
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
});
