// The two Word writers of the minutes give the same package: every part of the string writer's .docx (the
// default) equals the all-docx writer's byte for byte, once docx's own ids and timestamps are masked, in the
// three languages, over the sample sessions and the large bench session — so the paragraphs, lists and
// tables written as strings cannot drift from what docx writes.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeRecord } from '../../bench/minutes.bench';
import { importSessionBundle } from '../../src/bundle/import';
import { buildMinutesModel } from '../../src/minutes/build-model';
import { minutesInputs } from '../../src/minutes/generate';
import type { MinutesDocument } from '../../src/minutes/model';
import { renderDocx } from '../../src/minutes/render-docx';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { SAMPLES } from './sample';

const LANGS = ['ar', 'en', 'fr'] as const;

/** docx's per-document ids and instants, numbered by order of appearance where they are references. */
function mask(name: string, bytes: Buffer): Buffer | string {
  if (!/\.(xml|rels)$/.test(name)) return bytes;
  const seen = new Map<string, string>();
  const renumber = (prefix: string) => (id: string) => {
    if (!seen.has(prefix + id)) seen.set(prefix + id, String([...seen.keys()].filter((k) => k.startsWith(prefix)).length + 1));
    return `${prefix}${seen.get(prefix + id)}`;
  };
  return bytes
    .toString('utf8')
    .replace(/(?<=_Toc)\d+/g, renumber('toc:'))
    .replace(/(?<=<wp:docPr id=")\d+/g, renumber('docPr:'))
    .replace(/(?<=<w:bookmark(?:Start|End)[^>]*w:id=")\d+/g, renumber('bookmark:'))
    .replace(/(?<=media\/)[^"]+/g, renumber('media:'))
    .replace(/w:fontKey="\{[0-9A-F-]+\}"/g, 'w:fontKey="{KEY}"')
    .replace(/PowerPlusWaterMarkObject[\w-]+/g, 'PowerPlusWaterMarkObject')
    .replace(/(<dcterms:(created|modified)[^>]*>)[^<]+/g, '$1T');
}

/** An embedded font as it was before docx obfuscated its first 32 bytes with the key fontTable.xml gives. */
function deobfuscate(bytes: Buffer, key: string): Buffer {
  const keyBytes = (key.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = Buffer.from(bytes);
  for (let i = 0; i < 32; i++) out[i]! ^= keyBytes[i % keyBytes.length]!;
  return out;
}

async function parts(docx: Buffer): Promise<Map<string, Buffer | string>> {
  const zip = await JSZip.loadAsync(docx);
  const out = new Map<string, Buffer | string>();
  // docx numbers the fonts' files in the order fontTable.xml gives their keys.
  const keys = [...((await zip.file('word/fontTable.xml')?.async('string')) ?? '').matchAll(/w:fontKey="([^"]+)"/g)].map((m) => m[1]!);
  let media = 0;
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let bytes = await file.async('nodebuffer');
    const font = /^word\/fonts\/font(\d+)\.odttf$/.exec(name);
    if (font) bytes = deobfuscate(bytes, keys[Number(font[1]) - 1]!);
    out.set(name.startsWith('word/media/') ? `word/media/${++media}` : name, mask(name, bytes));
  }
  return out;
}

async function expectSameParts(model: MinutesDocument): Promise<void> {
  const [strings, docx] = await Promise.all([renderDocx(model).then(parts), renderDocx(model, { writer: 'docx' }).then(parts)]);
  expect([...strings.keys()]).toEqual([...docx.keys()]);
  for (const [name, reference] of docx) {
    const written = strings.get(name)!;
    // Strings compare with a readable diff; the first difference is what matters.
    if (typeof reference === 'string') expect(firstDifference(written as string, reference), name).toBe(null);
    else expect(Buffer.compare(written as Buffer, reference), name).toBe(0);
  }
}

function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${a.slice(Math.max(0, i - 120), i + 120)}\n  docx: ${b.slice(Math.max(0, i - 120), i + 120)}`;
}

describe('the string writer writes what docx writes', () => {
  let db: TempDb;
  const sessions: { name: string; id: string }[] = [];
  beforeAll(async () => {
    db = await openTempDb();
    for (const file of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.json')).sort()) {
      const { sessionId } = await importSessionBundle(db.ctx, JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')));
      sessions.push({ name: file, id: sessionId });
    }
  });
  afterAll(async () => db.cleanup());

  it('in every sample session, draft and approved, in ar, en and fr', async () => {
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    for (const s of sessions) {
      for (const lang of LANGS) {
        const { record, build } = await minutesInputs(db.ctx, s.id, { lang, timeZone: 'Africa/Cairo' });
        await expectSameParts(buildMinutesModel(record, build));
        await expectSameParts(buildMinutesModel(record, { ...build, approved: true, sealFingerprint: 'AB12 9F31 0042' }));
      }
    }
  }, 300_000);

  it('embeds Amiri as it is, once its obfuscation is undone', async () => {
    const { record, build } = await minutesInputs(db.ctx, sessions[0]!.id, { lang: 'ar' });
    const fonts = await parts(await renderDocx(buildMinutesModel(record, build)));
    const amiri = path.resolve(SAMPLES, '../fonts');
    expect(Buffer.compare(fonts.get('word/fonts/font1.odttf') as Buffer, fs.readFileSync(path.join(amiri, 'Amiri-Regular.ttf')))).toBe(0);
    expect(Buffer.compare(fonts.get('word/fonts/font2.odttf') as Buffer, fs.readFileSync(path.join(amiri, 'Amiri-Bold.ttf')))).toBe(0);
  });

  it('in the large bench session, in ar, en and fr', async () => {
    const record = largeRecord(1);
    for (const lang of LANGS) await expectSameParts(buildMinutesModel(record, { lang }));
  }, 600_000);
});
