// The import screen when a locked session's seal cannot be verified here: an archive of an approved but
// never-sealed session (no_seal) is refused with the reason in Arabic, no key can help so none is offered,
// and the unverified copy comes in only after its confirmation, marked in the sessions list.
// (The key path, with a real seal, is in story.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSessionZip } from '../../src/bundle/zip';
import { openTempDb } from '../helpers/temp-db';
import { approvedSession } from '../seal/world';
import { startUi, type UiHarness } from './harness';

let ui: UiHarness;
let page: Page;
let zipPath = '';

beforeAll(async () => {
  const source = await openTempDb();
  try {
    const { ids } = await approvedSession(source, 71);
    const zip = await exportSessionZip(source.ctx, { sessionId: ids.sessionId });
    ui = await startUi();
    zipPath = path.join(ui.dir, zip.fileName);
    fs.writeFileSync(zipPath, zip.bytes);
  } finally {
    await source.cleanup();
  }
  page = await ui.newPage('ar');
}, 180_000);

afterAll(async () => {
  await ui?.stop();
});

describe('importing a locked session whose seal is not verified', { timeout: 120_000 }, () => {
  it('is refused with the reason, then imported as an unverified copy after the confirmation', async () => {
    await page.waitForSelector('h1');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-action=import-session]')]);
    await chooser.setFiles(zipPath);
    await page.waitForSelector('[data-import=refused] [data-seal-refused=no_seal]');
    expect(await page.locator('[data-import=refused] [data-issue]').getAttribute('data-issue')).toBe('import_no_seal');
    expect(await page.locator('[data-import=refused]').innerText()).toContain('لا تحمل ختمًا');
    expect(await page.locator('[data-import=refused]').innerText()).not.toContain('المفتاح العام');
    // No key can vouch for a seal that is not there.
    expect(await page.locator('[data-action=import-choose-key]').count()).toBe(0);
    expect(await page.locator('[data-open-session="71"]').count()).toBe(0);

    await page.click('[data-action=import-unverified]');
    const confirm = page.locator('[data-confirm=unverified-copy]');
    expect(await confirm.innerText()).toContain('غير مقفلة');
    await page.click('[data-action=import-unverified-confirm]');
    await page.waitForSelector('[data-import=imported] [data-unverified-copy=no_seal]');
    expect(await page.locator('[data-import=imported]').innerText()).not.toContain('مقفلة كما كانت');
    await page.waitForSelector('[data-unverified-copy="71"]');
  });
});
