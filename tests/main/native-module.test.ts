// A native SQLite module that cannot load (a broken install, the wrong platform's binary) is its own
// error, NATIVE_MODULE, never "the database is damaged": openDatabase throws NativeModuleError, and the
// app's dialog says to reinstall and that the data is untouched, leaving the file as it is.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// better-sqlite3 as it behaves when its binary cannot be loaded: the constructor throws dlopen's error.
vi.mock('better-sqlite3', () => ({
  default: class {
    constructor() {
      throw new Error('/app/node_modules/better-sqlite3/prebuilds/win32-x64.node: invalid ELF header');
    }
  },
}));

const { openDatabase } = await import('../../src/database/open');
const { openCouncil } = await import('../../src/core/council');
const { createDispatcher } = await import('../../src/api/dispatch');
const { startApp } = await import('../../main/app');
const { shellLabels } = await import('../../main/labels');
const { NativeModuleError } = await import('../../src/errors');
const { tempDir } = await import('../helpers/temp-db');
const { Emitter, FakeDialog, FakeIpcMain, FakeSession, FakeShell, FakeWindow } = await import('./fakes');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('a native module that cannot load', () => {
  it('openDatabase throws NativeModuleError (NATIVE_MODULE), and the file is left as it was', async () => {
    const dir = tempDir('council-native-');
    dirs.push(dir);
    const file = path.join(dir, 'council.sqlite');
    fs.writeFileSync(file, 'an existing database');
    const err = await openDatabase({ path: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NativeModuleError);
    expect(err).toMatchObject({ code: 'NATIVE_MODULE', field: 'database' });
    expect((err as Error).message).toMatch(/invalid ELF header/);
    expect((err as Error).message).not.toMatch(/damaged/);
    expect(fs.readFileSync(file, 'utf8')).toBe('an existing database');
  });

  it('the app shows the NATIVE_MODULE message, not "damaged", logs it, and quits', async () => {
    const appData = tempDir('council-native-app-');
    dirs.push(appData);
    const dialog = new FakeDialog<InstanceType<typeof FakeWindow>>();
    let quits = 0;
    const app = Object.assign(new Emitter(), {
      isPackaged: true,
      whenReady: async () => undefined,
      getPath: (name: string) => (name === 'appData' ? appData : path.join(appData, name)),
      setPath: () => undefined,
      getVersion: () => '0.1.0',
      getLocale: () => 'en-GB',
      requestSingleInstanceLock: () => true,
      enableSandbox: () => undefined,
      quit: () => void quits++,
    });
    const windows: unknown[] = [];
    const running = await startApp(
      {
        app,
        protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
        session: { defaultSession: new FakeSession() },
        ipcMain: new FakeIpcMain(),
        screen: { getAllDisplays: () => [] },
        shell: new FakeShell(),
        dialog,
        setMenu: () => undefined,
        createWindow: (o) => {
          const w = new FakeWindow(o);
          windows.push(w);
          return w;
        },
      },
      { env: {}, platform: 'darwin', rendererDir: appData, preloadPath: '/p.cjs', openCouncil, createDispatcher },
    );
    expect(running).toBeNull();
    expect(windows).toEqual([]);
    expect(quits).toBe(1);
    expect(dialog.errors).toHaveLength(1);
    expect(dialog.errors[0]!.content.startsWith(shellLabels.en.startup.NATIVE_MODULE)).toBe(true);
    expect(dialog.errors[0]!.content).not.toMatch(/damaged/i);
    expect(fs.readFileSync(path.join(appData, 'logs', 'main.log'), 'utf8')).toMatch(/ERROR the database could not be opened: \[NATIVE_MODULE\]/);
  });
});
