// The data folder on Windows is the local (non-roaming) one, and the data earlier versions left in the
// roaming folder moves there once: the database, its WAL files, backups, the seal's keys, the window's
// place. Played with the real app behind the stand-in (tests/main/electron-standin.ts) and real files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { legacyDataDir, moveDataFolder, userDataDir } from '../../main/data-folder';
import { silentLog } from '../../main/log';
import { tempDir } from '../helpers/temp-db';
import type { CouncilDesktop } from '../../src/desktop/types';
import { StandIn } from './electron-standin';

// The page's global, as the functions given to page.evaluate see it (they run in the page).
declare const window: { council: CouncilDesktop };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = tempDir('council-data-');
  dirs.push(d);
  return d;
};

describe('userDataDir', () => {
  it('Windows: %LOCALAPPDATA%\\Council Minutes, never the roaming appData', () => {
    const appData = path.join('/Users/a/AppData', 'Roaming');
    expect(userDataDir(appData, true, { LOCALAPPDATA: '/Users/a/AppData/Local' }, 'win32')).toBe(path.join('/Users/a/AppData/Local', 'Council Minutes'));
    // Without LOCALAPPDATA: the Local folder beside Roaming.
    expect(userDataDir(appData, true, {}, 'win32')).toBe(path.join('/Users/a/AppData/Local', 'Council Minutes'));
  });
  it('macOS and Linux: <appData>/Council Minutes; COUNCIL_USER_DATA only in development', () => {
    expect(userDataDir('/Users/a/Library/Application Support', true, { COUNCIL_USER_DATA: '/tmp/x' }, 'darwin')).toBe('/Users/a/Library/Application Support/Council Minutes');
    expect(userDataDir('/home/a/.config', false, { COUNCIL_USER_DATA: '/tmp/x' }, 'linux')).toBe('/tmp/x');
  });
});

describe('legacyDataDir', () => {
  it('is the roaming folder on Windows, except for a development scratch folder; none elsewhere', () => {
    expect(legacyDataDir('/r', true, { COUNCIL_USER_DATA: '/x' }, 'win32')).toBe(path.join('/r', 'Council Minutes'));
    expect(legacyDataDir('/r', false, { COUNCIL_USER_DATA: '/x' }, 'win32')).toBeNull();
    expect(legacyDataDir('/r', true, {}, 'darwin')).toBeNull();
  });
});

describe('moveDataFolder', () => {
  const fill = (folder: string) => {
    fs.mkdirSync(path.join(folder, 'backups'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'seal'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'council.sqlite'), 'db');
    fs.writeFileSync(path.join(folder, 'council.sqlite-wal'), 'wal');
    fs.writeFileSync(path.join(folder, 'council.sqlite-shm'), 'shm');
    fs.writeFileSync(path.join(folder, 'backups', 'council-daily-1.sqlite'), 'b1');
    fs.writeFileSync(path.join(folder, 'seal', 'seal-ed25519-private.pem'), 'key', { mode: 0o600 });
    fs.writeFileSync(path.join(folder, 'window-state.json'), '{}');
  };

  it('moves everything once, the seal key still private, and leaves the old folder empty of it', () => {
    const root = dir();
    const from = path.join(root, 'Roaming', 'Council Minutes');
    const to = path.join(root, 'Local', 'Council Minutes');
    fill(from);
    expect(moveDataFolder(from, to, silentLog).moved.sort()).toEqual(['backups', 'council.sqlite', 'council.sqlite-shm', 'council.sqlite-wal', 'seal', 'window-state.json']);
    expect(fs.readFileSync(path.join(to, 'council.sqlite-wal'), 'utf8')).toBe('wal');
    expect(fs.readFileSync(path.join(to, 'backups', 'council-daily-1.sqlite'), 'utf8')).toBe('b1');
    expect(fs.statSync(path.join(to, 'seal', 'seal-ed25519-private.pem')).mode & 0o077).toBe(0);
    expect(fs.readdirSync(from)).toEqual([]);
    expect(fs.existsSync(path.join(to, 'council.sqlite.moving'))).toBe(false);
    // Never again: a later roaming file (another profile sync) does not overwrite the local database.
    fs.writeFileSync(path.join(from, 'council.sqlite'), 'stale');
    expect(moveDataFolder(from, to, silentLog).moved).toEqual([]);
    expect(fs.readFileSync(path.join(to, 'council.sqlite'), 'utf8')).toBe('db');
  });

  it('does nothing without an old database; redoes an interrupted move (no database in the new folder)', () => {
    const root = dir();
    const from = path.join(root, 'old');
    const to = path.join(root, 'new');
    expect(moveDataFolder(from, to, silentLog).moved).toEqual([]);
    expect(fs.existsSync(to)).toBe(false);
    fill(from);
    fs.mkdirSync(to);
    fs.writeFileSync(path.join(to, 'council.sqlite.moving'), 'half');
    fs.writeFileSync(path.join(to, 'council.sqlite-wal'), 'half');
    expect(moveDataFolder(from, to, silentLog).moved).toContain('council.sqlite');
    expect(fs.readFileSync(path.join(to, 'council.sqlite'), 'utf8')).toBe('db');
    expect(fs.readFileSync(path.join(to, 'council.sqlite-wal'), 'utf8')).toBe('wal');
  });
});

describe('the app on Windows', { timeout: 60_000 }, () => {
  it('finds, after the move, the session a previous version saved in the roaming folder', async () => {
    const root = dir();
    const appData = path.join(root, 'appData'); // the stand-in's app.getPath('appData'): roaming
    // The earlier version: its data folder was <roaming>/Council Minutes.
    const before = new StandIn({ dir: root, platform: 'win32', env: { LOCALAPPDATA: appData } });
    const first = await before.launch();
    const created = await first.page.evaluate(() => window.council.call('sessions.create', { kind: 'ordinary', number: 67, venue: { city: { ar: 'تونس', en: 'Tunis', fr: 'Tunis' }, country: { ar: 'تونس', en: 'Tunisia', fr: 'Tunisie' } }, startDate: '2026-11-10', endDate: '2026-11-11' }));
    expect(created.ok, JSON.stringify(created)).toBe(true);
    await first.app.close();
    expect(fs.existsSync(path.join(appData, 'Council Minutes', 'council.sqlite'))).toBe(true);

    const local = path.join(root, 'Local');
    const after = new StandIn({ dir: root, platform: 'win32', env: { LOCALAPPDATA: local } });
    const second = await after.launch();
    const info = await second.page.evaluate(() => window.council.appInfo());
    expect(info.databasePath).toBe(path.join(local, 'Council Minutes', 'council.sqlite'));
    const sessions = await second.page.evaluate(() => window.council.call('sessions.list', {}));
    expect(sessions.value.map((s: { number: number }) => s.number)).toEqual([67]);
    await second.app.close();
    expect(fs.existsSync(path.join(appData, 'Council Minutes', 'council.sqlite'))).toBe(false);
    expect(fs.readFileSync(path.join(appData, 'logs', 'main.log'), 'utf8')).toMatch(/moved council\.sqlite/);
  });
});
