// The browser host, for development and tests: the same renderer, the same dispatcher as Electron's
// IPC, over HTTP on loopback only. Guards, in order: the Host header must be our own loopback
// address and port (stops DNS rebinding); an API request must come from our origin (Origin /
// Sec-Fetch-Site, stops other web pages) and carry this run's random token (stops other local pages
// and processes that did not get the URL). Static files are served from one folder with a path check.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../api/dispatch';

export interface WebHostOptions {
  dispatch: Dispatcher;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default) for a random free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** The room's signals (src/room/events.ts), pushed to the hall display as Server-Sent Events. */
  events?: (listener: (signal: { sessionId: string | null; reason: string }) => void) => () => void;
}

export interface WebHost {
  /** The address the server is bound to: always 127.0.0.1. */
  address: string;
  port: number;
  origin: string;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-council-token';
/** The largest API request body (JSON) accepted; larger gets 413. */
export const MAX_BODY = 32 * 1024 * 1024;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function refuse(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', field: '', message } }), 'application/json; charset=utf-8', extra);
}

/** Past MAX_BODY the rest is read and dropped (so the client gets the 413, not a reset), up to this much. */
const MAX_DRAIN = 4 * MAX_BODY;

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAIN) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN) {
        req.destroy();
        return;
      }
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The media type alone, lower-cased: 'application/json; charset=utf-8' → 'application/json'. */
function mediaType(header: string | undefined): string {
  return String(header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The path of a request target, or null when it is not one (`http://[`, `%zz`, `*`). */
function pathOf(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    const url = new URL(target, 'http://127.0.0.1');
    decodeURIComponent(url.pathname);
    return url.pathname;
  } catch {
    return null;
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'POST only');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) return refuse(res, 403, 'foreign origin');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403, 'cross-site request');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) return refuse(res, 401, 'missing or wrong token');
    if (mediaType(req.headers['content-type']) !== 'application/json') return refuse(res, 415, 'JSON only');
    const body = await readBody(req);
    if (body === null) return refuse(res, 413, 'request too large', { connection: 'close' });
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', field: 'input', message: 'the request is not valid JSON' } });
    }
    sendJson(res, 200, await options.dispatch(name, payload));
  }

  // GET /events/room: the hall display's Server-Sent Events, one per action that changed something; the
  // page then reads its state once (room.display). Same guards as the API (origin, token in a header).
  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET') return refuse(res, 405, 'GET only');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) return refuse(res, 403, 'foreign origin');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403, 'cross-site request');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) return refuse(res, 401, 'missing or wrong token');
    if (!options.events) return refuse(res, 404, 'no events in this host');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    const stop = options.events((signal) => res.write(`event: room\ndata: ${JSON.stringify(signal)}\n\n`));
    // A comment now and then keeps idle connections from being cut.
    const beat = setInterval(() => res.write(': beat\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(beat);
      stop();
    });
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'bad path');
    }
    if (rel.includes('\0')) return refuse(res, 400, 'bad path');
    let file = path.resolve(staticDir, '.' + path.posix.normalize('/' + rel));
    // Containment: never serve outside the built renderer, whatever the path says.
    if (file !== staticDir && !file.startsWith(staticDir + path.sep)) return refuse(res, 403, 'outside the app');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // An app path (no extension) falls back to the page; a missing asset is a 404.
      if (path.extname(rel)) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      file = path.join(staticDir, 'index.html');
    }
    const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const extra: Record<string, string> = { 'x-frame-options': 'DENY' };
    if (type.startsWith('text/html')) extra['content-security-policy'] = CSP;
    send(res, 200, req.method === 'HEAD' ? '' : fs.readFileSync(file), type, extra);
  }

  const server = http.createServer((req, res) => {
    // HTTP/1.x only, with exactly one Host header (RFC 9112 §3.2: otherwise 400).
    if (req.httpVersionMajor !== 1 || (req.httpVersionMinor !== 0 && req.httpVersionMinor !== 1)) return refuse(res, 400, 'HTTP/1.x only');
    if (req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length !== 1) return refuse(res, 400, 'one Host header');
    if (!allowedHosts().includes(String(req.headers.host ?? ''))) return refuse(res, 421, 'wrong Host');
    // Only origin-form targets ('/path?query'); anything else (`http://[`, `%zz`) is a 400, never a throw.
    const pathname = pathOf(req.url);
    if (pathname === null) return refuse(res, 400, 'bad request target');
    const api = /^\/api\/([A-Za-z0-9_.-]{1,80})$/.exec(pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', field: '', message: String(err) } });
      });
      return;
    }
    if (pathname.startsWith('/api/')) return refuse(res, 404, 'unknown API path');
    if (pathname === '/events/room') return handleEvents(req, res);
    try {
      handleStatic(req, res, pathname);
    } catch {
      if (!res.headersSent) refuse(res, 400, 'bad path');
    }
  });
  // What Node's parser rejects (a malformed request line or header) gets a 400 and the socket closes;
  // nothing a client sends can stop the host.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
  });
  // Loopback only: the host is never reachable from the network.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    address: bound.address,
    port,
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
