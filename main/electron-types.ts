// The narrow slices of Electron's objects that main/ uses. main/ takes these as parameters so its tests
// run under Node with fakes (Electron's binary cannot run on the build machines); electron-main.ts passes
// the real objects, and TypeScript checks there that they fit these shapes.

import type { ContextMenuParamsLike } from './context-menu';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenDetails {
  url: string;
}
export type WindowOpenResponse = { action: 'deny' } | { action: 'allow' };

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParamsLike) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void;
  closeDevTools(): void;
  send(channel: string, ...args: unknown[]): void;
}

export interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}
export interface HeadersResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string | string[]>;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((contents: unknown, permission: string) => boolean) | null): void;
  webRequest: {
    onHeadersReceived(listener: (details: HeadersDetails, callback: (response: HeadersResponse) => void) => void): void;
  };
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
  openPath(path: string): Promise<string>;
  showItemInFolder(fullPath: string): void;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  workArea: Rectangle;
}

export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
}

export interface SaveDialogOptionsLike {
  title?: string;
  defaultPath?: string;
  filters?: { name: string; extensions: string[] }[];
  properties?: ('createDirectory' | 'showOverwriteConfirmation')[];
}
export interface OpenDialogOptionsLike {
  title?: string;
  filters?: { name: string; extensions: string[] }[];
  properties?: ('openFile' | 'dontAddToRecent')[];
}

export interface DialogLike<W> {
  showSaveDialog(window: W, options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(window: W, options: OpenDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
}
