// The UI tests' harness: build the renderer once per test file (into a temp folder, so parallel files
// and a developer's dist/ never collide), serve it with the browser host on a fresh database, and drive
// Debian's Chromium with playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildRenderer } from '../../src/web-host/build';
import { startCouncilWebHost, type RunningHost } from '../../src/web-host/start';

import { launchChromium } from '../helpers/chromium';

export { chromiumArgs, launchChromium } from '../helpers/chromium';

export interface UiHarness {
  dir: string;
  staticDir: string;
  running: RunningHost;
  browser: Browser;
  /** A new page at 1366x768, already on the app with its token, errors collected. */
  newPage(lang?: 'ar' | 'en' | 'fr'): Promise<Page>;
  pageErrors: string[];
  stop(): Promise<void>;
}

export async function startUi(): Promise<UiHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-ui-'));
  const staticDir = await buildRenderer(path.join(dir, 'renderer'));
  const running = await startCouncilWebHost({ dbPath: path.join(dir, 'council.sqlite'), staticDir });
  const browser = await launchChromium();
  const pageErrors: string[] = [];
  return {
    dir,
    staticDir,
    running,
    browser,
    pageErrors,
    async newPage(lang = 'ar') {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'ar' });
      if (lang !== 'ar') await context.addInitScript(`localStorage.setItem('council.lang', '${lang}')`);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(running.host.url);
      await page.waitForSelector('h1');
      return page;
    },
    async stop() {
      await browser.close();
      await running.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A call to the core as the page makes it: the same host, the same token, through fetch in the page. */
export async function apiCall<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([n, i]) => {
      const res = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-council-token': sessionStorage.getItem('council.token') ?? '' },
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [name, input] as const,
  );
  const out = r as { ok: boolean; value: T; error?: unknown };
  if (!out.ok) throw new Error(`${name}: ${JSON.stringify(out.error)}`);
  return out.value;
}
