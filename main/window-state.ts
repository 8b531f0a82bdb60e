// The window's size and place, remembered in userData/window-state.json and restored only when the
// window would still be reachable (a display may have been unplugged since).
import fs from 'node:fs';
import path from 'node:path';
import type { DisplayLike, Rectangle } from './electron-types';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 760 };
export const MIN_SIZE = { width: 960, height: 600 };

/** How much of the window's top strip (its title bar) must be on a display for it to count as visible. */
const GRAB = { width: 100, height: 40 };

function isFiniteInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e6;
}

/** A stored state, or null when the file is missing, unreadable or not a state. */
export function readWindowState(file: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: Partial<Rectangle>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isFiniteInt)) return null;
  if (bounds.width! <= 0 || bounds.height! <= 0) return null;
  return {
    bounds: { x: bounds.x!, y: bounds.y!, width: bounds.width!, height: bounds.height! },
    maximized: maximized === true,
  };
}

/** Written to a temporary file then renamed, so a crash never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when enough of the window's title bar lies on one display's work area to grab it with the mouse. */
export function isVisibleOnSomeDisplay(bounds: Rectangle, displays: DisplayLike[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(GRAB.height, bounds.height) };
  return displays.some(({ workArea }) => {
    const o = overlap(titleBar, workArea);
    return o.width >= Math.min(GRAB.width, bounds.width) && o.height >= Math.min(GRAB.height, bounds.height) / 2;
  });
}

export interface InitialBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The bounds to open the window with: the stored ones when visible, else the default size, centred. */
export function initialBounds(stored: WindowState | null, displays: DisplayLike[]): InitialBounds {
  if (stored && isVisibleOnSomeDisplay(stored.bounds, displays)) {
    return {
      x: stored.bounds.x,
      y: stored.bounds.y,
      width: Math.max(MIN_SIZE.width, stored.bounds.width),
      height: Math.max(MIN_SIZE.height, stored.bounds.height),
      maximized: stored.maximized,
    };
  }
  // Without x/y Electron centres the window on the primary display.
  return { ...DEFAULT_SIZE, maximized: stored?.maximized ?? false };
}
