// Issue 11, the last gaps, in Chromium, in Arabic, keyboard first (the browser's own locale is Arabic too):
// every member state added as a delegation in one step, then an exception edited; the dates and times
// typed and shown in the UI's words (no native date or time control anywhere, Arabic month names, Arabic-
// Indic digits read, a text that is no date named by its field's label, the core's refusal under the
// field); the referral of a motion asking for the body before it confirms, the name required for another
// body, and the free name offered to the translators. Any console error or page error fails the file.
// UI_SCREENSHOT_DIR=docs/screenshots retakes add-all-delegations-ar.png, date-field-ar.png, refer-motion-ar.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness, apiCall } from './harness';
import { showDate } from '../../renderer/components/date-text';

const SHOTS = process.env.UI_SCREENSHOT_DIR;
const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

let ui: UiHarness;
let page: Page;
const consoleErrors: string[] = [];
let ids: { session: string; item: string; states: { id: string; isoCode: string; active: boolean }[] };
const today = localDate(new Date());
const tomorrow = localDate(new Date(Date.now() + 86_400_000));

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });

const call = <T = unknown>(name: string, input: unknown): Promise<T> => apiCall<T>(page, name, input);

async function openTab(tab: string) {
  await page.goto(`${ui.running.host.url.split('#')[0]}#/session/${ids.session}/${tab}`);
  await page.waitForSelector(`[data-tab=${tab}][aria-selected=true]`);
}

