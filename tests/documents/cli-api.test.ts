// The session documents through the command line (`council document <kind> <session>`) and the app's API
// (documents.* calls): a real file comes out, bad arguments are refused naming the problem.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/api/dispatch';
import type { FileToSave, MinutesPreview } from '../../src/api/contract';
import { runCli } from '../../src/cli/council';
import { tempDir, type TempDb } from '../helpers/temp-db';
import { readDocx, SAMPLES, sampleDb } from '../minutes/sample';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('council document', () => {
  const dir = tempDir('council-documents-cli-');
  const db = path.join(dir, 'council.sqlite');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes each kind as Word from the imported samples', async () => {
    expect((await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db)).code).toBe(0);
    expect((await cli('import', path.join(SAMPLES, 'agadir-66.json'), '--db', db)).code).toBe(0);
    const out = path.join(dir, 'decisions-ar.docx');
    const r = await cli('document', 'decisions', 'ordinary:66', '--lang', 'ar', '--out', out, '--db', db);
    expect(r.code, r.err).toBe(0);
    const text = readDocx(out).paragraphs.map((p) => p.text);
    expect(text).toContain('قرارات');
    expect(text.some((t) => t.startsWith('القرار رقم ق.م.ت/66/6'))).toBe(true);
    for (const kind of ['follow-up', 'agenda', 'documents-list', 'convocation']) {
      const file = path.join(dir, `${kind}.docx`);
      expect((await cli('document', kind, '66', '--lang', 'fr', '--out', file, '--db', db)).code).toBe(0);
      expect(readDocx(file).paragraphs.length).toBeGreaterThan(3);
    }
  });

  it('refuses a bad kind, language or file name (exit 2) and names a missing session (exit 1)', async () => {
    const cases: [string[], RegExp][] = [
      [['document', 'minutes', '66', '--out', 'x.docx', '--db', db], /document kind must be one of decisions, follow-up, agenda, documents-list, convocation: minutes/],
      [['document', 'decisions', '66', '--lang', 'de', '--out', 'x.docx', '--db', db], /--lang must be ar, en or fr: de/],
      [['document', 'decisions', '66', '--out', 'x.pdf', '--db', db], /--out must end in .docx or .html/],
      [['document', 'decisions', '--out', 'x.docx', '--db', db], /expected the document kind and one session/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    const missing = await cli('document', 'agenda', 'extraordinary:9', '--out', path.join(dir, 'x.docx'), '--db', db);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
});

describe('documents.* API calls', () => {
  let t: TempDb;
  beforeAll(async () => {
    t = await sampleDb();
  }, 120_000);
  afterAll(async () => t.cleanup());

  it('return the document as a .docx to save, and an HTML preview', async () => {
    const dispatch = createDispatcher(t.ctx, {});
    const r = await dispatch('documents.decisions', { sessionId: 'ordinary:66', lang: 'en' });
    expect(r.ok).toBe(true);
    const file = (r as { value: FileToSave }).value;
    expect(file.fileName).toBe('decisions-ordinary-66-en.docx');
    const out = path.join(t.dir, file.fileName);
    fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
    expect(readDocx(out).paragraphs.map((p) => p.text)).toContain('Decision EC/66/3 (by vote)');
    for (const call of ['documents.followUp', 'documents.agenda', 'documents.documentsList', 'documents.convocation'] as const) {
      const x = await dispatch(call, { sessionId: 'ordinary:65', lang: 'fr' });
      expect(x.ok, call).toBe(true);
    }
    const preview = await dispatch('documents.preview', { sessionId: 'ordinary:66', lang: 'fr', kind: 'agenda' });
    expect((preview as { value: MinutesPreview }).value.html).toContain('Ordre du jour provisoire annoté');
  });

  it('refuse a bad language or kind, naming the field', async () => {
    const dispatch = createDispatcher(t.ctx, {});
    const bad = await dispatch('documents.agenda', { sessionId: 'ordinary:66', lang: 'de' });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('lang');
    const kind = await dispatch('documents.preview', { sessionId: 'ordinary:66', lang: 'ar', kind: 'minutes' });
    expect(kind.ok).toBe(false);
    expect(JSON.stringify(kind)).toContain('kind');
  });
});
