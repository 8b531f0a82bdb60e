// The Electron main process, wired from parameters: electron-main.ts passes Electron's real objects,
// tests pass fakes. Order matters: the app:// scheme is registered before 'ready', the session is locked
// down before the window exists, the database is open before the first IPC call can arrive.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Dispatcher, HostServices } from '../src/api/dispatch';
import type { MinutesRenderer } from '../src/minutes/worker-pool';
import { openLiveCouncil } from '../src/backup/live';
import type { IntervalTimer } from '../src/backup/scheduler';
import type { CoreContext } from '../src/core/context';
import type { Council } from '../src/core/council';
import type { Language } from '../src/desktop/types';
import { assertLocalDatabase } from '../src/database/location';
import { attachContextMenu } from './context-menu';
import { legacyDataDir, moveDataFolder, userDataDir } from './data-folder';
import { showOpenDialog, showSaveDialog } from './dialogs';
import type { DialogLike, ScreenLike, SessionLike, ShellLike } from './electron-types';
import { shellLabels } from './labels';
import { createLog, type AppLog } from './log';
import { watchWindow, type MessageBoxOptionsLike } from './recovery';
import { registerIpc, type IpcMainLike } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME } from './origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenSession } from './security';
import { createShellCalls } from './shell-calls';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, focusWindow, type MainWindowOptions, type TimerLike, type WindowLike } from './window';
import { createPdfPrinter, type PrintWindowLike, type PrintWindowOptions } from './print';
import { createHallHost, type HallScreenLike, type HallWindowLike } from './hall-window';

export const PRODUCT_NAME = 'Council Minutes';
export const DATABASE_FILE = 'council.sqlite';
/** electron-builder's appId: Windows groups the taskbar and notifications under it. */
export const APP_USER_MODEL_ID = 'org.councilminutes.app';
export { userDataDir };

export interface AppLike {
  readonly isPackaged: boolean;
  whenReady(): Promise<unknown>;
  getPath(name: 'appData' | 'userData' | 'documents' | 'logs'): string;
  /** Windows only (Electron has it everywhere; it does nothing elsewhere). */
  setAppUserModelId?(id: string): void;
  /** The system's language ('fr-FR'), for messages shown before the UI reports its own. */
  getLocale?(): string;
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
  dialog: DialogLike<W> & {
    showErrorBox(title: string, content: string): void;
    showMessageBox(window: W, options: MessageBoxOptionsLike): Promise<{ response: number }>;
  };
  /** `crashReporter`: minidumps kept on this computer for IT staff, never uploaded. */
  crashReporter?: { start(options: { uploadToServer: false; compress: boolean }): void };
  /** `(template, window) => Menu.buildFromTemplate(template).popup({ window })`: the right-click menu. */
  popupMenu?(template: MenuItemConstructorOptions[], window: W): void;
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
  /** Renders minutes off this process's main thread (the bundled worker); in-process without one. */
  createMinutesRenderer?(databasePath: string): MinutesRenderer;
  /** The daily backup schedule's timer (tests pass a fake); the system's by default. */
  backupTimer?: IntervalTimer;
  /** The window's show-fallback timer (tests pass a fake). */
  windowTimer?: TimerLike;
  /** The log; by default main.log in app.getPath('logs'), rotated. */
  log?: AppLog;
}

/** The database file: userData/council.sqlite, the same place the CLI uses by default. */
export function databasePathIn(userData: string): string {
  return path.join(userData, DATABASE_FILE);
}

/** The language of messages shown before the UI reports its own: the system's if we have it, else Arabic. */
export function startupLanguage(locale: string | undefined): Language {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return code === 'en' || code === 'fr' ? code : 'ar';
}

