// The browser host's twin: POST /api/<call> on the same origin, with the per-run token the host put in
// the URL fragment (#token=...), kept in sessionStorage so a reload keeps working.
import type { ErrorPayload } from '../../src/errors';
import { downloadInBrowser } from './download';
import type { RendererApi } from './types';

const TOKEN_KEY = 'council.token';

function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Drop the token from the address bar (and from history).
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function failure(message: string): { ok: false; error: ErrorPayload } {
  return { ok: false, error: { code: 'INTERNAL', field: '', message } };
}

export function createWebApi(): RendererApi {
  const token = takeToken();
  return {
    async call(name, input) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-council-token': token },
          body: JSON.stringify(input ?? {}),
        });
        const body: unknown = await res.json().catch(() => null);
        if (body && typeof body === 'object' && 'ok' in body) return body as never;
        return failure(`HTTP ${res.status}`);
      } catch (err) {
        return failure(err instanceof Error ? err.message : String(err));
      }
    },
    saveFile: downloadInBrowser,
  };
}
