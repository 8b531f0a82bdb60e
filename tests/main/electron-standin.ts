// A recording stand-in for Playwright's Electron API (`launch` → app and page), for running the smoke
// test (scripts/smoke/electron-smoke.mjs) where Electron's binary cannot run. Behind it is the real app:
// main/app.ts's startApp with fakes of Electron's objects (tests/main/fakes.ts), the real core (SQLite
// files, src/api/dispatch) and the real preload bridge (main/preload/bridge.ts) over the real IPC
// handlers. The page runs the smoke script's functions serialized, as Playwright does, with the page's
// globals only (window.council; no require, process or module). Every call is recorded.
import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { createDispatcher } from '../../src/api/dispatch';
import { openCouncil } from '../../src/core/council';
import { startApp, type ElectronDeps } from '../../main/app';
import { createCouncilBridge } from '../../main/preload/bridge';
import { Emitter, FakeDialog, FakeIpcMain, FakeSession, FakeShell, FakeWindow } from './fakes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's functions take anything
type Fn = (...args: any[]) => unknown;
/** Run a function as Playwright does: from its source, so it cannot reach the test's closures. */
function serialized(fn: Fn, globals: Record<string, unknown>): Fn {
  const names = Object.keys(globals);
  // From source, as Playwright does: the function sees only the page's globals.
  return new Function(...names, `return (${fn.toString()});`)(...names.map((n) => globals[n])) as Fn;
}

const minimalPdf = () => new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));

export interface StandInOptions {
  /** The folder holding the stand-in's appData (and the UI's index.html). */
  dir: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}

export class StandIn {
  readonly calls: string[] = [];
  /** userData folders whose single-instance lock a running stand-in app holds. */
  private readonly locks = new Set<string>();
  private clipboard = '';
  readonly rendererDir: string;

  constructor(readonly options: StandInOptions) {
    this.rendererDir = path.join(options.dir, 'renderer');
    fs.mkdirSync(this.rendererDir, { recursive: true });
    fs.writeFileSync(path.join(this.rendererDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  }

  private record(call: string) {
    this.calls.push(call);
  }

  /** One process of the app: startApp on fakes; `lock` false when another holds it. */
  private async boot() {
    const appData = path.join(this.options.dir, 'appData');
    const locks = this.locks;
    const record = (call: string) => this.record(call);
    let exited: () => void = () => undefined;
    const exit = new Promise<void>((resolve) => (exited = resolve));
    let userData = '';
    const app = new (class extends Emitter {
      readonly isPackaged = false;
      async whenReady() {}
      paths: Record<string, string> = {};
      getPath(name: string) {
        return this.paths[name] ?? (name === 'appData' ? appData : path.join(appData, name));
      }
      setPath(name: string, value: string) {
        this.paths[name] = value;
        if (name === 'userData') userData = value;
      }
      getVersion() {
        return '0.0.0-standin';
      }
      requestSingleInstanceLock() {
        if (locks.has(userData)) return false;
        locks.add(userData);
        return true;
      }
      enableSandbox() {}
      setAppUserModelId(id: string) {
        record(`setAppUserModelId ${id}`);
      }
      quit() {
        let prevented = false;
        this.emit('will-quit', { preventDefault: () => (prevented = true) });
        if (!prevented) {
          locks.delete(userData);
          exited();
        }
      }
    })();
    const windows: FakeWindow[] = [];
    const handlers = new Map<string, (r: Request) => Promise<Response>>();
    const menus: MenuItemConstructorOptions[][] = [];
    const ipcMain = new FakeIpcMain();
    const deps: ElectronDeps<FakeWindow> = {
      app,
      protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme, handler) => void handlers.set(scheme, handler) },
      session: { defaultSession: new FakeSession() },
      ipcMain,
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] },
      shell: new FakeShell(),
      dialog: new FakeDialog<FakeWindow>(),
      setMenu: (template) => void menus.push(template),
      createWindow: (o) => {
        const w = new FakeWindow(o);
        windows.push(w);
        return w;
      },
      createPrintWindow: () => ({
        webContents: {
          loadURL: async () => undefined,
          printToPDF: async () => {
            this.record('printToPDF');
            return minimalPdf();
          },
          on: () => undefined,
          setWindowOpenHandler: () => undefined,
        },
        destroy: () => undefined,
      }),
    };
    const running = await startApp(deps, {
      env: this.options.env ?? {},
      platform: this.options.platform ?? 'win32',
      rendererDir: this.rendererDir,
      preloadPath: path.join(this.options.dir, 'preload.cjs'),
      openCouncil,
      createDispatcher,
      backupTimer: { setInterval: () => 0, clearInterval: () => undefined },
    });
    return { app, running, windows, handlers, menus, ipcMain, exit };
  }

  /** `_electron.launch`: the app started, its first window ready. */
  async launch(options: { args?: string[]; env?: Record<string, string | undefined> } = {}) {
    this.record(`launch ${JSON.stringify(options.args ?? [])}`);
    const proc = await this.boot();
    if (!proc.running) throw new Error('the app quit at start (another instance holds the lock)');
    const win = proc.windows[0]!;
    const page = new StandInPage(this, win, proc.ipcMain, proc.handlers);
    const electronModule = {
      Menu: { getApplicationMenu: () => ({ items: proc.menus.at(-1)!.map((t) => page.menuItem(t)) }) },
      BrowserWindow: { getAllWindows: () => proc.windows.filter((w) => !w.isDestroyed()) },
      clipboard: { readText: () => this.clipboard },
    };
    const app = {
      firstWindow: async () => page,
      evaluate: async (fn: Fn, arg?: unknown) => {
        this.record('app.evaluate');
        return serialized(fn, {})(electronModule, arg);
      },
      close: async () => {
        this.record('app.close');
        win.emit('close');
        proc.app.quit();
        await proc.exit;
      },
    };
    return { app, page };
  }

  /** Another copy started on the same data: its exit code. */
  async spawnSecond(): Promise<number> {
    this.record('spawn second instance');
    const proc = await this.boot();
    if (proc.running) throw new Error('a second instance started a window');
    await proc.exit;
    return 0;
  }

  get clipboardText() {
    return this.clipboard;
  }
  set clipboardText(text: string) {
    this.clipboard = text;
  }
}

