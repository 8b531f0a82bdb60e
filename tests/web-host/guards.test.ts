// The browser host's guards and answers, exactly (written to kill the mutants docs/mutation.md lists):
// every security header and media type, each refusal's status and JSON body (ok:false, code, field,
// message), the token compare, the Origin / Sec-Fetch-Site / Host checks on /api and on /events/room,
// the declared-size 413, malformed JSON, the HTTP version and duplicate Host refusals, the parser's
// 431/400, HEAD against GET, and the host's own address, port and close. A real server on 127.0.0.1.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startWebHost, TOKEN_HEADER, type WebHost } from '../../src/web-host/server';
import { tempDir } from '../helpers/temp-db';

const TOKEN = 'x'.repeat(43);
let dir: string;
let host: WebHost;
const dispatched: { name: string; payload: unknown }[] = [];
const listeners: ((s: { sessionId: string | null; reason: string }) => void)[] = [];
let stops = 0;
let stopped: () => void = () => undefined;

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

beforeAll(async () => {
  dir = tempDir('council-guards-');
  const files: Record<string, string> = { 'index.html': '<!doctype html><title>app</title>', 'a.js': 'js', 'a.mjs': 'mjs', 'a.css': 'css', 'a.svg': 'svg', 'a.png': 'png', 'a.ico': 'ico', 'a.woff2': 'woff2', 'a.json': '{}', 'a.txt': 'txt', 'B.CSS': 'upper' };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  host = await startWebHost({
    staticDir: dir,
    token: TOKEN,
    dispatch: (async (name: string, payload: unknown) => {
      if (name === 'boom') throw new Error('boom');
      dispatched.push({ name, payload });
      return { ok: true, value: name };
    }) as never,
    events: (listener) => {
      listeners.push(listener);
      return () => {
        stops += 1;
        stopped();
      };
    },
  });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, target: string, headers: Record<string, string> = {}, body?: string, port = host.port): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, agent: false, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Raw bytes on a socket (no client rules): everything the server sends until it closes. */
function raw(text: string, end = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.write(text, 'latin1');
    if (end) socket.end();
  });
}

const api = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...extra });
const forbidden = (message: string) => ({ ok: false, error: { code: 'FORBIDDEN', field: '', message } });

function expectRefused(r: Answer, status: number, message: string): void {
  expect(r.status, message).toBe(status);
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(JSON.parse(r.body)).toEqual(forbidden(message));
}

