// The browser host's guards: loopback only, the per-run token on every API call, our own Host and
// Origin only, static files contained in the renderer folder.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/api/dispatch';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../src/web-host/server';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  db = await openTempDb();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'a.js'), 'console.log(1)');
  // A secret beside the static folder: it must never be served.
  fs.writeFileSync(path.join(path.dirname(staticDir), 'council-secret.txt'), 'secret');
  host = await startWebHost({ dispatch: createDispatcher(db.ctx), staticDir });
});

afterAll(async () => {
  await host.close();
  await db.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be anything (fetch would not let us set Host). */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; address?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: options.address ?? '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const good = () => ({ host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: host.token });
const api = (headers: Record<string, string>, body = '{}') => request({ method: 'POST', path: '/api/settings.get', headers, body });

describe('browser host', () => {
  it('answers an API call that carries the token, from our own origin', async () => {
    const r = await api({ ...good(), origin: host.origin });
    expect(r.status).toBe(200);
    const result = JSON.parse(r.body) as { ok: boolean; value: { councilAbbreviation: { ar: string } } };
    expect(result.ok).toBe(true);
    expect(result.value.councilAbbreviation.ar).toBe('ق.م.ت');
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const { [TOKEN_HEADER]: _drop, ...noToken } = good();
    expect((await api(noToken)).status).toBe(401);
    expect((await api({ ...good(), [TOKEN_HEADER]: 'x'.repeat(host.token.length) })).status).toBe(401);
    expect((await api({ ...good(), [TOKEN_HEADER]: host.token + 'x' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) on the API and on the page', async () => {
    expect((await api({ ...good(), host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await api({ ...good(), host: '127.0.0.1:1' })).status).toBe(421);
    expect((await request({ path: '/', headers: { host: `attacker.test:${host.port}` } })).status).toBe(421);
  });

  it('refuses another origin and cross-site requests even with the token', async () => {
    expect((await api({ ...good(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await api({ ...good(), origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await api({ ...good(), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('takes API calls as JSON POSTs only', async () => {
    expect((await request({ method: 'GET', path: '/api/settings.get', headers: good() })).status).toBe(405);
    expect((await api({ ...good(), 'content-type': 'text/plain' })).status).toBe(415);
    const bad = await api(good(), '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { field: 'input' } });
  });

  it('names the field when the call is unknown', async () => {
    const r = await request({ method: 'POST', path: '/api/nope.nothing', headers: good(), body: '{}' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'call' } });
  });

  it('serves the page with a strict CSP and keeps files inside the renderer folder', async () => {
    const page = await request({ path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await request({ path: '/assets/a.js', headers: { host: `localhost:${host.port}` } })).status).toBe(200);
    for (const p of ['/../council-secret.txt', '/%2e%2e/council-secret.txt', '/assets/..%2f..%2fcouncil-secret.txt', '/missing.js']) {
      const r = await request({ path: p, headers: { host: `127.0.0.1:${host.port}` } });
      expect(r.body).not.toContain('secret');
      expect([403, 404, 200]).toContain(r.status);
      if (r.status === 200) expect(r.body).toContain('<title>app</title>');
    }
  });

  it('listens on the loopback address only', async () => {
    expect(host.url.startsWith(`http://127.0.0.1:${host.port}/#token=`)).toBe(true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
      .map((i) => i.address);
    for (const address of others) {
      await expect(request({ path: '/', address, headers: { host: `127.0.0.1:${host.port}` } })).rejects.toThrow(/ECONNREFUSED/);
    }
    expect(host.address).toBe('127.0.0.1');
  });
});
