// The Electron main process, wired from parameters: electron-main.ts passes Electron's real objects,
// tests pass fakes. Order matters: the app:// scheme is registered before 'ready', the session is locked
// down before the window exists, the database is open before the first IPC call can arrive.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Dispatcher, HostServices } from '../src/api/dispatch';
import { openLiveCouncil } from '../src/backup/live';
import type { IntervalTimer } from '../src/backup/scheduler';
import type { CoreContext } from '../src/core/context';
import type { Council } from '../src/core/council';
import type { Language } from '../src/desktop/types';
import { showOpenDialog, showSaveDialog } from './dialogs';
import type { DialogLike, ScreenLike, SessionLike, ShellLike } from './electron-types';
import { registerIpc, type IpcMainLike } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME } from './origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenSession } from './security';
import { createShellCalls } from './shell-calls';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, focusWindow, type MainWindowOptions, type WindowLike } from './window';
import { createPdfPrinter, type PrintWindowLike, type PrintWindowOptions } from './print';
import { createHallHost, type HallScreenLike, type HallWindowLike } from './hall-window';

export const PRODUCT_NAME = 'Council Minutes';
export const DATABASE_FILE = 'council.sqlite';

export interface AppLike {
  readonly isPackaged: boolean;
  whenReady(): Promise<unknown>;
  getPath(name: 'appData' | 'userData' | 'documents'): string;
  setPath(name: 'userData', path: string): void;
  getVersion(): string;
  requestSingleInstanceLock(): boolean;
  /** Sandbox every renderer, whatever its webPreferences say (must precede 'ready'). */
  enableSandbox(): void;
  quit(): void;
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface ElectronDeps<W extends WindowLike> {
  app: AppLike;
  protocol: {
    registerSchemesAsPrivileged(schemes: (typeof APP_SCHEME_PRIVILEGES)[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { defaultSession: SessionLike };
  ipcMain: IpcMainLike;
  screen: ScreenLike;
  shell: ShellLike;
  dialog: DialogLike<W> & { showErrorBox(title: string, content: string): void };
  /** `(template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template))` */
  setMenu(template: MenuItemConstructorOptions[]): void;
  createWindow(options: MainWindowOptions): W;
  /** `(options) => new BrowserWindow(options)`: the hidden window that prints the minutes to PDF. */
  createPrintWindow?(options: PrintWindowOptions): PrintWindowLike;
}

/** The opened council: its context, the database (for backups) and how to close it. */
export type CouncilHandle = Pick<Council, 'ctx' | 'database' | 'close'>;

export interface StartOptions {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** dist/renderer: the built UI served under app://council/ */
  rendererDir: string;
  /** dist/main/preload.cjs */
  preloadPath: string;
  openCouncil(options: { path: string }): Promise<CouncilHandle>;
  createDispatcher(ctx: () => CoreContext, host: HostServices): Dispatcher;
  /** The daily backup schedule's timer (tests pass a fake); the system's by default. */
  backupTimer?: IntervalTimer;
}

/** The database file: userData/council.sqlite, the same place the CLI uses by default. */
export function databasePathIn(userData: string): string {
  return path.join(userData, DATABASE_FILE);
}

/**
 * The data folder: <appData>/Council Minutes, set explicitly so that `npm start`, the packaged app and
 * the CLI agree (Electron would otherwise derive it from package.json's name in development and from the
 * product name when packaged). COUNCIL_USER_DATA overrides it in development only (a scratch folder).
 */
export function userDataDir(appData: string, isPackaged: boolean, env: Record<string, string | undefined>): string {
  const override = env.COUNCIL_USER_DATA?.trim();
  if (!isPackaged && override) return path.resolve(override);
  return path.join(appData, PRODUCT_NAME);
}

export interface RunningApp<W> {
  window(): W | null;
  databasePath: string;
  language(): Language;
  /** Whether the daily backup schedule runs (from start until quit). */
  backupsScheduled(): boolean;
}

export async function startApp<W extends WindowLike>(
  deps: ElectronDeps<W>,
  options: StartOptions,
): Promise<RunningApp<W> | null> {
  const { app } = deps;
  const development = !app.isPackaged;
  let win: W | null = null;
  const currentWindow = () => (win && !win.isDestroyed() ? win : null);

  // Before the single-instance lock and 'ready': both key off the userData folder.
  app.setPath('userData', userDataDir(app.getPath('appData'), app.isPackaged, options.env));
  if (!claimSingleInstance(app, () => focusWindow(currentWindow()))) return null;
  app.enableSandbox();
  deps.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  await app.whenReady();

  hardenSession(deps.session.defaultSession);
  deps.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

  const userData = app.getPath('userData');
  const databasePath = databasePathIn(userData);
  let live: Awaited<ReturnType<typeof openLiveCouncil>>;
  try {
    // A restore from a backup closes and reopens the same file through this.
    live = await openLiveCouncil({
      open: () => options.openCouncil({ path: databasePath }),
      ...(options.backupTimer ? { timer: options.backupTimer } : {}),
    });
  } catch (err) {
    // A damaged file or one from a newer app: say so plainly and leave the file untouched.
    deps.dialog.showErrorBox(PRODUCT_NAME, `${(err as Error).message}\n\n${databasePath}`);
    app.quit();
    return null;
  }

  let language: Language = 'ar';
  const dialogDeps = {
    dialog: deps.dialog,
    window: currentWindow,
    documentsDir: app.getPath('documents'),
    language: () => language,
  };
  const send = (channel: string, ...args: unknown[]) => currentWindow()?.webContents.send(channel, ...args);
  const rebuildMenu = () =>
    deps.setMenu(
      buildMenuTemplate({
        language,
        development,
        platform: options.platform,
        send,
        chooseLanguage: setLanguage,
        showDataFolder: () => deps.shell.showItemInFolder(databasePath),
      }),
    );
  function setLanguage(next: Language) {
    if (next === language) return;
    language = next;
    rebuildMenu();
  }

  // The hall display (second window, src/room): it reads its state through the dispatcher made below.
  let dispatch: Dispatcher | null = null;
  const hall = createHallHost({
    createWindow: deps.createWindow as unknown as (o: MainWindowOptions) => HallWindowLike,
    screen: deps.screen as HallScreenLike,
    shell: deps.shell,
    preload: options.preloadPath,
    development,
    dispatch: () => dispatch!,
  });
  registerIpc({
    ipcMain: deps.ipcMain,
    window: currentWindow,
    dispatch: (dispatch = options.createDispatcher(live.ctx, {
      hall,
      backups: live.backups,
      seal: { dataDir: userData, ...(deps.createPrintWindow ? { printToPdf: createPdfPrinter(deps.createPrintWindow) } : {}) },
    })),
    shellCalls: createShellCalls({
      shell: deps.shell,
      saveDialog: (fileName) => showSaveDialog(dialogDeps, fileName),
      openDialog: (kind) => showOpenDialog(dialogDeps, kind),
      setLanguage,
      appInfo: () => ({ version: app.getVersion(), platform: options.platform, databasePath, development }),
    }),
  });
  rebuildMenu();
  // Daily backups (and one after a session is closed) while the app is open; stopped before quitting.
  live.startSchedule();

  const openWindow = () => {
    win = createMainWindow({
      createWindow: deps.createWindow,
      screen: deps.screen,
      shell: deps.shell,
      preload: options.preloadPath,
      stateFile: path.join(userData, 'window-state.json'),
      development,
      title: PRODUCT_NAME,
    });
  };
  openWindow();

  app.on('activate', () => {
    if (!currentWindow()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Stop the backup schedule and close SQLite cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    live.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  return { window: currentWindow, databasePath, language: () => language, backupsScheduled: () => live.scheduled() };
}
