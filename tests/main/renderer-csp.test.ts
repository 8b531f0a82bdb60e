// The real renderer, built and served through the shell's app:// handler (bridged to loopback HTTP, since
// Electron cannot run here), loaded in Chromium: the shell's CSP must not block any of it. Catches inline
// scripts or styles creeping into the UI, which Electron would refuse at run time.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { buildRenderer } from '../../src/web-host/build';
import { launchChromium } from '../helpers/chromium';
import { tempDir } from '../helpers/temp-db';

let dir: string;
let server: http.Server;
let base: string;
beforeAll(async () => {
  dir = tempDir('council-csp-');
  const root = await buildRenderer(path.join(dir, 'renderer'));
  const handler = createAppProtocolHandler(root);
  server = http.createServer(async (req, res) => {
    const response = await handler(new Request(`app://council${req.url}`, { method: req.method }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the renderer under the shell CSP', () => {
  it('renders with no CSP violation and no page error', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      // Page-side code as strings: this tsconfig has no DOM types.
      await page.addInitScript({
        content: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
      });
      const violations = () => page.evaluate('window.__csp') as Promise<string[]>;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(`${base}/`);
      expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await page.waitForSelector('h1', { timeout: 15_000 });
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      // The check can fail: an inline script is refused under the same policy.
      await page.evaluate(`{ const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); }`);
      await page.waitForTimeout(100);
      expect(await page.evaluate('window.__inline')).toBeUndefined();
      expect((await violations()).join()).toContain('script-src');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
