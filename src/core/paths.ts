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

export function appDataDir(p: PlatformEnv = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  if (p.platform === 'win32') return join(p.env.APPDATA ?? join(p.home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (p.platform === 'darwin') return join(p.home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(p.env.XDG_CONFIG_HOME || join(p.home, '.config'), PRODUCT_NAME);
}

export function defaultDatabasePath(p: PlatformEnv = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(p), DATABASE_FILE);
}
