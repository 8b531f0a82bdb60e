// Where the app keeps its data, without Electron: the same folder Electron's app.getPath('userData')
// gives for the product name "Council Minutes", so the CLI and the app open the same file.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Council Minutes';
export const DATABASE_FILE = 'council.sqlite';

export interface PlatformEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const current = (): PlatformEnv => ({ platform: process.platform, env: process.env, home: os.homedir() });

/**
 * The data folder. On Windows it is the LOCAL (non-roaming) application data: a roaming profile copies
 * %APPDATA% to a server at every sign-out, which is no place for a live SQLite file. Earlier versions
 * used %APPDATA%; the desktop app moves that folder once (main/data-folder.ts, see roamingDataDir).
 */
export function appDataDir(p: PlatformEnv = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  if (p.platform === 'win32') return join(p.env.LOCALAPPDATA || join(p.home, 'AppData', 'Local'), PRODUCT_NAME);
  if (p.platform === 'darwin') return join(p.home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(p.env.XDG_CONFIG_HOME || join(p.home, '.config'), PRODUCT_NAME);
}

export function defaultDatabasePath(p: PlatformEnv = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(p), DATABASE_FILE);
}

/** Windows only: the roaming folder earlier versions kept the data in (%APPDATA%\Council Minutes). */
export function roamingDataDir(p: PlatformEnv = current()): string {
  return path.win32.join(p.env.APPDATA || path.win32.join(p.home, 'AppData', 'Roaming'), PRODUCT_NAME);
}
