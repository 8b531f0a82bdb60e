// Written from the mutation run over main/protocol.ts and main/ipc.ts (docs/mutation.md): each test
// pins a detail that a weaker implementation would get wrong without any other test noticing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UntrustedSenderError, isTrustedSender } from '../../main/ipc';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeType, resolveAppRequest } from '../../main/protocol';
import { tempDir } from '../helpers/temp-db';
import { FakeFrame, FakeWindow } from './fakes';

let base: string;
let root: string;
let bare: string;
beforeAll(() => {
  base = tempDir('council-protocol-strict-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'help'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'ROOT');
  fs.writeFileSync(path.join(root, 'help', 'index.html'), 'HELP');
  bare = path.join(base, 'no-index');
  fs.mkdirSync(bare);
  fs.writeFileSync(path.join(bare, 'app.js'), '1');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('app:// protocol, in detail', () => {
  it('registers the scheme as standard, secure and fetchable, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('gives every known extension its exact type, whatever its case, and anything else octet-stream', () => {
    const expected: Record<string, string> = {
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
    for (const [ext, type] of Object.entries(expected)) {
      expect(mimeType(`a/b${ext}`), ext).toBe(type);
      expect(mimeType(`a/B${ext.toUpperCase()}`), ext.toUpperCase()).toBe(type);
    }
    expect(mimeType('x.exe')).toBe('application/octet-stream');
    expect(mimeType('README')).toBe('application/octet-stream');
  });

  it('sends no-cache with every answer', async () => {
    const res = await createAppProtocolHandler(root)(new Request('app://council/index.html'));
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers only the app scheme, and refuses what is not a URL', async () => {
    expect((await resolveAppRequest(root, 'https://council/index.html')).status).toBe(404);
    expect((await resolveAppRequest(root, 'file://council/index.html')).status).toBe(404);
    expect((await resolveAppRequest(root, 'not a url')).status).toBe(400);
  });

  it("serves a folder's own index.html, not the root's", async () => {
    const res = await resolveAppRequest(root, 'app://council/help/');
    expect(res).toEqual({ status: 200, file: fs.realpathSync(path.join(root, 'help', 'index.html')) });
  });

  it('answers 404 for a UI route when the build has no index.html', async () => {
    expect(await resolveAppRequest(bare, 'app://council/sessions/42')).toEqual({ status: 404 });
    expect((await resolveAppRequest(bare, 'app://council/app.js')).status).toBe(200);
  });
});

describe('the sender check, in detail', () => {
  it('refuses a frame that has a parent even when its ids are those of the main frame', () => {
    const win = new FakeWindow({} as never);
    const main = win.webContents.mainFrame;
    const child = new FakeFrame('app://council/index.html', main, main.processId, main.routingId);
    expect(isTrustedSender({ sender: win.webContents, senderFrame: child }, win)).toBe(false);
  });

  it('refuses a frame of another process that reuses the main frame routing id', () => {
    const win = new FakeWindow({} as never);
    const main = win.webContents.mainFrame;
    const other = new FakeFrame('app://council/index.html', null, main.processId + 7, main.routingId);
    expect(isTrustedSender({ sender: win.webContents, senderFrame: other }, win)).toBe(false);
  });

  it('names its error so the log says what was refused', () => {
    const error = new UntrustedSenderError('api:settings.update');
    expect(error.name).toBe('UntrustedSenderError');
    expect(error.message).toContain('api:settings.update');
  });
});