describe('static files: headers and media types, exactly', () => {
  it('sends every security header on the page, with the CSP and frame denial', async () => {
    const r = await request('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength('<!doctype html><title>app</title>')));
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['content-security-policy']).toBe(CSP);
  });

  it('names each file type exactly, whatever the case of the extension', async () => {
    const types: Record<string, string> = {
      '/a.js': 'text/javascript; charset=utf-8',
      '/a.mjs': 'text/javascript; charset=utf-8',
      '/a.css': 'text/css; charset=utf-8',
      '/B.CSS': 'text/css; charset=utf-8',
      '/a.svg': 'image/svg+xml',
      '/a.png': 'image/png',
      '/a.ico': 'image/x-icon',
      '/a.woff2': 'font/woff2',
      '/a.json': 'application/json',
      '/a.txt': 'application/octet-stream',
    };
    for (const [p, type] of Object.entries(types)) {
      const r = await request('GET', p);
      expect(r.status, p).toBe(200);
      expect(r.headers['content-type'], p).toBe(type);
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
      expect(r.headers['content-security-policy'], p).toBeUndefined();
    }
  });

  it('answers HEAD with the headers and no body, GET with the file', async () => {
    const head = await request('HEAD', '/a.css');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(head.headers['content-length']).toBe('0');
    expect(head.body).toBe('');
    const get = await request('GET', '/a.css');
    expect(get.headers['content-length']).toBe('3');
    expect(get.body).toBe('css');
  });

  it('refuses other methods, a missing asset, a NUL and a target that is not a path, each with its own answer', async () => {
    expectRefused(await request('POST', '/a.css'), 405, 'GET only');
    expectRefused(await request('DELETE', '/'), 405, 'GET only');
    const missing = await request('GET', '/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(missing.body).toBe('not found');
    expectRefused(await request('GET', '/a%00b'), 400, 'bad path');
    expectRefused(await request('GET', '/%zz'), 400, 'bad request target');
    expectRefused(await request('GET', '*'), 400, 'bad request target');
  });

  it('serves the page for a path that merely contains /api/ further on', async () => {
    const r = await request('GET', '/x/api/sessions');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>app</title>');
  });
});

describe('the API: guards and error bodies, exactly', () => {
  it('dispatches a good request and answers its result as JSON', async () => {
    dispatched.length = 0;
    const r = await request('POST', '/api/sessions.list', api(), '{"a":1}');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: 'sessions.list' });
    expect(dispatched).toEqual([{ name: 'sessions.list', payload: { a: 1 } }]);
  });

  it('takes an empty body as {}', async () => {
    dispatched.length = 0;
    expect((await request('POST', '/api/x', api(), '')).status).toBe(200);
    expect(dispatched).toEqual([{ name: 'x', payload: {} }]);
  });

  it('refuses a method other than POST', async () => {
    expectRefused(await request('GET', '/api/x', api()), 405, 'POST only');
  });

  it('compares the token: missing, shorter, longer and same-length wrong are all 401, never a 500', async () => {
    for (const given of [undefined, 'x', TOKEN + 'x', 'y'.repeat(43), '']) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (given !== undefined) headers[TOKEN_HEADER] = given;
      expectRefused(await request('POST', '/api/x', headers, '{}'), 401, 'missing or wrong token');
    }
  });

  it('accepts our two origins and refuses any other', async () => {
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      expect((await request('POST', '/api/x', api({ origin }), '{}')).status, origin).toBe(200);
    }
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      expectRefused(await request('POST', '/api/x', api({ origin }), '{}'), 403, 'foreign origin');
    }
  });

  it('accepts Sec-Fetch-Site same-origin and none, refuses cross-site and same-site', async () => {
    for (const site of ['same-origin', 'none']) expect((await request('POST', '/api/x', api({ 'sec-fetch-site': site }), '{}')).status, site).toBe(200);
    for (const site of ['cross-site', 'same-site']) expectRefused(await request('POST', '/api/x', api({ 'sec-fetch-site': site }), '{}'), 403, 'cross-site request');
  });

  it('takes JSON with parameters, spaces and any case; refuses another type', async () => {
    expect((await request('POST', '/api/x', api({ 'content-type': 'Application/JSON ; charset=utf-8' }), '{}')).status).toBe(200);
    expectRefused(await request('POST', '/api/x', api({ 'content-type': 'text/plain' }), '{}'), 415, 'JSON only');
    expectRefused(await request('POST', '/api/x', api({ 'content-type': 'application/json-seq' }), '{}'), 415, 'JSON only');
  });

  it('answers malformed JSON with the VALIDATION error on the input field', async () => {
    dispatched.length = 0;
    const r = await request('POST', '/api/x', api(), '{"a":');
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'input', message: 'the request is not valid JSON' } });
    expect(dispatched).toEqual([]);
  });

  it('answers a failing dispatcher with the INTERNAL error', async () => {
    const r = await request('POST', '/api/boom', api(), '{}');
    expect(r.status).toBe(500);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'INTERNAL', field: '', message: 'Error: boom' } });
  });

  it('answers an unknown API path 404, not the page', async () => {
    for (const p of ['/api/', '/api/a/b', '/api/a%20b', `/api/${'a'.repeat(81)}`]) expectRefused(await request('POST', p, api(), '{}'), 404, 'unknown API path');
  });

  it('refuses a declared body over the drain limit at once, with the 413 and connection: close', async () => {
    dispatched.length = 0;
    // Only the header says 4 × 32 MB + 1; one byte follows and the client half-closes. The answer must be
    // the 413 sent on the header alone (reading on would end in a reset or a 500, not a 413).
    const answer = await raw(
      `POST /api/x HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${TOKEN}\r\ncontent-length: ${4 * MAX_BODY + 1}\r\n\r\n{`,
      true,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe(JSON.stringify(forbidden('request too large')));
    expect(dispatched).toEqual([]);
  });
});