async function shot(name: string, selector?: string) {
  if (!SHOTS) return;
  if (selector) await page.locator(selector).screenshot({ path: `${SHOTS}/${name}.png` });
  else await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The browser's own date and time controls, which draw in the system's locale: none may be left. */
const nativeControls = () => page.locator('input[type=date], input[type=time], input[type=datetime-local], input[type=month], input[type=week]').count();

beforeAll(async () => {
  ui = await startUi();
  page = await ui.newPage('ar');
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const states = await call<{ id: string; isoCode: string; active: boolean }[]>('memberStates.list', {});
  const session = await call<{ id: string }>('sessions.create', {
    kind: 'ordinary',
    number: 69,
    venue: { city: { ar: 'الرباط', en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المملكة المغربية', en: 'Morocco', fr: 'Maroc' } },
    startDate: today,
    endDate: tomorrow,
  });
  await call('sittings.create', { sessionId: session.id, startsAt: new Date(Date.now() - 120_000).toISOString() });
  for (const iso of ['MA', 'JO']) {
    await call('delegations.createMember', { sessionId: session.id, memberStateId: states.find((s) => s.isoCode === iso)!.id, delegates: [{ fullName: `رئيس وفد ${iso}`, role: 'head' }] });
  }
  const item = await call<{ id: string }>('agenda.add', { sessionId: session.id, title: { ar: 'المواصفات القياسية' } });
  ids = { session: session.id, item: item.id, states };
}, 180_000);

afterAll(async () => {
  await ui?.stop();
});

describe('setting up, dates and referral, in Arabic', { timeout: 120_000 }, () => {
  it('adds every member state in one step, then an exception is edited', async () => {
    await openTab('attendance');
    const button = page.locator('[data-action=add-all-members]');
    const free = ids.states.filter((s) => s.active).length - 2;
    expect(await button.textContent()).toContain(`(${free})`);
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-added-all="${free}"]`).waitFor();
    expect(await page.locator('[data-added-all]').textContent()).toContain('افتح كل وفد');
    await poll(() => page.locator('tr[data-delegation]').count()).toBe(free + 2);
    expect(await button.count()).toBe(0); // nobody left to add
    await shot('add-all-delegations-ar');
    // The exception: Oman's head, typed in its editor, the role already 'head' for a delegation with nobody.
    await page.locator('tr[data-delegation=OM] [data-action=edit-delegation]').click();
    const add = page.locator('[data-form=edit-delegation][data-delegation=OM] [data-form=add-person]');
    expect(await add.locator('select[name=role]').inputValue()).toBe('head');
    await add.locator('input[name=fullName]').focus();
    await page.keyboard.type('سالم بن سعيد البلوشي');
    await page.keyboard.press('Enter');
    await poll(() => add.locator('select[name=role]').inputValue()).toBe('member');
    const list = await call<{ isoCode: string; delegates: { fullName: string; role: string }[] }[]>('delegations.list', { sessionId: ids.session, kind: 'member' });
    expect(list.find((d) => d.isoCode === 'OM')!.delegates).toEqual([expect.objectContaining({ fullName: 'سالم بن سعيد البلوشي', role: 'head' })]);
    expect(list.filter((d) => d.delegates.length === 0)).toHaveLength(free - 1);
    expect(await nativeControls()).toBe(0);
  });

  it('shows and reads dates and times in the UI language, and names the field when one is not a date', async () => {
    await openTab('details');
    const form = page.locator('[data-form=session-venue]');
    const start = form.locator('input[name=startDate]');
    const end = form.locator('input[name=endDate]');
    expect(await start.inputValue()).toBe(showDate(today, 'ar'));
    expect(await start.inputValue()).toMatch(/[\u0600-\u06ff]/); // an Arabic month name, not mm/dd/yyyy
    expect(await nativeControls()).toBe(0);
    // Keyboard: ↓ a day back, ↑ forward again.
    await start.focus();
    await page.keyboard.press('ArrowDown');
    await poll(() => start.getAttribute('data-date-input')).toBe(localDate(new Date(Date.now() - 86_400_000)));
    await page.keyboard.press('ArrowUp');
    await poll(() => start.getAttribute('data-date-input')).toBe(today);
    // Not a date: the field says so itself, naming its label.
    await end.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('بعد غد');
    const unread = form.locator('[data-date-unread]');
    await unread.waitFor();
    expect(await unread.textContent()).toContain('تاريخ الانتهاء');
    await shot('date-field-ar', '[data-form=session-venue]');
    // Submitted anyway: the core refuses it under the field, in Arabic.
    await form.locator('button[type=submit]').click();
    await poll(() => form.locator('.field-error[data-field=endDate]').textContent()).toContain('أدخل تاريخاً صحيحاً');
    // Typed in Arabic-Indic digits, day first: read, shown with the month's name once left, and saved.
    const later = localDate(new Date(Date.now() + 2 * 86_400_000));
    await end.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(arabicDigits(later.split('-').reverse().join('/')));
    await poll(() => end.getAttribute('data-date-input')).toBe(later);
    await page.keyboard.press('Tab');
    expect(await end.inputValue()).toBe(showDate(later, 'ar'));
    await form.locator('button[type=submit]').click();
    await poll(async () => (await call<{ endDate: string }>('sessions.get', { id: ids.session })).endDate).toBe(later);
    // A time typed in Arabic-Indic digits opens the next sitting at that venue time.
    const sittings = page.locator('[data-form=new-sitting]');
    const clock = sittings.locator('input[data-time-input]');
    await clock.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('٢٣:٤٥');
    await poll(() => clock.getAttribute('data-time-input')).toBe('23:45');
    // The same field follows the UI language: French, then English, then Arabic again.
    for (const lang of ['fr', 'en', 'ar'] as const) {
      await page.click(`button[data-lang=${lang}]`);
      await poll(() => start.inputValue()).toBe(showDate(today, lang));
      expect(await end.inputValue()).toBe(showDate(later, lang));
    }
    expect(await nativeControls()).toBe(0);
  });

  it('asks for the body before a motion is referred, the name for another body, and offers the name to the translators', async () => {
    const motion = await call<{ id: string }>('motions.propose', { agendaItemId: ids.item, text: { ar: 'يحيل المجلس مشروع المواصفة إلى جهة الاختصاص.' } });
    await openTab('motions');
    const row = page.locator(`[data-motion^="يحيل المجلس"]`);
    await row.locator('[data-action=refer]').focus();
    await page.keyboard.press('Enter');
    const dialog = row.locator('[data-confirm=refer]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('يُحال المقترح');
    const bodyList = dialog.locator('select[data-refer-body]');
    expect(await bodyList.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    // Confirmed with no body: refused on the body's field, nothing referred.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => dialog.locator('.field-error[data-field=body]').textContent()).toContain('اختر قيمة من القائمة');
    expect((await call<{ status: string }>('motions.get', { id: motion.id })).status).toBe('proposed');
    // Another body, without its name: refused on the name.
    await dialog.locator('select[data-refer-body]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await dialog.locator('select[data-refer-body]').inputValue()).toBe('other');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => dialog.locator('.field-error[data-field=bodyName]').textContent()).toContain('مطلوب');
    await page.keyboard.type('اللجنة الاستشارية للتقييس');
    // Typed: the refusal no longer describes the field, so it has gone (the body's field never had one left).
    await poll(() => dialog.locator('.field-error').count()).toBe(0);
    await shot('refer-motion-ar', `[data-motion^="يحيل المجلس"]`);
    await page.keyboard.press('Enter');
    await row.locator('[data-motion-referral=other]').waitFor();
    expect(await row.locator('[data-motion-referral]').textContent()).toBe('أُحيل إلى اللجنة الاستشارية للتقييس');
    expect(await row.getAttribute('data-status')).toBe('referred');
    expect(await call('motions.get', { id: motion.id })).toMatchObject({ status: 'referred', referral: { body: 'other', bodyName: 'اللجنة الاستشارية للتقييس' } });
    // The free name waits for its English and French forms in the translators' worklist.
    const list = await call<{ entries: { field: string; original: string }[] }>('translations.list', { sessionId: ids.session, language: 'en', missingOnly: true });
    expect(list.entries).toContainEqual(expect.objectContaining({ field: 'motion.referralBodyName', original: 'اللجنة الاستشارية للتقييس' }));
  });

  it('left no console error and no page error', () => {
    expect(consoleErrors).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
