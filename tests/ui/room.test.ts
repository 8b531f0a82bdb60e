// The room, in Chromium against the browser host: the speakers' list driven from the keyboard only
// (a state typed without its article or hamza, reordered, put first, removed, the floor given with F8,
// the turn ended with F9 and its note written), and the hall display (its own page, same token)
// following the floor and a roll call pushed as Server-Sent Events, with its result sentence and the
// decision number. Screenshots for docs/screenshots at 1920x1080 (the projector) and 1366x768.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { createDispatcher } from '../../src/api/dispatch';
import { listDelegations } from '../../src/delegations/service';
import { proposeMotion } from '../../src/motions/service';
import { listNotes } from '../../src/notes/service';
import { rollCallOrder } from '../../src/votes/service';
import { arriveAll, createSampleSession, sampleSittingStart, type SampleSession } from '../helpers/fixtures';
import { startUi, type UiHarness } from './harness';

// Into a temporary folder unless asked (ROOM_SCREENSHOTS_DIR=docs/screenshots retakes the docs' pictures).
const SHOTS = process.env.ROOM_SCREENSHOTS_DIR ? path.resolve(process.env.ROOM_SCREENSHOTS_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'council-room-shots-'));

let ui: UiHarness;
let page: Page;
let hall: Page;
let s: SampleSession;
let itemId: string;
let motionId: string;
let names: Map<string, string>;

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

beforeAll(async () => {
  ui = await startUi();
  const ctx = ui.running.council.ctx;
  s = await createSampleSession(ctx, { members: 14 });
  await arriveAll(ctx, s.sittingIds[0]!, s.delegationIds, sampleSittingStart(1));
  itemId = (await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'الميزانية والحسابات الختامية', en: 'Budget and final accounts', fr: 'Budget et comptes de clôture' } })).id;
  motionId = (await proposeMotion(ctx, { agendaItemId: itemId, text: { ar: 'اعتماد الحسابات الختامية لعام 2025.', en: 'To adopt the final accounts for 2025.', fr: 'Adopter les comptes de clôture de 2025.' } })).id;
  names = new Map((await listDelegations(ctx, { sessionId: s.sessionId })).map((d) => [d.id, d.name.ar]));
  page = await ui.newPage('ar');
  await page.click('[data-open-session="66"]');
  await page.click('[data-tab=room]');
  await page.waitForSelector('[data-room]');
}, 240_000);

afterAll(async () => {
  await ui?.stop();
});

const queue = () => page.locator('.room-queue li').evaluateAll((els) => els.map((e) => e.getAttribute('data-speaker')));
/** How a person would type a name: without the article, hamza on a bare alef, taa marbuta as haa. */
const typedLike = (name: string) => name.replace(/^ال/, '').replace(/[أإآ]/g, 'ا').replace(/ة$/, 'ه');

