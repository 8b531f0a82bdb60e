// Writes the minutes of every sample session (resources/samples) in ar, en and fr into a folder, to compare
// renders before and after a change to the writer (LibreOffice -> PDF -> pdftotext, page count):
//   node scripts/node22.mjs node_modules/tsx/dist/cli.mjs bench/minutes-samples.ts <out-dir>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importSessionBundle } from '../src/bundle/import';
import { openDatabase } from '../src/database/open';
import { generateMinutesDocx } from '../src/minutes/generate';

const out = path.resolve(process.argv[2] ?? 'minutes-samples');
fs.mkdirSync(out, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-samples-'));
const opened = await openDatabase({ path: path.join(dir, 'council.sqlite') });
const ctx = { db: opened.db, now: () => new Date('2026-11-10T08:00:00.000Z') };
const samples = path.resolve('resources/samples');
try {
  for (const file of fs.readdirSync(samples).filter((f) => f.endsWith('.json')).sort()) {
    const result = await importSessionBundle(ctx, JSON.parse(fs.readFileSync(path.join(samples, file), 'utf8')));
    const { sessionId } = result;
    for (const lang of ['ar', 'en', 'fr'] as const) {
      const bytes = await generateMinutesDocx(ctx, sessionId, { lang, timeZone: 'Africa/Cairo' });
      fs.writeFileSync(path.join(out, `${file.replace(/\.json$/, '')}-${lang}.docx`), bytes);
    }
  }
} finally {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
