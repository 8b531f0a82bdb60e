// The object the preload hands to the page as window.council: the typed API call and a few narrow shell
// functions, each a fixed IPC channel. Never ipcRenderer itself, never an IPC event: a page that got hold
// of either could talk to any channel. Pure (no node:*), since the preload runs sandboxed.
import { isApiCallName, type SavedFile } from '../../src/api/contract';
import type { ErrorPayload } from '../../src/errors';
import { apiChannel, menuActions, menuChannel, type MenuAction, type ShellChannel } from '../../src/desktop/schema';
import type { AppInfo, CouncilDesktop, PickedFile } from '../../src/desktop/types';

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: RendererListener): unknown;
  removeListener(channel: string, listener: RendererListener): unknown;
}

export const EXPOSED_KEY = 'council';
/** main/hall-window.ts pushes the hall display's state here (kept here too: the preload bundles no main/ module). */
export const HALL_STATE_CHANNEL = 'room:hall-state';

/** A shell call's typed error as an Error the page can catch (its message names the field). */
export class ShellCallError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.field ? `${payload.message} [${payload.field}]` : payload.message);
    this.name = 'ShellCallError';
  }
}

export function createCouncilBridge(ipc: IpcRendererLike): CouncilDesktop {
  const shell = async <T>(channel: ShellChannel, payload: unknown): Promise<T> => {
    const result = (await ipc.invoke(channel, payload)) as { ok: true; value: T } | { ok: false; error: ErrorPayload };
    if (!result.ok) throw new ShellCallError(result.error);
    return result.value;
  };
  return {
    host: 'electron',
    call: async (name, input) => {
      if (!isApiCallName(name)) {
        return { ok: false, error: { code: 'VALIDATION', field: 'call', message: `unknown API call: ${String(name).slice(0, 80)}` } };
      }
      return ipc.invoke(apiChannel(name), input) as never;
    },
    saveFile: (file) =>
      shell<SavedFile>('shell:save-file', {
        fileName: file?.fileName,
        mimeType: file?.mimeType,
        base64: file?.base64,
        ...(file?.beside ? { beside: file.beside } : {}),
      }),
    openPath: async (path) => {
      await shell<null>('shell:open-path', { path });
    },
    showInFolder: async (path) => {
      await shell<null>('shell:show-in-folder', { path });
    },
    openDialog: (kind) => shell<string | null>('shell:open-dialog', { kind }),
    pickFile: (kind) => shell<PickedFile | null>('shell:pick-file', { kind }),
    setLanguage: async (language) => {
      await shell<null>('shell:set-language', { language });
    },
    appInfo: () => shell<AppInfo>('shell:app-info', {}),
    onHallState: (listener) => {
      if (typeof listener !== 'function') return () => undefined;
      // The hall window gets the display's state only (main/hall-window.ts), never the IPC event.
      const wrapped: RendererListener = (_event, state) => listener(state as never);
      ipc.on(HALL_STATE_CHANNEL, wrapped);
      return () => void ipc.removeListener(HALL_STATE_CHANNEL, wrapped);
    },
    onMenu: (listener) => {
      if (typeof listener !== 'function') return () => undefined;
      const subscriptions = menuActions.map((action: MenuAction) => {
        // The page sees the action and a string argument only, never the IPC event.
        const wrapped: RendererListener = (_event, arg) => listener(action, typeof arg === 'string' ? arg : undefined);
        ipc.on(menuChannel(action), wrapped);
        return [menuChannel(action), wrapped] as const;
      });
      return () => {
        for (const [channel, wrapped] of subscriptions) ipc.removeListener(channel, wrapped);
      };
    },
  };
}

export function exposeCouncil(contextBridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(EXPOSED_KEY, createCouncilBridge(ipc));
}
