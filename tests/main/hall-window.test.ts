// The hall display's window with fakes for Electron: it goes to the projector (the display that is not
// the primary one), full screen; it loads our own origin's /hall page; it is pushed the display's state
// after each signal from the core, and stops listening when closed.
import { describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/api/dispatch';
import { roomListenerCount, signalRoom } from '../../src/room/events';
import { createHallHost, hallUrl, pickHallDisplay, type HallWindowLike } from '../../main/hall-window';
import { HALL_STATE_CHANNEL } from '../../main/preload/bridge';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 740 } };
const projector = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 }, workArea: { x: 1366, y: 0, width: 1920, height: 1050 } };

describe('the hall window', () => {
  it('picks the display that is not the primary one, else the primary one', () => {
    expect(pickHallDisplay({ getAllDisplays: () => [laptop, projector], getPrimaryDisplay: () => laptop })).toEqual({ bounds: projector.bounds, external: true });
    expect(pickHallDisplay({ getAllDisplays: () => [projector, laptop], getPrimaryDisplay: () => laptop })).toEqual({ bounds: projector.bounds, external: true });
    expect(pickHallDisplay({ getAllDisplays: () => [laptop], getPrimaryDisplay: () => laptop })).toEqual({ bounds: laptop.bounds, external: false });
  });

  it('opens full screen on the projector, loads /hall, pushes the state after each signal, and stops when closed', async () => {
    const sent: unknown[][] = [];
    const handlers: Record<string, () => void> = {};
    let fullScreen = false;
    let created: Record<string, unknown> | null = null;
    let loaded = '';
    const win = {
      webContents: {
        id: 7,
        mainFrame: { url: '', parent: null, processId: 1, routingId: 1 },
        on: (event: string, listener: () => void) => void (handlers[`wc:${event}`] = listener),
        setWindowOpenHandler: () => undefined,
        closeDevTools: () => undefined,
        send: (...args: unknown[]) => void sent.push(args),
        loadURL: async (url: string) => void (loaded = url),
      },
      getNormalBounds: () => projector.bounds,
      isMaximized: () => false,
      isMinimized: () => false,
      isDestroyed: () => false,
      maximize: () => undefined,
      restore: () => undefined,
      show: () => undefined,
      focus: () => undefined,
      setFullScreen: (f: boolean) => void (fullScreen = f),
      once: (event: string, listener: () => void) => void (handlers[event] = listener),
      on: (event: string, listener: () => void) => void (handlers[event] = listener),
    } as unknown as HallWindowLike;
    const calls: unknown[][] = [];
    const dispatch: Dispatcher = async (name, payload) => {
      calls.push([name, payload]);
      return { ok: true, value: { state: calls.length } };
    };
    const before = roomListenerCount();
    const host = createHallHost({
      createWindow: (options) => {
        created = options as unknown as Record<string, unknown>;
        return win;
      },
      screen: { getAllDisplays: () => [laptop, projector], getPrimaryDisplay: () => laptop },
      shell: { openExternal: async () => undefined },
      preload: '/preload.cjs',
      development: false,
      dispatch: () => dispatch,
    });
    const opened = await host.open('s1', 'ar', true);
    expect(opened).toEqual({ opened: true, screen: 'external' });
    expect(created).toMatchObject({ ...projector.bounds, show: false });
    expect((created!.webPreferences as Record<string, unknown>)).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(loaded).toBe(hallUrl('s1', 'ar'));
    expect(loaded).toBe('app://council/hall?session=s1&lang=ar');
    handlers['ready-to-show']!();
    expect(fullScreen).toBe(true);
    expect(roomListenerCount()).toBe(before + 1);
    signalRoom({ sessionId: 's1', reason: 'speakers.giveFloor' });
    signalRoom({ sessionId: 'other', reason: 'speakers.add' });
    signalRoom({ sessionId: null, reason: 'votes.record' });
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([
      ['room.display', { sessionId: 's1' }],
      ['room.display', { sessionId: 's1' }],
    ]);
    expect(sent).toEqual([
      [HALL_STATE_CHANNEL, { state: 1 }],
      [HALL_STATE_CHANNEL, { state: 2 }],
    ]);
    handlers.closed!();
    expect(roomListenerCount()).toBe(before);
  });
});
