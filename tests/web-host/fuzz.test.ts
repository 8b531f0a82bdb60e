// The browser host stays up whatever a local client sends: malformed request lines, headers and bodies,
// over raw TCP (node:net, loopback only), each answered with a 4xx, and the host still serves afterwards.
// A bounded random part mutates valid requests byte by byte (seeded, so a failure can be replayed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startWebHost, TOKEN_HEADER, type WebHost } from '../../src/web-host/server';
import { tempDir } from '../helpers/temp-db';

const TOKEN = 'fuzz-token';
let host: WebHost;
let dir = '';
const dispatched: string[] = [];

beforeAll(async () => {
  dir = tempDir('council-webhost-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>council</title>');
  host = await startWebHost({
    staticDir: dir,
    token: TOKEN,
    dispatch: async (name) => {
      dispatched.push(String(name));
      return { ok: true, value: name };
    },
  });
});

afterAll(async () => {
  await host?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Send raw bytes, read until the server closes (or a response is complete); the status, or null. */
function raw(bytes: Buffer | string, { end = true } = {}): Promise<{ status: number | null; text: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text, ...(error ? { error } : {}) });
    };
    // Not a timing assertion: only keeps a hung connection from hanging the suite.
    const guard = setTimeout(() => done('no answer'), 30_000);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const len = /\r\ncontent-length: (\d+)/i.exec(text);
      if (head >= 0 && len && Buffer.concat(chunks).length >= head + 4 + Number(len[1])) done();
    });
    socket.on('end', () => done());
    socket.on('error', (e) => done(String(e)));
    socket.write(bytes, () => {
      if (end) socket.end();
    });
  });
}

const hostHeader = () => `Host: 127.0.0.1:${host.port}`;

async function expectStillUp(): Promise<void> {
  const r = await raw(`GET / HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`);
  expect(r.status).toBe(200);
}

