// Working documents in the Arabic UI, in Chromium against the browser host: a file with the wrong bytes
// refused beside its field in Arabic, a PDF attached from the file picker with its symbol, language and
// version, listed with its SHA-256, saved back byte for byte, a second copy of the same version refused,
// then removed after confirming.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { listWorkingDocuments } from '../../src/working-documents/service';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { png } from '../approval/images';
import { smallPdf } from '../working-documents/files';
import { startUi, type UiHarness } from './harness';

const SHOTS = process.env.UI_SCREENSHOTS_DIR ? path.resolve(process.env.UI_SCREENSHOTS_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'council-wd-shots-'));

let ui: UiHarness;
let page: Page;
let s: SampleSession;
const pdf = smallPdf('EC/66/4/Rev.1');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

beforeAll(async () => {
  ui = await startUi();
  const ctx = ui.running.council.ctx;
  s = await createSampleSession(ctx, { members: 3, sittings: 0 });
  await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'افتتاح الدورة', en: 'Opening', fr: 'Ouverture' } });
  await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'مشروع الموازنة لعام 2027', en: 'Draft budget for 2027', fr: 'Projet de budget 2027' } });
  page = await ui.newPage('ar');
  await page.click('[data-open-session="66"]');
  await page.click('[data-tab=agenda]');
  await page.waitForSelector('[data-panel=working-documents]');
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(SHOTS, 'working-documents-failure.png'), fullPage: true });
});

afterAll(async () => {
  await ui?.stop();
});

const form = () => page.locator('[data-form=attach-working-document]');
const listed = () => page.locator('[data-working-document]').evaluateAll((els) => els.map((e) => e.getAttribute('data-working-document')));

async function fill(symbol: string, file: { name: string; buffer: Buffer; mimeType: string }) {
  const f = form();
  await f.locator('select[name=agendaItemId]').selectOption({ index: 1 });
  await f.locator('[name=symbol]').fill(symbol);
  await f.locator('select[name=language]').selectOption('ar');
  await f.locator('[name=version]').fill('1');
  await f.locator('[name=title]').fill('مشروع الموازنة');
  await f.locator('[data-input=working-document]').setInputFiles(file);
  await f.locator('[data-action=attach-working-document]').click();
}

describe('working documents on the agenda screen (Arabic)', { timeout: 120_000 }, () => {
  it('refuses a file whose bytes are not a PDF, beside the file field, in Arabic; nothing is stored', async () => {
    await fill('EC/66/4/Rev.1', { name: 'budget.pdf', buffer: png(40, 40), mimeType: 'application/pdf' });
    const error = form().locator('[data-field=contentBase64].field-error');
    await poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toContain('ليس وثيقة');
    expect(await listWorkingDocuments(ui.running.council.ctx, { sessionId: s.sessionId })).toEqual([]);
  });

  it('attaches a PDF from the file picker and lists it under its item with its language, version and SHA-256', async () => {
    await fill('EC/66/4/Rev.1', { name: 'budget.pdf', buffer: pdf, mimeType: 'application/pdf' });
    await poll(listed).toEqual(['EC/66/4/Rev.1|ar|1']);
    const row = page.locator('[data-working-document="EC/66/4/Rev.1|ar|1"]');
    expect(await row.innerText()).toContain('العربية');
    expect(await row.innerText()).toContain('الإصدار 1');
    expect(await row.locator('code').getAttribute('title')).toBe(sha(pdf));
    const stored = await listWorkingDocuments(ui.running.council.ctx, { sessionId: s.sessionId });
    expect(stored).toMatchObject([{ symbol: 'EC/66/4/Rev.1', language: 'ar', version: 1, title: 'مشروع الموازنة', mime: 'application/pdf', sha256: sha(pdf), byteSize: pdf.length }]);
    await page.locator('[data-panel=working-documents]').screenshot({ path: path.join(SHOTS, 'working-documents-ar.png') });
  });

  it('saves the document back byte for byte', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download-working-document]')]);
    expect(download.suggestedFilename()).toBe('budget.pdf');
    const file = path.join(ui.dir, 'downloaded.pdf');
    await download.saveAs(file);
    expect(sha(fs.readFileSync(file))).toBe(sha(pdf));
  });

  it('refuses the same symbol, language and version again, in Arabic', async () => {
    await fill('EC/66/4/Rev.1', { name: 'again.pdf', buffer: smallPdf('again'), mimeType: 'application/pdf' });
    const error = form().locator('[data-field=version].field-error');
    await poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toContain('مرفق من قبل');
    expect(await listed()).toHaveLength(1);
  });

  it('removes it after confirming', async () => {
    await page.click('[data-action=remove-working-document]');
    await page.click('[data-action=confirm-remove-working-document]');
    await poll(listed).toEqual([]);
    expect(await listWorkingDocuments(ui.running.council.ctx, { sessionId: s.sessionId })).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
