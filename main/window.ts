// The one main window: secure webPreferences, hardened webContents, the UI from app://council/, and its
// size and place restored and saved.
import type { Rectangle, ScreenLike, ShellLike, WebContentsLike } from './electron-types';
import { APP_ENTRY_URL } from './origin';
import { hardenWebContents, secureWebPreferences, type SecureWebPreferences } from './security';
import { initialBounds, MIN_SIZE, readWindowState, writeWindowState } from './window-state';

export interface WindowLike {
  readonly webContents: WebContentsLike & { loadURL(url: string): Promise<void> };
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
  focus(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface MainWindowOptions {
  title: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  minWidth: number;
  minHeight: number;
  show: false;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

/** Shown after this long even if 'ready-to-show' never fires (a page stuck loading): never an invisible app. */
export const SHOW_FALLBACK_MS = 5000;

export interface TimerLike {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimer: TimerLike = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface MainWindowDeps<W extends WindowLike> {
  /** `(options) => new BrowserWindow(options)` in electron-main.ts; a fake in tests. */
  createWindow(options: MainWindowOptions): W;
  screen: ScreenLike;
  shell: Pick<ShellLike, 'openExternal'>;
  preload: string;
  /** userData/window-state.json */
  stateFile: string;
  development: boolean;
  title: string;
  /** The show fallback's timer (tests pass a fake); the system's by default. */
  timer?: TimerLike;
}

export function createMainWindow<W extends WindowLike>(deps: MainWindowDeps<W>): W {
  const start = initialBounds(readWindowState(deps.stateFile), deps.screen.getAllDisplays());
  const win = deps.createWindow({
    title: deps.title,
    width: start.width,
    height: start.height,
    ...(start.x !== undefined && start.y !== undefined ? { x: start.x, y: start.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(deps.preload, deps.development),
  });
  hardenWebContents(win.webContents, { shell: deps.shell, development: deps.development });
  const timer = deps.timer ?? systemTimer;
  let shown = false;
  const showOnce = () => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    timer.clearTimeout(fallback);
    if (start.maximized) win.maximize();
    win.show();
  };
  win.once('ready-to-show', showOnce);
  const fallback = timer.setTimeout(showOnce, SHOW_FALLBACK_MS);
  win.on('close', () => {
    try {
      writeWindowState(deps.stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // Losing the window's place is not worth refusing to close.
    }
  });
  void win.webContents.loadURL(APP_ENTRY_URL);
  return win;
}

/** Bring a window to the front (a second instance was started, or the dock icon clicked). */
export function focusWindow(win: WindowLike | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
