// The app's one origin. The UI is served from app://council/ (main/protocol.ts); navigation, IPC senders
// and the CSP are all judged against it by parsing URLs, never by string prefixes.
export const APP_SCHEME = 'app';
export const APP_HOST = 'council';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of our own origin (app://council/...), and nothing else. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A URL that may be given to the operating system's browser: http(s) only, without credentials. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
