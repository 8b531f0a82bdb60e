// The window's security settings, each one of Electron's checklist items as code (docs/desktop.md lists
// them): locked-down webPreferences, a strict CSP, navigation and new windows refused, <webview> refused,
// permissions denied, devtools only in development.
import type { SessionLike, ShellLike, WebContentsLike } from './electron-types';
import { isAppUrl, isExternalWebUrl } from './origin';

/**
 * Only our own files and data: URIs for images/fonts the UI generates. No inline script, no eval, no
 * plugins, no frames, no form posts, no <base> tricks. React's style={{}} goes through the CSSOM, which
 * style-src does not restrict, so no 'unsafe-inline' is needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  devTools: boolean;
}

export function secureWebPreferences(preload: string, development: boolean): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: development,
  };
}

/** Hand a URL to the system browser only when it parses as http(s); returns whether it did. */
export function openExternalIfSafe(shell: Pick<ShellLike, 'openExternal'>, url: string): boolean {
  if (!isExternalWebUrl(url)) return false;
  shell.openExternal(url).catch(() => undefined);
  return true;
}

export interface HardenOptions {
  shell: Pick<ShellLike, 'openExternal'>;
  development: boolean;
}

/** Navigation, redirects, new windows, <webview> and devtools rules for one webContents. */
export function hardenWebContents(contents: WebContentsLike, options: HardenOptions): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    // A link to the web clicked in the UI opens in the browser; anything else is simply dropped.
    openExternalIfSafe(options.shell, url);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(options.shell, url);
    return { action: 'deny' };
  });
  if (!options.development) {
    // devTools: false in webPreferences already; this is the second lock.
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** Permissions denied (requests and checks) and the CSP header added to every response of the session. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}

/** Response headers with our CSP, replacing any other Content-Security-Policy whatever its case. */
export function withCsp(headers: Record<string, string | string[]> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
