// The desktop's File/View/Help menu items reach the UI as menu:<action> messages (main/menu.ts). Electron
// cannot run here, so the page gets a stand-in for the preload's window.council — the same shape, its
// calls forwarded to the browser host — and the test fires each menu action the shell can send.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSessionZip } from '../../src/bundle/zip';
import { menuActions } from '../../src/desktop/schema';
import { createSampleSession } from '../helpers/fixtures';
import { openTempDb } from '../helpers/temp-db';
import { startUi, type UiHarness } from './harness';

let ui: UiHarness;
let page: Page;
let zipBase64 = '';

beforeAll(async () => {
  // A session .zip made on "another laptop".
  const other = await openTempDb();
  const sample = await createSampleSession(other.ctx, { members: 12, sittings: 1, number: 61 });
  zipBase64 = Buffer.from((await exportSessionZip(other.ctx, { sessionId: sample.sessionId })).bytes).toString('base64');
  await other.cleanup();

  ui = await startUi();
  const context = await ui.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ar' });
  // The preload's object, as the page sees it: call, saveFile, pickFile, setLanguage, onMenu.
  // Page-side code as a string: this tsconfig has no DOM types.
  await context.addInitScript({
    content: `
      window.__saved = [];
      window.__listeners = [];
      window.council = {
        host: 'electron',
        call: async (name, input) => {
          const res = await fetch('/api/' + name, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-council-token': ${JSON.stringify(ui.running.host.token)} },
            body: JSON.stringify(input ?? {}),
          });
          return res.json();
        },
        saveFile: async (file) => {
          window.__saved.push(file.fileName);
          return { saved: true, path: '/home/secretary/Documents/' + file.fileName };
        },
        pickFile: async () => ({ fileName: 'session-ordinary-61.zip', base64: ${JSON.stringify(zipBase64)} }),
        setLanguage: async () => undefined,
        onMenu: (listener) => {
          window.__listeners.push(listener);
          return () => undefined;
        },
      };
      window.__menu = (action, arg) => window.__listeners.forEach((l) => l(action, arg));`,
  });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => ui.pageErrors.push(e.message));
  await page.goto(ui.running.host.origin + '/');
  await page.waitForSelector('h1');
}, 180_000);

afterAll(async () => {
  await ui?.stop();
});

const menu = (action: string, arg?: string) => page.evaluate(`window.__menu(${JSON.stringify(action)}, ${JSON.stringify(arg ?? null) ?? 'undefined'})`);

describe('the native menu drives the UI', { timeout: 60_000 }, () => {
  const covered: string[] = [];

  it('File → new session opens the form', async () => {
    covered.push('new-session');
    await menu('new-session');
    await page.waitForSelector('[data-form=new-session]');
  });

  it('File → import reads the file through the shell and imports it; again, it says the session is here', async () => {
    covered.push('import-bundle');
    await menu('import-bundle');
    await page.waitForSelector('[data-import=imported]');
    await page.waitForSelector('[data-open-session="61"]');
    await menu('import-bundle');
    await page.waitForSelector('[data-import=exists]');
  });

  it('File → export asks for a session first, then saves the open session through the shell', async () => {
    covered.push('export-bundle');
    await page.click('[data-nav=actions]');
    await menu('export-bundle');
    await page.waitForSelector('[data-notice]');
    expect(await page.locator('[data-notice]').innerText()).toContain('افتح دورة');
    await page.click('[data-nav=sessions]');
    await page.click('[data-open-session="61"]');
    await page.waitForSelector('[role=tablist]');
    await menu('export-bundle');
    await expect.poll(() => page.evaluate('window.__saved')).toEqual(['session-ordinary-61.zip']);
    expect(await page.locator('[data-notice]').innerText()).toContain('/home/secretary/Documents/session-ordinary-61.zip');
  });

  it('File → back up opens the settings with the backups', async () => {
    covered.push('backup');
    await menu('backup');
    await page.waitForSelector('[data-action=backup-now]');
  });

  it('Help → about says what the app is', async () => {
    covered.push('about');
    await menu('about');
    expect(await page.locator('[data-notice]').innerText()).toContain('محاضر المجلس التنفيذي');
  });

  it('View → language switches the UI', async () => {
    covered.push('language');
    await menu('language', 'en');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
  });

  it('covers every action the shell sends, with no script error', () => {
    expect([...covered].sort()).toEqual([...menuActions].sort());
    expect(ui.pageErrors).toEqual([]);
  });
});
