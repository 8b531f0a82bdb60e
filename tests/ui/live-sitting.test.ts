// A live sitting the secretary can trust, in Chromium and in Arabic: a roll call in progress survives a
// tab switch and a reload (it is stored), the place comes back from the address, the roll-call panel
// opens only when the vote may be taken and follows a departure recorded elsewhere at once, notes are
// edited and deleted, a restored draft says so and keeps its speaker, clearing the speaker clears it,
// leaving with unsaved input asks first, refusals are Arabic sentences, and the console stays clean.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness, apiCall } from './harness';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const SHOTS = process.env.UI_SCREENSHOT_DIR;

let ui: UiHarness;
let page: Page;
const consoleErrors: string[] = [];
let ids: { session: string; sitting: string; item: string; motion: string; amendment: string; delegations: string[] };

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

/** A call to the core as the page makes it (same host, same token). */
const call = <T = unknown>(name: string, input: unknown): Promise<T> => apiCall<T>(page, name, input);

async function shot(name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

beforeAll(async () => {
  ui = await startUi();
  page = await ui.newPage('ar');
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const today = localDate(new Date());
  const tomorrow = localDate(new Date(Date.now() + 86_400_000));
  const states = await call<{ id: string; isoCode: string }[]>('memberStates.list', {});
  const session = await call<{ id: string }>('sessions.create', {
    kind: 'ordinary',
    number: 66,
    venue: { city: { ar: 'أكادير', en: 'Agadir', fr: 'Agadir' }, country: { ar: 'المملكة المغربية', en: 'Morocco', fr: 'Maroc' } },
    startDate: today,
    endDate: tomorrow,
  });
  const sitting = await call<{ id: string }>('sittings.create', { sessionId: session.id, startsAt: new Date(Date.now() - 60_000).toISOString() });
  const delegations: string[] = [];
  for (const st of states.slice(0, 15)) {
    const d = await call<{ id: string }>('delegations.createMember', { sessionId: session.id, memberStateId: st.id, delegates: [{ fullName: `رئيس وفد ${st.isoCode}`, role: 'head' }] });
    delegations.push(d.id);
    await call('attendance.arrive', { sittingId: sitting.id, delegationId: d.id, at: new Date(Date.now() - 30_000).toISOString() });
  }
  const item = await call<{ id: string }>('agenda.add', { sessionId: session.id, title: { ar: 'الميزانية' } });
  const motion = await call<{ id: string }>('motions.propose', { agendaItemId: item.id, text: { ar: 'يقرر المجلس اعتماد الميزانية.' } });
  const amendment = await call<{ id: string }>('motions.propose', { agendaItemId: item.id, parentMotionId: motion.id, text: { ar: 'تعديل: إضافة فقرة.' } });
  ids = { session: session.id, sitting: sitting.id, item: item.id, motion: motion.id, amendment: amendment.id, delegations };
  await page.reload();
  await page.waitForSelector('h1');
}, 180_000);

afterAll(async () => {
  await ui?.stop();
});

const motionRow = (text: string) => page.locator('[data-motion]').filter({ hasText: text });

describe('a live sitting', { timeout: 120_000 }, () => {
  it('comes back to the same session, tab and item after a reload (the place is in the address)', async () => {
    await page.click('[data-open-session="66"]');
    await page.click('[data-tab=notes]');
    expect(new URL(page.url()).hash).toBe(`#/session/${ids.session}/notes`);
    await page.reload();
    await page.waitForSelector('[data-tab=notes][aria-selected=true]');
    await page.locator('[data-field=current-item]').selectOption(ids.item);
    expect(new URL(page.url()).hash).toBe(`#/session/${ids.session}/notes/${ids.item}`);
  });

  it('refuses to open the roll call while an amendment is undecided, in Arabic, before any name is called', async () => {
    await page.click('[data-tab=motions]');
    await motionRow('يقرر المجلس اعتماد').locator('[data-action=start-vote]').click();
    const refusal = page.locator('[data-issue=amendments_undecided]');
    await poll(() => refusal.count()).toBe(1);
    expect(await refusal.innerText()).toContain('تعديلاته');
    expect(await refusal.innerText()).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.locator('[data-panel=roll-call]').count()).toBe(0);
    // The amendment is rejected by consensus... no: withdrawn, which asks first and says what it locks.
    await motionRow('تعديل: إضافة فقرة').locator('[data-action=withdraw]').click();
    await page.waitForSelector('[data-confirm=withdraw]');
    await page.click('[data-action=confirm-withdraw]');
    await poll(() => motionRow('تعديل: إضافة فقرة').getAttribute('data-status')).toBe('withdrawn');
  });

  it('keeps the ballots of a roll call in progress across a tab switch and a reload', async () => {
    await motionRow('يقرر المجلس اعتماد').locator('[data-action=start-vote]').click();
    const ballots = page.locator('[data-panel=roll-call] tr[data-ballot]');
    await poll(() => ballots.count()).toBe(15);
    await ballots.first().focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('y');
    await poll(() => page.locator('[data-tally]').getAttribute('data-tally')).toBe('6-0-0-0');
    await poll(async () => Object.keys((await call<{ ballots: object }[]>('votes.listOpen', { sessionId: ids.session }))[0]?.ballots ?? {}).length).toBe(6);
    await page.click('[data-tab=details]');
    await page.click('[data-tab=motions]');
    await poll(() => page.locator('[data-tally]').getAttribute('data-tally')).toBe('6-0-0-0');
    await page.reload();
    await poll(() => page.locator('[data-tally]').getAttribute('data-tally')).toBe('6-0-0-0');
    await shot('roll-call-stored-ar');
  });

  it('follows a departure recorded elsewhere at once: the state leaves the roll before the record', async () => {
    const ballots = page.locator('[data-panel=roll-call] tr[data-ballot]');
    // The departure is recorded outside this window (straight to the core), and another window of the
    // app announces it on the app's change signal, as its own save would.
    await call('attendance.depart', { sittingId: ids.sitting, delegationId: ids.delegations[0], at: new Date().toISOString() });
    const other = await page.context().newPage();
    await other.goto(ui.running.host.url);
    await other.waitForSelector('h1');
    await other.evaluate(() => new BroadcastChannel('council.changes').postMessage('attendance.depart'));
    await poll(() => ballots.count()).toBe(14);
    await other.close();
    await ballots.nth(5).focus();
    for (let i = 5; i < 14; i++) await page.keyboard.press(i < 10 ? 'y' : 'n');
    await poll(() => page.locator('[data-would]').getAttribute('data-would')).toBe('adopt');
    await page.click('[data-action=record-vote]');
    await page.waitForSelector('[data-vote-outcome=adopted]');
    expect(await page.locator('[data-panel=roll-call]').count()).toBe(0);
    // The result by state is shown.
    await page.locator('[data-by-state] summary').click();
    expect(await page.locator('[data-state-choice]').count()).toBe(14);
    await shot('vote-by-state-ar');
  });

  it('edits and deletes notes; a restored draft says so and keeps its speaker; clearing the speaker clears it', async () => {
    await page.click('[data-tab=notes]');
    const form = page.locator('[data-form=new-note]');
    await page.keyboard.press('F2');
    // Folded like the search: without the damma, and not the first match in the list.
    await page.keyboard.type('المدير');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-speaker]').getAttribute('data-speaker')).toBe('المدير العام');
    await form.locator('textarea').fill('عرض المدير العام الميزانية.');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-autosave=saved]');
    await poll(() => page.locator('[data-note]').count()).toBe(1);

    await page.click('[data-action=edit-note]');
    await poll(() => form.getAttribute('data-editing')).toBe('yes');
    await form.locator('textarea').fill('عرض المدير العام مشروع الميزانية.');
    await form.locator('button[type=submit]').click();
    await poll(() => page.locator('[data-note] .note-text').innerText()).toBe('عرض المدير العام مشروع الميزانية.');

    // Clear the speaker: the next note is refused for want of one, not given to the previous speaker.
    await page.click('[data-action=clear-speaker]');
    expect(await page.locator('[data-speaker]').count()).toBe(0);
    await form.locator('textarea').fill('مداخلة بلا متحدث');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-form=new-note] .field-error[data-field=speakerKind]');
    expect(await page.locator('[data-form=new-note] .field-error').innerText()).not.toMatch(/[A-Za-z]{3,}/);

    // A draft with its speaker, then a reload: leaving asks first, and the draft comes back, said so.
    await page.keyboard.press('F2');
    await page.keyboard.type('رئيس');
    await page.keyboard.press('Enter');
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.waitForSelector('[data-form=new-note]');
    expect(dialogs).toEqual(['beforeunload']);
    await page.waitForSelector('[data-draft-restored]');
    expect(await form.locator('textarea').inputValue()).toBe('مداخلة بلا متحدث');
    expect(await page.locator('[data-speaker]').getAttribute('data-speaker')).toBe('الرئيس');
    await shot('notes-draft-restored-ar');

    await page.click('[data-action=delete-note]');
    await page.click('[data-action=confirm-delete-note]');
    await poll(() => page.locator('[data-note]').count()).toBe(0);
    const audit = await call<unknown>('audit.list', { sessionId: ids.session }).catch(() => null);
    if (audit) expect(JSON.stringify(audit)).toContain('note.edit');
  });

  it('shows the minutes preview without a single console error (strict CSP, no inline styles)', async () => {
    await page.click('[data-tab=minutes]');
    await page.waitForSelector('[data-preview]');
    await poll(() => page.locator('[data-preview]').evaluate((el) => el.shadowRoot?.textContent?.length ?? 0)).toBeGreaterThan(100);
    await page.waitForTimeout(300);
    expect([...new Set(consoleErrors)]).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