describe('the request line and the Host header', () => {
  const get = (version: string, hostLines: string) => raw(`GET /a.txt HTTP/${version}\r\n${hostLines}connection: close\r\n\r\n`);
  const ours = () => `host: 127.0.0.1:${host.port}\r\n`;

  it('serves HTTP/1.0 and HTTP/1.1', async () => {
    expect(await get('1.0', ours())).toMatch(/^HTTP\/1\.1 200 /);
    expect(await get('1.1', ours())).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('refuses HTTP/0.9 and HTTP/2.0 (the only other versions the Node parser lets through)', async () => {
    for (const version of ['0.9', '2.0']) {
      const answer = await get(version, ours());
      expect(answer, version).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer, version).toContain(JSON.stringify(forbidden('HTTP/1.x only')));
    }
  });

  it('refuses two Host headers, and a Host that is not ours, with their coded answers', async () => {
    const two = await get('1.1', ours() + ours());
    expect(two).toMatch(/^HTTP\/1\.1 400 /);
    expect(two).toContain(JSON.stringify(forbidden('one Host header')));
    expect(await get('1.0', '')).toContain(JSON.stringify(forbidden('one Host header')));
    const foreign = await get('1.1', 'host: evil.example\r\n');
    expect(foreign).toMatch(/^HTTP\/1\.1 421 /);
    expect(foreign).toContain(JSON.stringify(forbidden('wrong Host')));
    expect((await request('GET', '/a.txt', { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('answers what the parser rejects: 431 for oversized headers, 400 for a malformed line', async () => {
    const big = await raw(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toBe('HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    const bad = await raw('GARBAGE\r\n\r\n');
    expect(bad).toBe('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
});

describe('GET /events/room', () => {
  const sse = (extra: Record<string, string> = {}) => ({ [TOKEN_HEADER]: TOKEN, ...extra });

  it('refuses another method, a wrong token, another origin and a cross-site request', async () => {
    expectRefused(await request('POST', '/events/room', sse()), 405, 'GET only');
    for (const given of ['x', TOKEN + 'x', 'y'.repeat(43)]) expectRefused(await request('GET', '/events/room', { [TOKEN_HEADER]: given }), 401, 'missing or wrong token');
    expectRefused(await request('GET', '/events/room'), 401, 'missing or wrong token');
    expectRefused(await request('GET', '/events/room', sse({ origin: 'http://evil.example' })), 403, 'foreign origin');
    for (const site of ['cross-site', 'same-site']) expectRefused(await request('GET', '/events/room', sse({ 'sec-fetch-site': site })), 403, 'cross-site request');
    expect(listeners).toEqual([]);
  });

  it('streams the signals with the event-stream headers, from our origins, and lets go when the page leaves', async () => {
    for (const extra of <Record<string, string>[]>[{}, { origin: `http://localhost:${host.port}`, 'sec-fetch-site': 'same-origin' }, { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'none' }]) {
      listeners.length = 0;
      const before = stops;
      const gone = new Promise<void>((resolve) => (stopped = resolve));
      const text = await new Promise<string>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: host.port, path: '/events/room', agent: false, headers: { host: `127.0.0.1:${host.port}`, ...sse(extra) } }, (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          expect(res.headers['cache-control']).toBe('no-store');
          expect(res.headers['x-content-type-options']).toBe('nosniff');
          expect(res.headers.connection).toBe('keep-alive');
          let got = '';
          res.on('data', (c: Buffer) => {
            got += c.toString('utf8');
            if (got === 'retry: 1000\n\n') listeners[0]!({ sessionId: '7', reason: 'speakers' });
            if (got.includes('\n\nevent: room\n')) {
              resolve(got);
              req.destroy();
            }
          });
        });
        req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
        req.end();
      });
      expect(text).toBe('retry: 1000\n\nevent: room\ndata: {"sessionId":"7","reason":"speakers"}\n\n');
      await gone;
      expect(stops).toBe(before + 1);
    }
  });

  it('is a coded 404 on a host without events', async () => {
    const other = await startWebHost({ staticDir: dir, token: TOKEN, dispatch: (async () => ({ ok: true, value: null })) as never });
    try {
      expectRefused(await request('GET', '/events/room', sse(), undefined, other.port), 404, 'no events in this host');
    } finally {
      await other.close();
    }
  });
});

describe('the host itself', () => {
  it('reports its loopback address, origin and URL, with a random 43-character token by default', async () => {
    const h = await startWebHost({ staticDir: dir, dispatch: (async () => ({ ok: true, value: null })) as never });
    try {
      expect(h.address).toBe('127.0.0.1');
      expect(h.origin).toBe(`http://127.0.0.1:${h.port}`);
      expect(h.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(h.url).toBe(`http://127.0.0.1:${h.port}/#token=${h.token}`);
    } finally {
      await h.close();
    }
  });

  it('binds the port it is given, fails when that port is taken, and closes with a stream open', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await expect(startWebHost({ staticDir: dir, port, dispatch: (async () => ({ ok: true, value: null })) as never })).rejects.toThrow(/EADDRINUSE/);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const h = await startWebHost({ staticDir: dir, port, token: TOKEN, events: () => () => undefined, dispatch: (async () => ({ ok: true, value: null })) as never });
    expect(h.port).toBe(port);
    // An open event stream must not keep close() waiting.
    const ended = new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/events/room', agent: false, headers: { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: TOKEN } }, (res) => {
        res.once('data', () => void h.close().then(resolve));
        res.resume();
      });
      req.on('error', () => undefined);
      req.end();
    });
    await ended;
    await expect(request('GET', '/', {}, undefined, port)).rejects.toThrow(/ECONNREFUSED/);
  });
});
