// The hall display's window: on the projector (the first display that is not the primary one) and full
// screen there, or full screen on the laptop's own screen on demand. It shows no controls and makes no
// API call: main reads the display's state after each signal from the core (src/room/events.ts) and
// pushes it on one channel, so the window is read-only by construction (its API calls would be refused
// anyway: ipc.ts trusts the main window's frame only).
import type { Dispatcher } from '../src/api/dispatch';
import { onRoomSignal } from '../src/room/events';
import type { HallOpened } from '../src/room/types';
import type { Rectangle, ShellLike } from './electron-types';
import { APP_ORIGIN } from './origin';
import { HALL_STATE_CHANNEL } from './preload/bridge';
import { hardenWebContents, secureWebPreferences } from './security';
import type { MainWindowOptions, WindowLike } from './window';

export interface HallWindowLike extends WindowLike {
  setFullScreen(flag: boolean): void;
  on(event: 'close' | 'closed' | 'unresponsive' | 'responsive', listener: () => void): unknown;
  webContents: WindowLike['webContents'] & { on(event: 'did-finish-load', listener: () => void): unknown };
}

export interface HallScreenLike {
  getAllDisplays(): { id?: number; bounds?: Rectangle; workArea: Rectangle }[];
  getPrimaryDisplay?(): { id?: number };
}

/** The projector: the first display that is not the primary one; else the primary one. */
export function pickHallDisplay(screen: HallScreenLike): { bounds: Rectangle; external: boolean } {
  const all = screen.getAllDisplays();
  const primaryId = screen.getPrimaryDisplay?.().id;
  const external = all.find((d) => d.id !== undefined && d.id !== primaryId);
  const chosen = external ?? all[0];
  const bounds = chosen ? (chosen.bounds ?? chosen.workArea) : { x: 0, y: 0, width: 1920, height: 1080 };
  return { bounds, external: Boolean(external) };
}

export function hallUrl(sessionId: string, lang: string): string {
  return `${APP_ORIGIN}/hall?session=${encodeURIComponent(sessionId)}&lang=${encodeURIComponent(lang)}`;
}

export interface HallHostDeps<W extends HallWindowLike> {
  createWindow(options: MainWindowOptions): W;
  screen: HallScreenLike;
  shell: Pick<ShellLike, 'openExternal'>;
  preload: string;
  development: boolean;
  /** The dispatcher, once made (it is made with this host among its services). */
  dispatch: () => Dispatcher;
}

/** The host service behind 'room.openHall' in the desktop app: one hall window at a time. */
export function createHallHost<W extends HallWindowLike>(deps: HallHostDeps<W>) {
  let win: W | null = null;
  let stop: (() => void) | null = null;
  let sessionId = '';
  const push = async () => {
    if (!win || win.isDestroyed()) return;
    const result = await deps.dispatch()('room.display', { sessionId });
    if (result.ok && win && !win.isDestroyed()) win.webContents.send(HALL_STATE_CHANNEL, result.value);
  };
  return {
    async open(id: string, lang: 'ar' | 'en' | 'fr', fullscreen: boolean): Promise<HallOpened> {
      sessionId = id;
      const { bounds, external } = pickHallDisplay(deps.screen);
      if (!win || win.isDestroyed()) {
        win = deps.createWindow({
          title: 'Council Minutes — hall',
          ...bounds,
          minWidth: 640,
          minHeight: 360,
          show: false,
          backgroundColor: '#0b1f33',
          webPreferences: secureWebPreferences(deps.preload, deps.development),
        });
        const opened = win;
        hardenWebContents(opened.webContents, { shell: deps.shell, development: deps.development });
        opened.once('ready-to-show', () => {
          if (fullscreen || external) opened.setFullScreen(true);
          opened.show();
        });
        opened.webContents.on('did-finish-load', () => void push());
        opened.on('closed', () => {
          stop?.();
          stop = null;
          win = null;
        });
        stop = onRoomSignal((signal) => {
          if (signal.sessionId === null || signal.sessionId === sessionId) void push();
        });
      } else if (fullscreen) win.setFullScreen(true);
      await win.webContents.loadURL(hallUrl(id, lang));
      return { opened: true, screen: external ? 'external' : 'primary' };
    },
    window: () => win,
  };
}
