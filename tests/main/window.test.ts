import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../main/origin';
import { createMainWindow, focusWindow } from '../../main/window';
import {
  DEFAULT_SIZE,
  initialBounds,
  isVisibleOnSomeDisplay,
  MIN_SIZE,
  readWindowState,
  writeWindowState,
} from '../../main/window-state';
import { tempDir } from '../helpers/temp-db';
import { FakeShell, FakeWindow } from './fakes';

const laptop = { workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const rightMonitor = { workArea: { x: 1366, y: 0, width: 1920, height: 1040 } };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function stateFile(): string {
  const dir = tempDir('council-window-');
  dirs.push(dir);
  return path.join(dir, 'window-state.json');
}

describe('window state', () => {
  it('round-trips through its JSON file and ignores a bad one', () => {
    const file = stateFile();
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { bounds: { x: 10, y: 20, width: 1100, height: 700 }, maximized: true });
    expect(readWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1100, height: 700 }, maximized: true });
    for (const bad of ['{', '[]', 'null', '{"bounds":{"x":"1","y":0,"width":10,"height":10}}', '{"bounds":{"x":0,"y":0,"width":-5,"height":10}}']) {
      fs.writeFileSync(file, bad);
      expect(readWindowState(file), bad).toBeNull();
    }
  });

  it('counts a window as visible only when its title bar can be grabbed on some display', () => {
    expect(isVisibleOnSomeDisplay({ x: 100, y: 50, width: 1100, height: 650 }, [laptop])).toBe(true);
    // Saved on a second monitor that is now unplugged.
    expect(isVisibleOnSomeDisplay({ x: 1500, y: 50, width: 1100, height: 650 }, [laptop])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 1500, y: 50, width: 1100, height: 650 }, [laptop, rightMonitor])).toBe(true);
    // Only a sliver left on screen, or the title bar above the top edge.
    expect(isVisibleOnSomeDisplay({ x: 1330, y: 50, width: 1100, height: 650 }, [laptop])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 100, y: -600, width: 1100, height: 650 }, [laptop])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 100, y: 50, width: 1100, height: 650 }, [])).toBe(false);
  });

  it('restores visible bounds (never below the minimum size) and otherwise opens centred at the default size', () => {
    const stored = { bounds: { x: 40, y: 30, width: 500, height: 300 }, maximized: true };
    expect(initialBounds(stored, [laptop])).toEqual({ x: 40, y: 30, width: MIN_SIZE.width, height: MIN_SIZE.height, maximized: true });
    const offscreen = { bounds: { x: 3000, y: 30, width: 1200, height: 700 }, maximized: false };
    expect(initialBounds(offscreen, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    expect(initialBounds(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });
});

describe('the main window', () => {
  const open = (file: string, development = false) => {
    let created: FakeWindow | undefined;
    const shell = new FakeShell();
    const win = createMainWindow({
      createWindow: (options) => (created = new FakeWindow(options)),
      screen: { getAllDisplays: () => [laptop] },
      shell,
      preload: '/app/dist/main/preload.cjs',
      stateFile: file,
      development,
      title: 'Council Minutes',
    });
    expect(win).toBe(created);
    return { win, shell };
  };

  it('is created hidden with the secure preferences, hardened, and loads app://council/', () => {
    const { win } = open(stateFile());
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(win.webContents.loaded).toEqual([APP_ENTRY_URL]);
    expect(win.webContents.openHandler).not.toBeNull();
    expect(win.webContents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(win.webContents.count('will-attach-webview')).toBe(1);
    win.emit('ready-to-show');
    expect(win.shown).toBe(1);
  });

  it('remembers its size and place between runs', () => {
    const file = stateFile();
    const first = open(file).win;
    first.bounds = { x: 60, y: 40, width: 1200, height: 680 };
    first.maximized = true;
    first.emit('close');
    expect(readWindowState(file)).toEqual({ bounds: first.bounds, maximized: true });

    const second = open(file).win;
    expect(second.options).toMatchObject({ x: 60, y: 40, width: 1200, height: 680 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it('is brought back to the front, restored if minimised', () => {
    const { win } = open(stateFile());
    win.minimized = true;
    focusWindow(win);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
    win.destroyed = true;
    focusWindow(win);
    expect(win.focused).toBe(1);
  });
});
