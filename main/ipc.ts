// IPC: one channel per API call (api:<name>) and one per shell call. Every handler first checks that the
// message comes from our window's main frame showing app://council/, then validates the payload (the
// dispatcher's services with zod; shell payloads here), and answers with a typed result or typed error.
import { apiCallNames } from '../src/api/contract';
import type { Dispatcher } from '../src/api/dispatch';
import { toErrorPayload } from '../src/errors';
import { validate } from '../src/errors/validate';
import { apiChannel, shellChannels, shellSchemas } from '../src/desktop/schema';
import type { FrameLike } from './electron-types';
import { isAppUrl } from './origin';
import type { ShellCalls } from './shell-calls';

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface TrustedWindow {
  readonly webContents: { readonly mainFrame: FrameLike };
}

/** A message is ours when it comes from the main frame of our window's webContents, at our origin. */
export function isTrustedSender(event: InvokeEventLike, win: TrustedWindow | null): boolean {
  if (!win) return false;
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if (event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  if (frame.parent !== null) return false;
  if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
  return isAppUrl(frame.url);
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`refused ${channel}: the sender is not the app's own window`);
    this.name = 'UntrustedSenderError';
  }
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  window: () => TrustedWindow | null;
  dispatch: Dispatcher;
  shellCalls: ShellCalls;
}

/** Registers every channel; returns the channel names (for tests and for the docs). */
export function registerIpc(deps: IpcDeps): string[] {
  const channels: string[] = [];
  const guard = (channel: string, event: InvokeEventLike) => {
    // An untrusted sender gets a rejected promise and nothing else: no hint of what the call would do.
    if (!isTrustedSender(event, deps.window())) throw new UntrustedSenderError(channel);
  };

  for (const name of apiCallNames) {
    const channel = apiChannel(name);
    deps.ipcMain.handle(channel, async (event, payload) => {
      guard(channel, event);
      return deps.dispatch(name, payload);
    });
    channels.push(channel);
  }

  for (const channel of shellChannels) {
    deps.ipcMain.handle(channel, async (event, payload) => {
      guard(channel, event);
      try {
        const input = validate(shellSchemas[channel], payload);
        const call = deps.shellCalls[channel] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await call(input) };
      } catch (err) {
        return { ok: false, error: toErrorPayload(err) };
      }
    });
    channels.push(channel);
  }
  return channels;
}