function apiRequest(body: string | Buffer, contentType = 'application/json', extra = ''): string | Buffer {
  const head =
    `POST /api/sessions.list HTTP/1.1\r\n${hostHeader()}\r\n${TOKEN_HEADER}: ${TOKEN}\r\n` +
    `Content-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

describe('the browser host under malformed requests', () => {
  it('serves a well-formed request (the baseline the others are compared with)', async () => {
    await expectStillUp();
    const r = await raw(apiRequest('{}'));
    expect(r.status).toBe(200);
    expect(r.text).toContain('"ok":true');
  });

  const targets = [
    'http://[',
    'http://%zz',
    'http://[::1',
    'http://127.0.0.1:1/',
    '/%zz',
    '/%',
    '/api/%zz',
    '/api/x%zz',
    '//evil.example/',
    '*',
    '/a%00b',
    '/%E0%A4%A',
    '/\u00ff',
    '?',
    'x',
  ];
  for (const target of targets) {
    it(`answers 4xx to the target ${JSON.stringify(target)} and stays up`, async () => {
      for (const method of ['GET', 'POST']) {
        const r = await raw(Buffer.from(`${method} ${target} HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`, 'latin1'));
        expect(r.status, `${method} ${target}: ${r.error ?? r.text.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      }
      await expectStillUp();
    });
  }

  // {HOST} is our Host header: the port is known only once the host runs.
  const malformed: [string, string][] = [
    ['no Host', 'GET / HTTP/1.1\r\n\r\n'],
    ['two Hosts', `GET / HTTP/1.1\r\n{HOST}\r\n{HOST}\r\n\r\n`],
    ['a foreign Host', 'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n'],
    ['a header without a colon', `GET / HTTP/1.1\r\n{HOST}\r\nnonsense\r\n\r\n`],
    ['a control character in a header', `GET / HTTP/1.1\r\n{HOST}\r\nX-A: a\x01b\r\n\r\n`],
    ['a space before the colon', `GET / HTTP/1.1\r\n{HOST}\r\nX-A : b\r\n\r\n`],
    ['an unknown HTTP version', `GET / HTTP/9.9\r\n{HOST}\r\n\r\n`],
    ['no version', `GET /\r\n{HOST}\r\n\r\n`],
    ['an invented method', `BREW / HTTP/1.1\r\n{HOST}\r\n\r\n`],
    ['a lower-case method', `get / HTTP/1.1\r\n{HOST}\r\n\r\n`],
    ['binary garbage', '\x00\x01\x02\xff\xfe\r\n\r\n'],
    ['a TLS hello', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'],
    ['a negative Content-Length', `POST /api/x HTTP/1.1\r\n{HOST}\r\nContent-Length: -1\r\n\r\n`],
    ['two Content-Lengths that differ', `POST /api/x HTTP/1.1\r\n{HOST}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`],
    ['Content-Length with chunked', `POST /api/x HTTP/1.1\r\n{HOST}\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['bad chunk sizes', `POST /api/sessions.list HTTP/1.1\r\n{HOST}\r\n${TOKEN_HEADER}: ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
    ['an enormous header', `GET / HTTP/1.1\r\n{HOST}\r\nX-Big: ${'a'.repeat(200_000)}\r\n\r\n`],
  ];
  for (const [what, request] of malformed) {
    it(`answers 4xx to ${what} and stays up`, async () => {
      const r = await raw(Buffer.from(request.replaceAll('{HOST}', hostHeader()), 'latin1'));
      expect(r.status, `${what}: ${r.error ?? r.text.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      await expectStillUp();
    });
  }

  const bodies: [string, string | Buffer, string, number][] = [
    ['not JSON', '{"a":', 'application/json', 400],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'application/json', 400],
    ['JSONP is not JSON', '{}', 'application/jsonp', 415],
    ['a JSON look-alike type', '{}', 'application/json-patch+json', 415],
    ['text', '{}', 'text/plain', 415],
    ['form data', 'a=1', 'application/x-www-form-urlencoded', 415],
    ['no type', '{}', '', 415],
  ];
  for (const [what, body, type, status] of bodies) {
    it(`answers ${status} to a body that is ${what}, without dispatching`, async () => {
      const before = dispatched.length;
      const r = await raw(apiRequest(body, type));
      expect(r.status, r.error ?? r.text.slice(0, 120)).toBe(status);
      expect(dispatched.length).toBe(before);
      await expectStillUp();
    });
  }

  it('never serves outside the built renderer, however the path is encoded', async () => {
    for (const target of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/..\\..\\etc\\passwd']) {
      const r = await raw(`GET ${target} HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`);
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toContain('root:');
    }
  });

  it('accepts the JSON type with parameters and in any case', async () => {
    expect((await raw(apiRequest('{}', 'Application/JSON; charset=utf-8'))).status).toBe(200);
  });

  it('answers a body over the limit with the coded 413, not a reset', async () => {
    const before = dispatched.length;
    const r = await raw(apiRequest(Buffer.alloc(MAX_BODY + 1, 0x20)));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(413);
    expect(r.text).toContain('"code":"FORBIDDEN"');
    expect(dispatched.length).toBe(before);
    await expectStillUp();
  }, 120_000);

  it('answers a chunked body over the limit with the coded 413 too', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const parts: Buffer[] = [
      Buffer.from(
        `POST /api/sessions.list HTTP/1.1\r\n${hostHeader()}\r\n${TOKEN_HEADER}: ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      ),
    ];
    for (let i = 0; i <= MAX_BODY / chunk.length; i++) parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    parts.push(Buffer.from('0\r\n\r\n'));
    const r = await raw(Buffer.concat(parts));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(413);
    await expectStillUp();
  }, 120_000);

  it('survives 300 random byte mutations of valid requests, each answered below 500', async () => {
    let seed = 20261130;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const seeds = [
      `GET /index.html HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`,
      apiRequest('{"sessionId":"x"}').toString('latin1'),
    ];
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(seeds[i % seeds.length]!, 'latin1');
      for (let k = 1 + rand(4); k > 0; k--) {
        const at = rand(bytes.length);
        bytes[at] = [0x00, 0x20, 0x25, 0x5b, 0x7f, 0xff, 0x0a, 0x3a, rand(256)][rand(9)]!;
      }
      const r = await raw(bytes);
      // A mutation may still be a valid request (200) or one waiting for a body that never comes (the
      // client's end closes it: no answer); what never happens is a 5xx or the host going down.
      if (r.status !== null) expect(r.status, `mutation ${i}: ${JSON.stringify(bytes.toString('latin1'))}`).toBeLessThan(500);
    }
    await expectStillUp();
  }, 300_000);
});

describe('the host process', () => {
  it('is still running after the request targets that used to kill it', async () => {
    const out = path.join(path.resolve(__dirname, '../..'), 'node_modules', '.cache', 'council-host', `host-child-${process.pid}.mjs`);
    await build({ entryPoints: [path.join(__dirname, 'host-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'silent' });
    const child = spawn(process.execPath, [out]);
    let exited: number | string | null = null;
    child.on('exit', (code, signal) => (exited = code ?? signal));
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: string) => {
          stdout += c;
          if (/port \d+\n/.test(stdout)) resolve();
        });
        child.on('exit', () => reject(new Error('the host exited before listening')));
      });
      const port = Number(/port (\d+)/.exec(stdout)![1]);
      const send = (target: string) =>
        new Promise<string>((resolve) => {
          const socket = net.connect(port, '127.0.0.1');
          let text = '';
          socket.on('data', (c) => (text += c.toString('latin1')));
          socket.on('close', () => resolve(text));
          socket.on('error', () => resolve(text));
          socket.end(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
        });
      for (const target of ['http://[', 'http://%zz', '/%zz']) expect(await send(target)).toMatch(/^HTTP\/1\.1 4\d\d/);
      expect(await send('/')).toMatch(/^HTTP\/1\.1 200/);
      expect(exited).toBeNull();
    } finally {
      child.kill('SIGTERM');
      fs.rmSync(out, { force: true });
    }
  }, 120_000);
});
