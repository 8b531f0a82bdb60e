// The browser host's twin: POST /api/<call> on the same origin, with the per-run token the host put in
// the URL fragment (#token=...), kept in sessionStorage so a reload keeps working.
import type { ErrorPayload } from '../../src/errors';
import { downloadInBrowser } from './download';
import type { RendererApi } from './types';
import type { HallState } from '../../src/room/types';

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
    subscribeHall: (sessionId, onState) => subscribeHallOverSse(token, sessionId, onState),
  };
}

/**
 * Server-Sent Events read with fetch (EventSource cannot send the token header): one state read per
 * event, coalesced, so a burst of actions gives at most one read in flight and one after it.
 */
function subscribeHallOverSse(token: string, sessionId: string, onState: (state: HallState) => void): () => void {
  let closed = false;
  let reading = false;
  let again = false;
  const controller = new AbortController();
  const read = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    do {
      again = false;
      const res = await fetch('/api/room.display', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-council-token': token },
        body: JSON.stringify({ sessionId }),
      }).then((r) => r.json() as Promise<{ ok: boolean; value?: HallState }>, () => null);
      if (!closed && res?.ok && res.value) onState(res.value);
    } while (again && !closed);
    reading = false;
  };
  const listen = async (): Promise<void> => {
    while (!closed) {
      try {
        const res = await fetch('/events/room', { headers: { 'x-council-token': token }, signal: controller.signal });
        if (!res.body) throw new Error('no stream');
        void read();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!/^event: room$/m.test(block) || !data) continue;
            const signal = JSON.parse(data) as { sessionId: string | null };
            if (signal.sessionId === null || signal.sessionId === sessionId) void read();
          }
        }
      } catch {
        // The host went away or the stream broke: try again shortly.
      }
      if (!closed) await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void listen();
  return () => {
    closed = true;
    controller.abort();
  };
}
