// The bundles npm start and electron-builder ship (dist/main/*.cjs), loaded the way Electron would load
// them but with fake Electron objects: the preload with a sandbox-like require that offers 'electron'
// only, the main process with the real better-sqlite3 (Node's ABI) in a temporary userData folder.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../scripts/build-main.mjs';
import { tempDir } from '../helpers/temp-db';
import { importSessionBundle } from '../../src/bundle/import';
import { openCouncil } from '../../src/core/council';
import { readSample } from '../minutes/sample';
import { Emitter, FakeDialog, FakeIpcMain, FakeSession, FakeShell, FakeWindow } from './fakes';

let out: string;
beforeAll(async () => {
  out = path.join(tempDir('council-bundle-'), 'main');
  await buildMain(out);
  // As in the packaged app, node_modules (better-sqlite3) sits above the bundles: the worker thread
  // resolves it from its own file.
  fs.symlinkSync(path.resolve(__dirname, '../../node_modules'), path.join(path.dirname(out), 'node_modules'), 'dir');
}, 120_000);
afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

/** Run a CommonJS bundle with our own require, as Electron's loaders would. */
function load(file: string, requireFn: (id: string) => unknown): void {
  const code = fs.readFileSync(file, 'utf8');
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__dirname', '__filename', code)(
    requireFn,
    module,
    module.exports,
    path.dirname(file),
    file,
  );
}

describe('the bundles', () => {
  it('keep electron and better-sqlite3 external and the preload free of Node modules', () => {
    const requires = (file: string) => [...fs.readFileSync(path.join(out, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires('preload.cjs')).toEqual(['electron']);
    const main = new Set(requires('electron-main.cjs'));
    expect(main.has('electron')).toBe(true);
    expect(main.has('better-sqlite3')).toBe(true);
    // Node's built-ins only (jszip's stream shim asks for 'stream', 'buffer', 'util', 'events' by bare name).
    expect([...main].filter((m) => !m!.startsWith('node:') && !builtinModules.includes(m!) && m !== 'electron' && m !== 'better-sqlite3')).toEqual([]);
  });

  it('the preload exposes window.council when loaded sandboxed', () => {
    const exposed: [string, unknown][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: { invoke: async () => null, on: () => undefined, removeListener: () => undefined },
    };
    load(path.join(out, 'preload.cjs'), (id) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    });
    expect(exposed.map(([k]) => k)).toEqual(['council']);
    expect(typeof (exposed[0]![1] as { call: unknown }).call).toBe('function');
  });

  it('the main process starts, opens userData/council.sqlite and answers an API call over IPC', async () => {
    const userData = path.join(path.dirname(out), 'Council Minutes');
    const windows: FakeWindow[] = [];
    const ipcMain = new FakeIpcMain();
    const crashReports: unknown[] = [];
    const app = Object.assign(new Emitter(), {
      isPackaged: false,
      whenReady: async () => undefined,
      paths: { appData: path.dirname(out), documents: path.join(path.dirname(out), 'Documents'), logs: path.join(path.dirname(out), 'logs') } as Record<string, string>,
      getPath(name: string) {
        return this.paths[name]!;
      },
      setPath(name: string, value: string) {
        this.paths[name] = value;
      },
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      enableSandbox: () => undefined,
      quit: () => undefined,
      exit: () => undefined,
    });
    const electron = {
      app,
      protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
      session: { defaultSession: new FakeSession() },
      ipcMain,
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] },
      shell: new FakeShell(),
      dialog: new FakeDialog(),
      crashReporter: { start: (o: unknown) => crashReports.push(o) },
      Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
      BrowserWindow: class extends FakeWindow {
        constructor(options: ConstructorParameters<typeof FakeWindow>[0]) {
          super(options);
          windows.push(this);
        }
      },
    };
    const realRequire = createRequire(path.join(process.cwd(), 'package.json'));
    load(path.join(out, 'electron-main.cjs'), (id) => (id === 'electron' ? electron : realRequire(id)));
    for (let i = 0; i < 200 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(electron.dialog.errors).toEqual([]);
    expect(windows).toHaveLength(1);
    expect(crashReports).toEqual([{ uploadToServer: false, compress: true }]);
    expect(fs.readFileSync(path.join(path.dirname(out), 'logs', 'main.log'), 'utf8')).toMatch(/database opened: /);
    const win = windows[0]!;
    expect(win.options.webPreferences.preload).toBe(path.join(out, 'preload.cjs'));
    expect(win.webContents.loaded).toEqual(['app://council/index.html']);
    expect(fs.existsSync(path.join(userData, 'council.sqlite'))).toBe(true);
    const result = (await ipcMain.invoke('api:settings.get', win, win.webContents.mainFrame, {})) as { ok: boolean };
    expect(result.ok).toBe(true);

    // The minutes come from the bundled worker (dist/main/minutes-worker.cjs) on a thread of its own.
    const other = await openCouncil({ path: path.join(userData, 'council.sqlite') });
    await importSessionBundle(other.ctx, readSample('agadir-66'));
    await other.close();
    const minutes = (await ipcMain.invoke('api:minutes.docx', win, win.webContents.mainFrame, { sessionId: '66', lang: 'fr' })) as {
      ok: boolean;
      value: { fileName: string; base64: string };
    };
    expect(minutes.ok).toBe(true);
    expect(minutes.value.fileName).toBe('minutes-ordinary-66-fr.docx');
    expect(Buffer.from(minutes.value.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    app.emit('will-quit', { preventDefault: () => undefined });
  });
});
