// The sample sessions (resources/samples) imported into a fresh temporary database.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importSessionBundle } from '../../src/bundle/import';
import { openTempDb, type TempDb } from '../helpers/temp-db';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SAMPLES = path.resolve(here, '../../resources/samples');

export function readSample(name: 'agadir-66' | 'baghdad-65'): unknown {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.json`), 'utf8'));
}

export async function sampleDb(): Promise<TempDb> {
  const db = await openTempDb();
  await importSessionBundle(db.ctx, readSample('baghdad-65'));
  await importSessionBundle(db.ctx, readSample('agadir-66'));
  return db;
}

export interface DocxView {
  paragraphs: { text: string; style: string | null; bidi: boolean; runs: { text: string; rtl: boolean; cs: string | null }[] }[];
  tables: { bidiVisual: boolean; style: string | null; rows: string[][]; cellBidi: boolean }[];
  order: ({ kind: 'p'; text: string } | { kind: 't'; index: number })[];
  header: string;
  footerXml: string;
  page: { width: number; height: number };
  styles: string[];
}

export function readDocx(file: string): DocxView {
  const out = execFileSync('/usr/bin/python3', [path.join(here, 'read_docx.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as DocxView;
}

/** pdftotext output with bidi controls and all whitespace removed, for comparing Arabic phrases. */
export function normalise(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '').replace(/\s+/g, '');
}

/** LibreOffice headless -> PDF in `dir`; a profile of its own so parallel runs do not collide. */
export function toPdf(file: string, dir: string): string {
  const profile = `file:///tmp/lo-profile-${process.pid}-${Date.now()}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 180_000,
    env: { ...process.env, FONTCONFIG_FILE: path.join(here, 'fonts.conf') },
  });
  return path.join(dir, `${path.basename(file, '.docx')}.pdf`);
}
