import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/api/dispatch';
import { openCouncil } from '../../src/core/council';
import { apiChannel } from '../../src/desktop/schema';
import { databasePathIn, startApp, userDataDir, type StartOptions } from '../../main/app';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { createPdfPrinter } from '../../main/print';
import type { WindowOpenDetails, WindowOpenResponse } from '../../main/electron-types';
import { tempDir } from '../helpers/temp-db';
import { Emitter, FakeDialog, FakeIpcMain, FakeSession, FakeShell, FakeWindow } from './fakes';

class FakeApp extends Emitter {
  log: string[] = [];
  quits = 0;
  constructor(
    readonly appData: string,
    readonly isPackaged = false,
    readonly lock = true,
  ) {
    super();
  }
  async whenReady() {
    this.log.push('ready');
  }
  paths: Record<string, string> = {};
  getPath(name: string) {
    return this.paths[name] ?? (name === 'appData' ? this.appData : path.join(this.appData, name));
  }
  setPath(name: string, value: string) {
    this.log.push(`setPath:${name}`);
    this.paths[name] = value;
  }
  getVersion() {
    return '0.1.0';
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
  enableSandbox() {
    this.log.push('enableSandbox');
  }
  quit() {
    this.quits++;
    this.emit('will-quit', { preventDefault: () => this.log.push('quit-deferred') });
  }
}

const dirs: string[] = [];
const openCouncils: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of openCouncils.splice(0)) await close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

class FakeTimer {
  handles = new Set<number>();
  fns = new Map<number, () => void>();
  next = 1;
  setInterval(fn: () => void) {
    const h = this.next++;
    this.handles.add(h);
    this.fns.set(h, fn);
    return h;
  }
  clearInterval(h: unknown) {
    this.handles.delete(h as number);
  }
}

class FakePrintWindow {
  loaded: string[] = [];
  destroyed = false;
  navigateListeners: ((e: { preventDefault(): void }, url: string) => void)[] = [];
  openHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | null = null;
  constructor(readonly options: unknown) {}
  webContents = {
    loadURL: async (url: string) => {
      this.loaded.push(url);
    },
    printToPDF: async () => new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')),
    on: (_event: 'will-navigate', listener: (e: { preventDefault(): void }, url: string) => void) => this.navigateListeners.push(listener),
    setWindowOpenHandler: (handler: (details: WindowOpenDetails) => WindowOpenResponse) => {
      this.openHandler = handler;
    },
  };
  destroy() {
    this.destroyed = true;
  }
}