/** The dialog text for a database that cannot be opened: its own words per cause, then the details. */
export function startupFailureText(err: unknown, language: Language, databasePath: string): string {
  const t = shellLabels[language].startup;
  const code = (err as { code?: unknown } | null)?.code;
  const lead = typeof code === 'string' && code in t ? t[code as keyof typeof t] : t.other;
  return `${lead}\n\n${databasePath}\n\n${err instanceof Error ? err.message : String(err)}`;
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

  // Crash dumps stay on this computer (userData/Crashpad), for IT staff; nothing is ever uploaded.
  deps.crashReporter?.start({ uploadToServer: false, compress: true });
  if (options.platform === 'win32') app.setAppUserModelId?.(APP_USER_MODEL_ID);
  // Before the single-instance lock and 'ready': both key off the userData folder.
  const appData = app.getPath('appData');
  app.setPath('userData', userDataDir(appData, app.isPackaged, options.env, options.platform));
  if (!claimSingleInstance(app, () => focusWindow(currentWindow()))) return null;
  app.enableSandbox();
  deps.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  await app.whenReady();

  hardenSession(deps.session.defaultSession);
  deps.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

  const userData = app.getPath('userData');
  const log: AppLog = options.log ?? createLog({ dir: app.getPath('logs') });
  log.info(`starting ${PRODUCT_NAME} ${app.getVersion()} (${options.platform}, ${app.isPackaged ? 'packaged' : 'development'})`);
  const databasePath = databasePathIn(userData);
  let language: Language = startupLanguage(app.getLocale?.());
  let live: Awaited<ReturnType<typeof openLiveCouncil>>;
  try {
    // Windows: the data left in the roaming folder by earlier versions comes to the local one, once.
    const legacy = legacyDataDir(appData, app.isPackaged, options.env, options.platform);
    if (legacy) moveDataFolder(legacy, userData, log);
    assertLocalDatabase(databasePath, options.platform);
    // A restore from a backup closes and reopens the same file through this.
    live = await openLiveCouncil({
      open: async () => {
        const council = await options.openCouncil({ path: databasePath });
        const taken = council.database.backupsTaken ?? [];
        log.info(`database opened: ${databasePath}${taken.length ? ` (migrated; backup before migrating: ${taken.join(', ')})` : ''}`);
        return council;
      },
      onScheduleError: (err) => log.error('scheduled backup failed', err),
      ...(options.backupTimer ? { timer: options.backupTimer } : {}),
    });
  } catch (err) {
    // The engine, the place, the file or its version: say which, plainly, and leave the file untouched.
    log.error('the database could not be opened', err);
    deps.dialog.showErrorBox(PRODUCT_NAME, startupFailureText(err, language, databasePath));
    app.quit();
    return null;
  }
  // Backups and restores are logged (the schedule's failures above).
  // A long session's minutes render on a worker thread: the window never freezes while they are made.
  const minutes = options.createMinutesRenderer?.(databasePath);
  const backups = {
    list: () => live.backups.list(),
    backupNow: async (reason?: string) => {
      try {
        const done = await live.backups.backupNow(reason);
        log.info(`backup taken: ${done.backup.fileName}`);
        return done;
      } catch (err) {
        log.error('backup failed', err);
        throw err;
      }
    },
    restore: async (fileName: string) => {
      try {
        const done = await live.backups.restore(fileName);
        log.info(`restored from ${fileName}`);
        return done;
      } catch (err) {
        log.error(`restore from ${fileName} failed`, err);
        throw err;
      }
    },
    afterSittingOpened: () => live.backups.afterSittingOpened(),
  };

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
      backups,
      ...(minutes ? { minutes } : {}),
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
      ...(options.windowTimer ? { timer: options.windowTimer } : {}),
    });
    const opened = win;
    watchWindow<W>({ win: opened, dialog: deps.dialog, labels: () => shellLabels[language], log, title: PRODUCT_NAME, quit: () => app.quit() });
    attachContextMenu(opened.webContents, () => shellLabels[language], (template) => deps.popupMenu?.(template, opened));
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
    Promise.resolve(minutes?.close())
      .then(() => live.close())
      .catch((err: unknown) => log.error('closing the database failed', err))
      .finally(() => {
      log.info('quit');
      closed = true;
      app.quit();
    });
  });

  return { window: currentWindow, databasePath, language: () => language, backupsScheduled: () => live.scheduled() };
}
