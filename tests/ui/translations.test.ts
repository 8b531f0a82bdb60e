// The Translations screen, in the Arabic UI, on the sample session: the worklist for English, the original
// beside the translation, Ctrl+Enter saves and moves to the next, the count goes down, a refused XLIFF file
// is named in Arabic; a screenshot for docs/screenshots.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { resolveSession } from '../../src/minutes/load-record';
import { readSample } from '../minutes/sample';
import { startUi, type UiHarness } from './harness';

let ui: UiHarness;
let page: Page;
let sessionId: string;

beforeAll(async () => {
  ui = await startUi();
  const { ctx } = ui.running.council;
  await importSessionBundle(ctx, readSample('baghdad-65'));
  await importSessionBundle(ctx, readSample('agadir-66'));
  sessionId = await resolveSession(ctx.db, 'ordinary:66');
  page = await ui.newPage('ar');
}, 180_000);
afterAll(async () => ui?.stop());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });
const missing = async () => Number(await page.locator('[data-missing-count]').getAttribute('data-missing-count'));

describe('the Translations screen', { timeout: 120_000 }, () => {
  it('shows the worklist, the original beside the translation, and saves with Ctrl+Enter to the next', async () => {
    await page.goto(`${ui.running.host.url.split('#')[0]}#/session/${sessionId}/translations`);
    await page.waitForSelector('[data-translations=en]');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('[data-tab=translations]').innerText()).toBe('الترجمة');
    await poll(() => page.locator('[data-editing]').count()).toBe(1);
    const before = await missing();
    expect(before).toBeGreaterThan(5);
    const first = await page.locator('[data-editing]').getAttribute('data-editing');
    expect(await page.locator('[data-original]').getAttribute('lang')).toBe('ar');
    await page.locator('textarea[name=translation]').fill('Member');
    await page.locator('textarea[name=translation]').press('Control+Enter');
    await poll(missing).toBe(before - 1);
    await poll(() => page.locator('[data-editing]').getAttribute('data-editing')).not.toBe(first);
    // The focus stays in the box: the next one is typed at once.
    await page.keyboard.type('Member of the delegation');
    await page.keyboard.press('Control+Enter');
    await poll(missing).toBe(before - 2);
    const audit = await ui.running.council.ctx.db.selectFrom('auditEntry').select('afterJson').where('action', '=', 'translation.set').execute();
    expect(audit.map((a) => JSON.parse(a.afterJson!).text)).toEqual(['Member', 'Member of the delegation']);
    fs.mkdirSync(path.resolve('docs/screenshots'), { recursive: true });
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.resolve('docs/screenshots/translations-ar.png') });
  });

  it('names a refused XLIFF file in Arabic and writes nothing', async () => {
    const before = await missing();
    const file = path.join(ui.dir, 'wrong.xlf');
    fs.writeFileSync(file, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff/>');
    await page.locator('[data-action=import-xliff]').setInputFiles(file);
    await poll(() => page.locator('.form-error, [role=alert]').first().innerText()).toContain('تعريفات');
    expect(await missing()).toBe(before);
  });

  it('marks a translation whose original was edited since "to review" until it is saved again', async () => {
    const { ctx } = ui.running.council;
    const set = await ctx.db.selectFrom('auditEntry').select(['entity', 'entityId', 'afterJson']).where('action', '=', 'translation.set').orderBy('id').executeTakeFirstOrThrow();
    const field = JSON.parse(set.afterJson!).field as string;
    expect(field).toBe('delegate.fullName');
    // The original is edited after the translation was entered (straight in the database: any way into the record).
    const { fullName } = await ctx.db.selectFrom('delegate').select('fullName').where('id', '=', set.entityId).executeTakeFirstOrThrow();
    await ctx.db.updateTable('delegate').set({ fullName: `${fullName} (م)` }).where('id', '=', set.entityId).execute();
    await page.reload();
    await page.waitForSelector('[data-translations=en]');
    await poll(() => page.locator('[data-stale-count]').getAttribute('data-stale-count')).toBe('1');
    const unit = `${field}:${set.entityId}`;
    await page.locator(`[data-unit="${unit}"]`).click();
    await poll(() => page.locator('[data-stale-entry]').count()).toBe(1);
    expect(await page.locator(`[data-unit="${unit}"] [data-stale]`).count()).toBe(1);
    await page.locator('textarea[name=translation]').fill('Member (reviewed)');
    await page.locator('textarea[name=translation]').press('Control+Enter');
    await poll(() => page.locator('[data-stale-count]').count()).toBe(0);
    // The notes typed in French go to a translator from their own export (XLIFF has one source language).
    expect(await page.locator('[data-action=export-xliff-from]').innerText()).toContain('الفرنسية');
  });
});
