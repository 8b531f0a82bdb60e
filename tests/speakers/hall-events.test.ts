// The browser host's Server-Sent Events for the hall display: refused without the run's token or from
// another origin; with it, one event per signal from the core, and the listener gone when the page goes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onRoomSignal, roomListenerCount, signalRoom } from '../../src/room/events';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../src/web-host/server';

let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start(): Promise<WebHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-sse-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ dispatch: async () => ({ ok: true, value: null }), staticDir: dir, token: 't'.repeat(43), events: onRoomSignal });
  return host;
}

describe('GET /events/room', () => {
  it('refuses a request without the token or from another origin', async () => {
    const h = await start();
    expect((await fetch(`${h.origin}/events/room`)).status).toBe(401);
    expect((await fetch(`${h.origin}/events/room`, { headers: { [TOKEN_HEADER]: 'wrong' } })).status).toBe(401);
    expect((await fetch(`${h.origin}/events/room`, { headers: { [TOKEN_HEADER]: h.token, origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('streams one event per signal, then lets go of its listener when the page goes', async () => {
    const h = await start();
    const before = roomListenerCount();
    const controller = new AbortController();
    const res = await fetch(`${h.origin}/events/room`, { headers: { [TOKEN_HEADER]: h.token }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += value;
      }
    };
    await until(/retry: \d+/);
    expect(roomListenerCount()).toBe(before + 1);
    signalRoom({ sessionId: 's1', reason: 'speakers.giveFloor' });
    signalRoom({ sessionId: null, reason: 'votes.record' });
    await until(/votes\.record/);
    const events = text.split('\n\n').filter((b) => b.startsWith('event: room'));
    expect(events.map((b) => JSON.parse(b.split('data: ')[1]!))).toEqual([
      { sessionId: 's1', reason: 'speakers.giveFloor' },
      { sessionId: null, reason: 'votes.record' },
    ]);
    controller.abort();
    await expect.poll(() => roomListenerCount(), { timeout: 5000 }).toBe(before);
  });
});
