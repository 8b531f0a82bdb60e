// app://council/ serves the built renderer (dist/renderer) instead of file://: one origin for the CSP and
// the IPC sender check, and no file:// privileges. Every path is resolved under the renderer folder and
// refused if it leaves it (after decoding, normalising and following symlinks).
import fsModule from 'node:fs';

// fs.promises from 'node:fs': the object Electron patches to read inside app.asar.
const fs = fsModule.promises;
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Registered before app 'ready': a standard, secure scheme so 'self', relative URLs, fetch and ES modules
 * work. Not corsEnabled (that would let other origins read it) and not bypassCSP: the UI loads only from
 * its own origin.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `candidate` is `root` itself or inside it (path.relative, not a string prefix). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export type Resolution = { status: 200; file: string } | { status: 400 | 403 | 404 };

/**
 * The file under `root` that an app:// URL names, or why not. Paths without an extension that name
 * nothing fall back to index.html (the UI routes itself); a missing asset is a 404.
 */
export async function resolveAppRequest(root: string, url: string): Promise<Resolution> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return { status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0')) return { status: 400 };
  const realRoot = await fs.realpath(root);
  const wanted = path.resolve(realRoot, `.${path.sep}${pathname}`);
  if (!isInside(realRoot, wanted)) return { status: 403 };

  const found = await realFile(wanted);
  if (found) return isInside(realRoot, found) ? { status: 200, file: found } : { status: 403 };
  if (path.extname(pathname) === '') {
    const index = await realFile(path.join(realRoot, 'index.html'));
    if (index) return { status: 200, file: index };
  }
  return { status: 404 };
}

async function realFile(file: string): Promise<string | null> {
  try {
    const real = await fs.realpath(file);
    const stat = await fs.stat(real);
    if (stat.isFile()) return real;
    if (stat.isDirectory()) return realFile(path.join(real, 'index.html'));
    return null;
  } catch {
    return null;
  }
}

/** The handler given to protocol.handle('app', ...): GET/HEAD of files under root, with the CSP. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers });
    }
    const resolution = await resolveAppRequest(root, request.url);
    if (resolution.status !== 200) return new Response(null, { status: resolution.status, headers });
    const body = request.method === 'HEAD' ? null : await fs.readFile(resolution.file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': mimeType(resolution.file) } });
  };
}
