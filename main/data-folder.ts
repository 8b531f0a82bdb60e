// The data folder on this computer's own disk, never roaming: on Windows %LOCALAPPDATA%\Council Minutes
// (Electron's appData is the roaming %APPDATA%, which a roaming profile copies to a server at sign-out).
// Versions before kept the data in %APPDATA%\Council Minutes: the first start moves it, once, when the
// new folder has no database yet. The database file goes last, so an interrupted move leaves the new
// folder without council.sqlite and is simply done again at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, PRODUCT_NAME } from '../src/core/paths';
import type { AppLog } from './log';

/**
 * Where the data lives. `appData` is app.getPath('appData'); on Windows the local folder comes from
 * LOCALAPPDATA (beside the roaming folder when it is not set). COUNCIL_USER_DATA overrides it in
 * development only.
 */
export function userDataDir(
  appData: string,
  isPackaged: boolean,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env.COUNCIL_USER_DATA?.trim();
  if (!isPackaged && override) return path.resolve(override);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA?.trim() || path.join(path.dirname(appData), 'Local');
    return path.join(local, PRODUCT_NAME);
  }
  return path.join(appData, PRODUCT_NAME);
}

/**
 * The folder earlier versions used, when the data must be looked for there: Windows only, and never for a
 * development scratch folder (COUNCIL_USER_DATA).
 */
export function legacyDataDir(
  appData: string,
  isPackaged: boolean,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
): string | null {
  if (platform !== 'win32' || (!isPackaged && env.COUNCIL_USER_DATA?.trim())) return null;
  return path.join(appData, PRODUCT_NAME);
}

/** What moves from the old folder: the database and its WAL files, backups, the seal's keys, window state. */
const MOVED = [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'backups', 'seal', 'window-state.json'];

export interface MoveResult {
  moved: string[];
}

function copyInto(from: string, to: string): void {
  const stat = fs.statSync(from);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from)) copyInto(path.join(from, entry), path.join(to, entry));
  } else {
    fs.copyFileSync(from, to);
    // The seal's private key stays readable by its owner only.
    fs.chmodSync(to, stat.mode & 0o777);
  }
}

/**
 * Move the data from `oldDir` to `newDir` if `newDir` has no database and `oldDir` has one. Copies
 * (the two may be on different volumes: a redirected roaming folder), puts the database in place last
 * under a temporary name then renames it, and only then removes the old copies.
 */
export function moveDataFolder(oldDir: string, newDir: string, log: AppLog): MoveResult {
  const newDb = path.join(newDir, DATABASE_FILE);
  const oldDb = path.join(oldDir, DATABASE_FILE);
  if (path.resolve(oldDir) === path.resolve(newDir) || fs.existsSync(newDb) || !fs.existsSync(oldDb)) return { moved: [] };
  log.info(`moving the data from ${oldDir} to ${newDir}`);
  fs.mkdirSync(newDir, { recursive: true });
  const moved: string[] = [];
  for (const name of MOVED) {
    const from = path.join(oldDir, name);
    if (!fs.existsSync(from)) continue;
    copyInto(from, path.join(newDir, name));
    moved.push(name);
  }
  const partial = `${newDb}.moving`;
  fs.copyFileSync(oldDb, partial);
  fs.renameSync(partial, newDb);
  moved.unshift(DATABASE_FILE);
  for (const name of moved) {
    try {
      fs.rmSync(path.join(oldDir, name), { recursive: true, force: true });
    } catch (err) {
      log.warn(`moved, but could not remove the old ${path.join(oldDir, name)}: ${(err as Error).message}`);
    }
  }
  log.info(`moved ${moved.join(', ')}`);
  return { moved };
}
