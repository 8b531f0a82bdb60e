// The browser host's static files and request bodies: the folder itself serves the page, nothing outside
// it is ever served, HTML carries the CSP (connect-src, frame-ancestors), and a body over the limit is
// refused with 413 before it is parsed or dispatched.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../src/web-host/server';
import { tempDir } from '../helpers/temp-db';

let dir: string;
let host: WebHost;
const dispatched: string[] = [];
beforeAll(async () => {
  dir = tempDir('council-web-');
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app', 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'app', 'main.js'), 'console.log(1)');
  // A sibling folder whose name starts with the app folder's: a string-prefix check would let it through.
  fs.mkdirSync(path.join(dir, 'app-secret'));
  fs.writeFileSync(path.join(dir, 'app-secret', 'key.txt'), 'SECRET');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
  host = await startWebHost({
    staticDir: path.join(dir, 'app'),
    token: 't0ken',
    dispatch: (async (name: string) => {
      dispatched.push(name);
      return { ok: true, value: null };
    }) as never,
  });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request (no URL normalisation by a client), answered as status, headers and body. */
function request(method: string, rawPath: string, body?: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: rawPath, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The host drops the connection of a body over the limit: status 0 stands for that.
    req.on('error', (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ECONNRESET') resolve({ status: 0, headers: {}, body: '' });
      else reject(err);
    });
    if (body) req.write(body);
    req.end();
  });
}

describe('the browser host: static files', () => {
  it('serves the page for the folder itself and for app routes, with the CSP', async () => {
    for (const p of ['/', '/sessions/66']) {
      const r = await request('GET', p);
      expect(r.status, p).toBe(200);
      expect(r.body).toContain('<title>app</title>');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    const js = await request('GET', '/main.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBeUndefined();
  });

  it('never serves a file outside its folder', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/../app-secret/key.txt', '/..%2fapp-secret%2fkey.txt', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const r = await request('GET', p);
      expect(r.body, p).not.toContain('SECRET');
      expect(r.body, p).not.toContain('root:');
    }
    expect((await request('GET', '/a%00b.js')).status).toBe(400);
    expect((await request('GET', '/%E0%A4%A')).status).toBe(400);
    expect((await request('POST', '/index.html')).status).toBe(405);
    expect((await request('GET', '/missing.js')).status).toBe(404);
  });
});

describe('the browser host: API requests', () => {
  const api = { 'content-type': 'application/json', [TOKEN_HEADER]: 't0ken' };
  it('refuses a body over 32 MB (413, or the connection dropped), without dispatching it', async () => {
    dispatched.length = 0;
    const big = Buffer.alloc(32 * 1024 * 1024 + 16, 0x20);
    const r = await request('POST', '/api/sessions.list', big, api);
    expect([0, 413]).toContain(r.status);
    expect(dispatched).toEqual([]);
  });

  it('accepts a body at the limit', async () => {
    dispatched.length = 0;
    // The JSON at the very end: a last chunk dropped at the limit (`size < MAX_BODY`) would break it.
    const atLimit = Buffer.alloc(32 * 1024 * 1024, 0x20);
    atLimit.write('{"end":true}', atLimit.length - 12);
    const r = await request('POST', '/api/sessions.list', atLimit, api);
    expect(r.status).toBe(200);
    expect(dispatched).toEqual(['sessions.list']);
  });
});