function harness(options: { isPackaged?: boolean; lock?: boolean; env?: Record<string, string>; openCouncil?: StartOptions['openCouncil'] } = {}) {
  const appData = tempDir('council-app-');
  dirs.push(appData);
  const userData = path.join(appData, 'Council Minutes');
  const app = new FakeApp(appData, options.isPackaged ?? false, options.lock ?? true);
  const session = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const dialog = new FakeDialog<FakeWindow>();
  const shell = new FakeShell();
  const menus: MenuItemConstructorOptions[][] = [];
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, (r: Request) => Promise<Response>>();
  const opened: { path: string }[] = [];
  const councils: { closed: boolean }[] = [];
  const timer = new FakeTimer();
  const printWindows: FakePrintWindow[] = [];
  const deps = {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => app.log.push(`privileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (r: Request) => Promise<Response>) => {
        app.log.push(`handle:${scheme}`);
        handlers.set(scheme, handler);
      },
    },
    session: { defaultSession: session },
    ipcMain,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] },
    shell,
    dialog,
    setMenu: (template: MenuItemConstructorOptions[]) => menus.push(template),
    createWindow: (o: ConstructorParameters<typeof FakeWindow>[0]) => {
      const w = new FakeWindow(o);
      windows.push(w);
      app.log.push('window');
      return w;
    },
    createPrintWindow: (o: unknown) => {
      const w = new FakePrintWindow(o);
      printWindows.push(w);
      return w;
    },
  };
  const rendererDir = path.join(appData, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<title>ok</title>');
  const start = () =>
    startApp(deps, {
      // The local data folder (Windows' %LOCALAPPDATA%) is appData itself here: nothing to move.
      env: { LOCALAPPDATA: appData, ...options.env },
      platform: 'win32',
      rendererDir,
      preloadPath: '/dist/main/preload.cjs',
      openCouncil:
        options.openCouncil ??
        (async (o) => {
          opened.push(o);
          const council = await openCouncil(o);
          const state = { closed: false };
          councils.push(state);
          const close = async () => {
            if (state.closed) return;
            state.closed = true;
            await council.close();
          };
          openCouncils.push(close);
          return { ctx: council.ctx, database: council.database, close };
        }),
      createDispatcher,
      backupTimer: timer,
    });
  return { app, session, ipcMain, dialog, shell, menus, windows, handlers, opened, councils, start, userData, timer, printWindows };
}

describe('startApp', () => {
  it('registers app:// before ready, locks the session down, then opens the database, the IPC and the window', async () => {
    const h = harness();
    const running = await h.start();
    expect(running).not.toBeNull();
    expect(h.app.log[0]).toBe('setPath:userData');
    expect(h.app.log[1]).toBe('enableSandbox');
    expect(h.app.log[2]).toMatch(/^privileged:.*"scheme":"app".*"standard":true.*"secure":true/);
    expect(h.app.log[2]).not.toMatch(/bypassCSP|corsEnabled|allowServiceWorkers/);
    expect(h.app.log.slice(3)).toEqual(['ready', 'handle:app', 'window']);
    expect(h.session.requestHandler).not.toBeNull();
    expect(h.session.checkHandler!(null, 'media')).toBe(false);

    expect(running!.databasePath).toBe(path.join(h.userData, 'council.sqlite'));
    expect(fs.existsSync(running!.databasePath)).toBe(true);
    expect(h.opened).toEqual([{ path: running!.databasePath }]);

    const res = await h.handlers.get('app')!(new Request('app://council/'));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const win = h.windows[0]!;
    expect(win.options.webPreferences.devTools).toBe(true); // not packaged: development
    const result = await h.ipcMain.invoke(apiChannel('settings.get'), win, win.webContents.mainFrame, {});
    expect(result).toMatchObject({ ok: true });
    expect(h.menus).toHaveLength(1);
  });

  it('rebuilds the menu in the language the UI reports', async () => {
    const h = harness();
    await h.start();
    const win = h.windows[0]!;
    expect(h.menus.at(-1)!.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة']);
    await h.ipcMain.invoke('shell:set-language', win, win.webContents.mainFrame, { language: 'fr' });
    expect(h.menus.at(-1)!.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('gives way to a running instance, and focuses the window when a second one starts', async () => {
    const second = harness({ lock: false });
    expect(await second.start()).toBeNull();
    expect(second.app.quits).toBe(1);
    expect(second.windows).toEqual([]);
    expect(second.opened).toEqual([]);

    const first = harness();
    await first.start();
    const win = first.windows[0]!;
    win.minimized = true;
    first.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
  });

  it('closes the database before quitting', async () => {
    const h = harness();
    await h.start();
    h.app.emit('window-all-closed');
    expect(h.app.log).toContain('quit-deferred');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.councils[0]!.closed).toBe(true);
    expect(h.app.quits).toBe(2);
  });

  it('opens the database in the data folder; a packaged app has no devtools', async () => {
    const packaged = harness({ isPackaged: true, env: {} });
    await packaged.start();
    expect(packaged.opened).toEqual([{ path: databasePathIn(packaged.userData) }]);
    expect(packaged.windows[0]!.options.webPreferences.devTools).toBe(false);
  });

  it('keeps its data in <appData>/Council Minutes, overridable in development only', () => {
    expect(userDataDir('/home/u/.config', false, {})).toBe(path.join('/home/u/.config', 'Council Minutes'));
    expect(userDataDir('/home/u/.config', false, { COUNCIL_USER_DATA: '/tmp/scratch' })).toBe(path.resolve('/tmp/scratch'));
    expect(userDataDir('/home/u/.config', true, { COUNCIL_USER_DATA: '/tmp/scratch' })).toBe(path.join('/home/u/.config', 'Council Minutes'));
  });

  it('says plainly when the database cannot be opened, and quits without a window', async () => {
    const h = harness({
      openCouncil: async () => {
        throw new Error('the database file is damaged');
      },
    });
    expect(await h.start()).toBeNull();
    expect(h.dialog.errors[0]!.content).toContain('the database file is damaged');
    expect(h.dialog.errors[0]!.content).toContain('council.sqlite');
    expect(h.windows).toEqual([]);
    expect(h.app.quits).toBe(1);
  });

  it('passes the host services: backups and their restore, the seal key in userData/seal, a PDF printer', async () => {
    const h = harness();
    const running = (await h.start())!;
    const win = h.windows[0]!;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the views loosely
    const call = async (name: string, payload: unknown): Promise<any> => {
      const r = (await h.ipcMain.invoke(apiChannel(name), win, win.webContents.mainFrame, payload)) as { ok: boolean; value?: unknown; error?: unknown };
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    const key = await call('seal.key', {});
    expect(key.pdfAvailable).toBe(true);
    expect(fs.existsSync(path.join(h.userData, 'seal', 'seal-ed25519-private.pem'))).toBe(true);

    const backup = await call('backups.now', {});
    expect(fs.existsSync(path.join(h.userData, 'backups', backup.fileName))).toBe(true);
    await call('settings.update', { secretaryName: 'بعد النسخة' });
    const restored = await call('backups.restore', { fileName: backup.fileName });
    expect(restored.restoredFrom).toBe(backup.fileName);
    // Reopened through the app's own openCouncil, and the same IPC handlers answer from the restored file.
    expect(h.opened).toHaveLength(2);
    expect(h.councils[0]!.closed).toBe(true);
    expect((await call('settings.get', {})).secretaryName).not.toBe('بعد النسخة');
    expect(running.databasePath).toBe(path.join(h.userData, 'council.sqlite'));
  });

  it('runs the daily backup schedule while open and stops it on quit', async () => {
    const h = harness();
    const running = (await h.start())!;
    expect(running.backupsScheduled()).toBe(true);
    expect(h.timer.handles.size).toBe(1);
    // The check the timer runs takes the first 'daily' backup.
    h.timer.fns.get([...h.timer.handles][0]!)!();
    await expect.poll(() => (fs.existsSync(path.join(h.userData, 'backups')) ? fs.readdirSync(path.join(h.userData, 'backups')) : []).join()).toMatch(/council-daily-/);
    h.app.emit('window-all-closed');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.timer.handles.size).toBe(0);
    expect(running.backupsScheduled()).toBe(false);
    expect(h.councils.at(-1)!.closed).toBe(true);
  });
});

describe('createPdfPrinter', () => {
  it('prints in a hidden window without script or preload, as a data: page, and destroys it even on failure', async () => {
    const windows: FakePrintWindow[] = [];
    const print = createPdfPrinter((o) => {
      const w = new FakePrintWindow(o);
      windows.push(w);
      return w;
    });
    const pdf = await print('<!doctype html><p>محضر</p>');
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    const w = windows[0]!;
    expect(w.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect((w.options as { webPreferences: object }).webPreferences).not.toHaveProperty('preload');
    expect(w.loaded[0]).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(Buffer.from(w.loaded[0]!.split(',')[1]!, 'base64').toString('utf8')).toContain('محضر');
    expect(w.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const e = { prevented: false, preventDefault() { this.prevented = true; } };
    w.navigateListeners[0]!(e, 'https://example.org/');
    expect(e.prevented).toBe(true);
    expect(w.destroyed).toBe(true);

    const failing = createPdfPrinter((o) => {
      const f = new FakePrintWindow(o);
      f.webContents.printToPDF = async () => {
        throw new Error('printer gone');
      };
      windows.push(f);
      return f;
    });
    await expect(failing('<p>x</p>')).rejects.toThrow('printer gone');
    expect(windows[1]!.destroyed).toBe(true);
  });
});
