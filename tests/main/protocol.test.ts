import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, isInside, resolveAppRequest } from '../../main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { tempDir } from '../helpers/temp-db';

// A built renderer in a temp folder, with a secret beside it that must stay out of reach — including
// in a sibling folder whose name starts like the root's (a prefix check would let it through).
let base: string;
let root: string;
beforeAll(() => {
  base = tempDir('council-protocol-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Council</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'مرحبا.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(base, 'renderer-secrets'));
  fs.writeFileSync(path.join(base, 'renderer-secrets', 'key.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the renderer with its type and the CSP', async () => {
    const res = await get('app://council/assets/app.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the root, a folder and the UI routes, but 404s a missing asset', async () => {
    for (const url of ['app://council/', 'app://council/index.html', 'app://council/sessions/42']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('<title>Council</title>');
    }
    expect((await get('app://council/assets/missing.js')).status).toBe(404);
  });

  it('decodes percent-encoded names', async () => {
    const res = await get(`app://council/assets/${encodeURIComponent('مرحبا.css')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      'app://council/../secret.txt',
      'app://council/%2e%2e/secret.txt',
      'app://council/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://council/..%2fsecret.txt',
      'app://council/..%5csecret.txt',
      'app://council/%2e%2e%2frenderer-secrets%2fkey.txt',
      'app://council/assets/link.txt',
      `app://council/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.status, url).not.toBe(200);
      expect(await res.text(), url).not.toContain('secret');
    }
    expect((await resolveAppRequest(root, 'app://council/..%2f..%2fsecret.txt')).status).toBe(403);
    expect((await resolveAppRequest(root, 'app://council/assets/link.txt')).status).toBe(403);
  });

  it('answers only its own host, GET and HEAD, and well-formed paths', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://council/index.html', 'POST')).status).toBe(405);
    expect((await get('app://council/%E0%A4%A')).status).toBe(400);
    expect((await get('app://council/a%00b')).status).toBe(400);
    const head = await get('app://council/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('checks containment with path.relative, not a string prefix', () => {
    expect(isInside('/a/renderer', '/a/renderer')).toBe(true);
    expect(isInside('/a/renderer', '/a/renderer/x/y.js')).toBe(true);
    expect(isInside('/a/renderer', '/a/renderer-secrets/key')).toBe(false);
    expect(isInside('/a/renderer', '/a')).toBe(false);
    expect(isInside('/a/renderer', '/a/renderer/../b')).toBe(false);
  });
});