describe("the speakers' list and the hall display", { timeout: 180_000 }, () => {
  it('is driven from the keyboard: add by typing, reorder, put first, remove, give the floor, end the turn and note it', async () => {
    const add = page.locator('[data-field=room-add]');
    const order = s.delegationIds.slice(0, 4).map((id) => names.get(id)!);
    for (const name of order) {
      await add.fill(typedLike(name));
      await add.press('Enter');
      await poll(async () => (await queue()).includes(name)).toBe(true);
    }
    expect(await queue()).toEqual(order);
    // ↓ to the list, Alt+↓ moves the first one down, Home on the last puts it first, Delete removes.
    await add.press('ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await poll(queue).toEqual([order[1], order[0], order[2], order[3]]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await poll(queue).toEqual([order[3], order[1], order[0], order[2]]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Delete');
    await poll(queue).toEqual([order[3], order[0], order[2]]);
    // The Director-General asks too (typed in Arabic).
    await add.fill('المدير');
    await add.press('Enter');
    await poll(async () => (await queue()).length).toBe(4);
    // F8: the floor to the next one; the timer runs with the settings' limit (5:00 for a delegation).
    await page.keyboard.press('F8');
    await poll(() => page.locator('[data-speaking]').getAttribute('data-speaking')).toBe(order[3]);
    expect(Number(await page.locator('.room-timer').getAttribute('data-timer'))).toBeGreaterThan(200);
    await page.keyboard.press('F8');
    await poll(() => page.locator('[data-speaking]').getAttribute('data-speaking')).toBe(order[0]);
    await page.screenshot({ path: path.join(SHOTS, 'room-ar.png') });
    // F9 ends the turn and opens its note, speaker filled in; Ctrl+Enter saves it.
    await page.keyboard.press('F9');
    const note = page.locator('[data-field=room-note]');
    await note.waitFor();
    expect(await page.locator('#room-note-h').textContent()).toContain(order[0]);
    await expect.poll(() => note.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('أبدى الوفد ملاحظات على الحسابات الختامية.');
    await page.keyboard.press('Control+Enter');
    await note.waitFor({ state: 'detached' });
    const notes = await listNotes(ui.running.council.ctx, { agendaItemId: itemId });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ speakerKind: 'delegation', speakerDelegationId: s.delegationIds[0], text: 'أبدى الوفد ملاحظات على الحسابات الختامية.' });
    expect(ui.pageErrors).toEqual([]);
  });

  it('the hall display follows the floor and a roll call, pushed from the core, with the result as the minutes state it', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    hall = await context.newPage();
    hall.on('pageerror', (e) => ui.pageErrors.push(e.message));
    const { origin, token } = ui.running.host;
    await hall.goto(`${origin}/hall?session=${s.sessionId}&lang=ar#token=${token}`);
    await hall.waitForSelector('[data-hall]');
    expect(await hall.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await hall.locator('[data-hall-item]').textContent()).toContain('الميزانية');
    await poll(() => hall.locator('[data-hall-speaker]').getAttribute('data-hall-speaker')).toBe('');
    expect(await hall.locator('button, input, select, textarea').count()).toBe(0);
    // The secretary gives the floor: the hall follows, no reload.
    await page.keyboard.press('F8');
    const next = await page.locator('[data-speaking]').getAttribute('data-speaking');
    await poll(() => hall.locator('[data-hall-speaker]').getAttribute('data-hall-speaker')).toBe(next);
    expect(await hall.locator('[data-quorum]').getAttribute('data-quorum')).toBe('met');
    await hall.screenshot({ path: path.join(SHOTS, 'hall-speaker-ar-1920.png') });
    // A roll call as the secretary enters it: each state's vote shows as it is called.
    const ctx = ui.running.council.ctx;
    const dispatch = createDispatcher(ctx);
    const at = new Date(Date.parse(sampleSittingStart(1)) + 3_600_000).toISOString();
    const roll = await rollCallOrder(ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0]!, at });
    const choices = roll.map((_, i) => (i === 1 ? 'no' : i === 2 ? 'abstain' : 'yes') as 'yes' | 'no' | 'abstain');
    for (let k = 1; k <= 4; k++) {
      const ballots = roll.slice(0, k).map((e, i) => ({ memberStateId: e.memberStateId, choice: choices[i]! }));
      expect((await dispatch('room.rollCall', { sessionId: s.sessionId, motionId, sittingId: s.sittingIds[0], at, ballots })).ok).toBe(true);
      await poll(() => hall.locator('[data-choice]:not([data-choice=""])').count()).toBe(k);
    }
    expect(await hall.locator('[data-hall-rollcall] li').count()).toBe(roll.length);
    await hall.screenshot({ path: path.join(SHOTS, 'hall-rollcall-ar-1920.png') });
    const recorded = await dispatch('votes.record', {
      motionId,
      sittingId: s.sittingIds[0],
      at,
      ballots: roll.map((e, i) => ({ memberStateId: e.memberStateId, choice: choices[i]! })),
    });
    expect(recorded.ok).toBe(true);
    const phrase = recorded.ok ? (recorded.value as { phrase: { ar: string } }).phrase.ar : '';
    await poll(() => hall.locator('[data-hall-result] p').first().textContent()).toBe(phrase.charAt(0).toUpperCase() + phrase.slice(1));
    const decision = await dispatch('decisions.record', { agendaItemId: itemId, motionId, adoptedAt: at, text: { ar: 'يعتمد المجلس الحسابات الختامية لعام 2025.' } });
    expect(decision.ok).toBe(true);
    const number = decision.ok ? (decision.value as { number: { ar: string } }).number.ar : '';
    await poll(() => hall.locator('.hall-decision').textContent()).toContain(number);
    await hall.screenshot({ path: path.join(SHOTS, 'hall-result-ar-1920.png') });
    // English on demand, at the laptop's own size.
    await hall.setViewportSize({ width: 1366, height: 768 });
    await hall.goto(`${origin}/hall?session=${s.sessionId}&lang=en`);
    await hall.waitForSelector('[data-hall-result]');
    expect(await hall.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await hall.locator('[data-hall-result]').textContent()).toContain('Decision');
    await hall.screenshot({ path: path.join(SHOTS, 'hall-result-en-1366.png') });
    expect(ui.pageErrors).toEqual([]);
  });
});