/** The page: the UI's entry served by the app:// handler, window.council over the real IPC handlers. */
class StandInPage extends Emitter {
  private readonly fields = new Map<string, string>();
  private focused: string | null = null;
  private selectedAll = false;
  private formOpen = false;
  private readonly council;

  constructor(
    private readonly standIn: StandIn,
    private readonly win: FakeWindow,
    ipcMain: FakeIpcMain,
    private readonly handlers: Map<string, (r: Request) => Promise<Response>>,
  ) {
    super();
    this.council = createCouncilBridge({
      invoke: (channel, payload) => ipcMain.invoke(channel, win, win.webContents.mainFrame, payload),
      on: () => undefined,
      removeListener: () => undefined,
    });
  }

  private record(call: string) {
    (this.standIn as unknown as { record(c: string): void }).record(call);
  }

  url(): string {
    return this.win.webContents.loaded.at(-1) ?? 'about:blank';
  }

  async waitForSelector(selector: string) {
    this.record(`waitForSelector ${selector}`);
    if (selector !== '#root > *') throw new Error(`the stand-in knows no selector ${selector}`);
    const handler = this.handlers.get(new URL(this.url()).protocol.replace(':', ''));
    if (!handler) throw new Error(`nothing serves ${this.url()}`);
    const response = await handler(new Request(this.url()));
    if (response.status !== 200 || !(await response.text()).includes('id="root"')) throw new Error(`${this.url()} answered ${response.status}`);
    // The real window is shown once painted: so is this one.
    this.win.emit('ready-to-show');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Playwright's: whatever the page returns
  async evaluate(fn: Fn, arg?: unknown): Promise<any> {
    this.record('page.evaluate');
    return serialized(fn, { window: { council: this.council }, require: undefined, process: undefined, module: undefined })(arg);
  }

  private field(selector: string) {
    if (!this.formOpen || !selector.startsWith('[data-form=new-session] ')) throw new Error(`no element ${selector}`);
    return selector;
  }
  async click(selector: string) {
    this.record(`click ${selector}`);
    if (selector !== '[data-action=new-session]') throw new Error(`no element ${selector}`);
    this.formOpen = true;
  }
  async fill(selector: string, value: string) {
    this.record(`fill ${selector}`);
    this.fields.set(this.field(selector), value);
  }
  async focus(selector: string) {
    this.record(`focus ${selector}`);
    this.focused = this.field(selector);
    this.selectedAll = false;
  }
  async inputValue(selector: string) {
    return this.fields.get(this.field(selector)) ?? '';
  }

  /** A menu item as Electron builds it from the template: roles act on the focused text field. */
  menuItem(t: MenuItemConstructorOptions): { role?: string; label?: string; submenu?: { items: unknown[] }; click: Fn } {
    const submenu = Array.isArray(t.submenu) ? { items: t.submenu.map((s) => this.menuItem(s)) } : undefined;
    const role = t.role?.toLowerCase();
    return {
      ...(role ? { role } : {}),
      ...(t.label ? { label: t.label } : {}),
      ...(submenu ? { submenu } : {}),
      click: () => {
        this.record(`menu ${role ?? t.label}`);
        if (!role) return (t.click as Fn | undefined)?.();
        const field = this.focused;
        if (!field) return;
        const value = this.fields.get(field) ?? '';
        if (role === 'selectall') this.selectedAll = true;
        else if ((role === 'cut' || role === 'copy') && this.selectedAll) {
          this.standIn.clipboardText = value;
          if (role === 'cut') this.fields.set(field, '');
        } else if (role === 'paste') {
          this.fields.set(field, (this.selectedAll ? '' : value) + this.standIn.clipboardText);
          this.selectedAll = false;
        }
      },
    };
  }
}
