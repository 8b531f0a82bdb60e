// The command-line tool, in process (runCli) and once as a real process; bad arguments and bad bundles
// give a message naming the problem, a non-zero exit, and an unchanged database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/council';
import { appDataDir, defaultDatabasePath } from '../../src/core/paths';
import { tempDir } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function workspace() {
  const dir = tempDir('council-cli-');
  dirs.push(dir);
  return { dir, db: path.join(dir, 'council.sqlite') };
}

/** Every table's rows (read only), to compare before and after a refusal. */
function snapshot(file: string): Record<string, string[]> {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`select * from "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
  } finally {
    sqlite.close();
  }
}

describe('council CLI', () => {
  it('prints help listing the commands and the default database', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['minutes <session>', 'export <session>', 'import FILE.json', 'check']) expect(r.out).toContain(c);
    expect(r.out).toContain(defaultDatabasePath());
  });

  it('imports the samples, writes minutes in each language and exports a bundle', async () => {
    const { dir, db } = workspace();
    expect((await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db)).code).toBe(0);
    const imported = await cli('import', path.join(SAMPLES, 'agadir-66.json'), '--db', db);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^imported ordinary session 66 \(\d+ rows/);
    for (const lang of ['ar', 'en', 'fr']) {
      const out = path.join(dir, `m-${lang}.docx`);
      const r = await cli('minutes', 'ordinary:66', '--lang', lang, '--out', out, '--db', db, '--tz', 'Africa/Casablanca');
      expect(r.code).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    }
    const html = path.join(dir, 'm.html');
    expect((await cli('minutes', '66', '--lang', 'ar', '--out', html, '--db', db)).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toContain('<html lang="ar" dir="rtl">');
    const json = path.join(dir, 'out.json');
    expect((await cli('export', '66', '--out', json, '--db', db)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).session.number).toBe(66);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toContain('integrity: ok');
  }, 60_000);

  it('refuses bad arguments with a message naming them and exit code 2', async () => {
    const { db } = workspace();
    const cases: [string[], RegExp][] = [
      [['minutes', '66', '--lang', 'de', '--out', 'x.docx', '--db', db], /--lang must be ar, en or fr: de/],
      [['minutes', '66', '--lang', 'ar', '--db', db], /--out is required/],
      [['minutes', '66', '--out', 'x.pdf', '--db', db], /--out must end in .docx or .html/],
      [['minutes', '--out', 'x.docx', '--db', db], /missing session/],
      [['export', '66', '--bogus', '--db', db], /unknown option --bogus/],
      [['minutes', '66', '--out', 'x.docx', '--tz', 'Mars/Olympus', '--db', db], /--tz is not a time zone/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect((await cli('frobnicate')).code).toBe(2);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('names a session that does not exist (exit 1)', async () => {
    const { dir, db } = workspace();
    const r = await cli('minutes', 'extraordinary:9', '--out', path.join(dir, 'x.docx'), '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('session not found: extraordinary:9');
  });

  it('leaves the database unchanged when a bundle is refused', async () => {
    const { dir, db } = workspace();
    await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db);
    await cli('check', '--db', db); // settle the WAL into the file
    const bad = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'agadir-66.json'), 'utf8'));
    bad.voteBallots[3].choice = 'maybe';
    const badFile = path.join(dir, 'bad.json');
    fs.writeFileSync(badFile, JSON.stringify(bad));
    const before = snapshot(db);
    const r = await cli('import', badFile, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('voteBallots.3.choice');
    const notJson = path.join(dir, 'garbage.json');
    fs.writeFileSync(notJson, '{ not json');
    expect((await cli('import', notJson, '--db', db)).err).toMatch(/is not JSON/);
    expect((await cli('import', path.join(dir, 'missing.json'), '--db', db)).err).toMatch(/cannot read .*ENOENT/);
    const again = await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toContain('session number 65 already exists');
    expect(snapshot(db)).toEqual(before);
  });

  it('finds the app data folder as the desktop app does on each platform (Windows: local, not roaming)', () => {
    const windows = { APPDATA: 'C:\\Users\\a\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };
    expect(appDataDir({ platform: 'win32', env: windows, home: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Local\\Council Minutes');
    expect(appDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Local\\Council Minutes');
    expect(defaultDatabasePath({ platform: 'darwin', env: {}, home: '/Users/a' })).toBe('/Users/a/Library/Application Support/Council Minutes/council.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: {}, home: '/home/a' })).toBe('/home/a/.config/Council Minutes/council.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/a' })).toBe('/x/Council Minutes/council.sqlite');
  });

  it('runs as a real process from the bundle (scripts/council.mjs, what npm run council and the council bin run), with exit codes', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const council = (...args: string[]) => spawnSync(process.execPath, ['scripts/council.mjs', ...args], { cwd: root, encoding: 'utf8' });
    const ok = council('--help');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Usage: npm run council');
    expect(fs.existsSync(path.join(root, 'dist', 'cli', 'council.mjs'))).toBe(true);
    const bad = council('minutes', '66', '--lang', 'xx', '--out', 'a.docx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang must be ar, en or fr');
    // A real session through the bundle: the import, then the minutes (the docx writer is a chunk of its own).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-cli-bundle-'));
    try {
      const db = path.join(dir, 'c.sqlite');
      const imported = council('import', path.join(root, 'resources', 'samples', 'agadir-66.json'), '--db', db);
      expect(imported.stderr).not.toMatch(/error|council import:/i);
      expect(imported.status).toBe(0);
      const out = path.join(dir, 'm.docx');
      const made = council('minutes', '66', '--lang', 'en', '--out', out, '--db', db);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
