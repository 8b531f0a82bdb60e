// A live sitting the secretary can trust (issue 11), the rest of it, in Chromium and in Arabic: the
// agenda adopted without quorum is warned of and confirmed, D on an absent delegation says why nothing
// happens, a motion's rule, texts and proposer are set and shown and its form starts on the current
// item, a refused settings pattern says why under its field, the speaker picker folds Arabic, offers
// the Director-General and closes on Esc, and the hall shows a stored roll call's ballots. Any console
// error or page error fails the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness, apiCall } from './harness';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

let ui: UiHarness;
let page: Page;
const consoleErrors: string[] = [];
let ids: { session: string; sitting: string; items: string[]; byIso: Record<string, string>; states: Record<string, string> };

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

const call = <T = unknown>(name: string, input: unknown): Promise<T> => apiCall<T>(page, name, input);

async function go(hash: string) {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
}

beforeAll(async () => {
  ui = await startUi();
  page = await ui.newPage('ar');
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const states = await call<{ id: string; isoCode: string }[]>('memberStates.list', {});
  const session = await call<{ id: string }>('sessions.create', {
    kind: 'ordinary',
    number: 68,
    venue: { city: { ar: 'تونس', en: 'Tunis', fr: 'Tunis' }, country: { ar: 'الجمهورية التونسية', en: 'Tunisia', fr: 'Tunisie' } },
    startDate: localDate(new Date()),
    endDate: localDate(new Date(Date.now() + 86_400_000)),
  });
  const sitting = await call<{ id: string }>('sittings.create', { sessionId: session.id, startsAt: new Date(Date.now() - 120_000).toISOString() });
  const byIso: Record<string, string> = {};
  const stateOf: Record<string, string> = {};
  for (const st of states) {
    const d = await call<{ id: string }>('delegations.createMember', { sessionId: session.id, memberStateId: st.id, delegates: [{ fullName: `رئيس وفد ${st.isoCode}`, role: 'head' }] });
    byIso[st.isoCode] = d.id;
    stateOf[st.isoCode] = st.id;
  }
  const items: string[] = [];
  for (const title of ['الميزانية', 'التقرير السنوي']) items.push((await call<{ id: string }>('agenda.add', { sessionId: session.id, title: { ar: title } })).id);
  ids = { session: session.id, sitting: sitting.id, items, byIso, states: stateOf };
  await page.reload();
  await page.waitForSelector('h1');
}, 180_000);

afterAll(async () => {
  await ui?.stop();
});

describe('a sitting the secretary can trust', { timeout: 120_000 }, () => {
  it('warns before adopting the agenda without quorum, and asks to confirm', async () => {
    await go(`#/session/${ids.session}/agenda`);
    const warning = page.locator('[data-inquorate=agenda]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('لا نصاب');
    await page.click('[data-action=adopt-agenda]');
    expect(await page.locator('[data-agenda-adopted]').count()).toBe(0); // nothing yet: it asks first
    await page.locator('[data-confirm=adopt-agenda]').waitFor();
    await page.click('[data-action=confirm-adopt-agenda]');
    await page.locator('[data-agenda-adopted=yes]').waitFor();
    expect(await warning.count()).toBe(0);
  });

  it('says why D does nothing on an absent delegation', async () => {
    await go(`#/session/${ids.session}/attendance`);
    const oman = page.locator('tr[data-delegation=OM]');
    await oman.focus();
    await page.keyboard.press('d');
    const note = page.locator('[data-key-note=depart-absent]');
    await note.waitFor();
    expect(await note.textContent()).toContain('عُمان');
    expect(await oman.getAttribute('data-present')).toBe('no');
    // A records the arrival; A again says it is already recorded.
    await page.keyboard.press('a');
    await poll(() => oman.getAttribute('data-present')).toBe('yes');
    await page.keyboard.press('a');
    await page.locator('[data-key-note=arrive-present]').waitFor();
  });

  it("sets and shows a motion's rule, texts and proposer; the form starts on the current item, an amendment on its motion's", async () => {
    for (const iso of ['MA', 'JO', 'AE', 'TN', 'DZ', 'SA', 'SD', 'IQ', 'QA', 'KW', 'EG', 'LB', 'LY', 'MR']) {
      await call('attendance.arrive', { sittingId: ids.sitting, delegationId: ids.byIso[iso], at: new Date(Date.now() - 60_000).toISOString() });
    }
    await go(`#/session/${ids.session}/motions/${ids.items[1]}`);
    const form = page.locator('[data-form=new-motion]');
    await form.waitFor();
    await poll(() => form.locator('select[name=agendaItemId]').inputValue()).toBe(ids.items[1]);
    await form.locator('textarea[name="text.ar"]').fill('يعتمد المجلس التقرير السنوي.');
    await form.locator('textarea[name="text.en"]').fill('The Council adopts the annual report.');
    await form.locator('textarea[name="text.fr"]').fill('Le Conseil adopte le rapport annuel.');
    await form.locator('select[name=proposerDelegationId]').selectOption(ids.byIso.TN!);
    await form.locator('select[name=majorityRule]').selectOption('two_thirds_present_and_voting');
    await form.locator('button[type=submit]').click();
    const row = page.locator('[data-motion]').filter({ hasText: 'التقرير السنوي' });
    await row.waitFor();
    expect(await row.locator('[data-motion-rule]').getAttribute('data-motion-rule')).toBe('two_thirds_present_and_voting');
    expect(await row.locator('[data-motion-rule]').getAttribute('data-rule-declared')).toBe('yes');
    expect(await row.locator('[data-motion-proposer]').textContent()).toContain('تونس');
    expect(await row.locator('[data-motion-text=en]').textContent()).toBe('The Council adopts the annual report.');
    const stored = await call<{ text: { en: string; fr: string }; majorityRule: string; proposerDelegationId: string }[]>('motions.list', { sessionId: ids.session });
    expect(stored[0]).toMatchObject({ text: { en: 'The Council adopts the annual report.', fr: 'Le Conseil adopte le rapport annuel.' }, majorityRule: 'two_thirds_present_and_voting', proposerDelegationId: ids.byIso.TN });

    // On the first item now, the secretary amends the motion of the second: the form is on its item.
    await go(`#/session/${ids.session}/motions/${ids.items[0]}`);
    await poll(() => form.locator('select[name=agendaItemId]').inputValue()).toBe(ids.items[0]);
    await row.getByRole('button', { name: 'تعديل المقترح' }).click();
    await poll(() => form.locator('select[name=agendaItemId]').inputValue()).toBe(ids.items[1]);
    expect(await form.locator('select[name=agendaItemId]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${process.env.UI_FAILURE_DIR ?? '/tmp'}/motions-form-ar.png` });
  });

  it('says why the settings are refused, under the pattern without {serial}, and stores nothing', async () => {
    const before = await call<{ decisionNumberPattern: { ar: string } }>('settings.get', {});
    await go('#/settings');
    const pattern = page.locator('input[name="decisionNumberPattern.ar"]');
    await pattern.fill('ق/{session}');
    await page.locator('[data-form=settings] button[type=submit]').click();
    const error = page.locator('.field-error[data-field="decisionNumberPattern.ar"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('يجب أن يتضمن النمط موضع الرقم التسلسلي');
    expect((await call<{ decisionNumberPattern: { ar: string } }>('settings.get', {})).decisionNumberPattern.ar).toBe(before.decisionNumberPattern.ar);
  });

  it('the speaker picker folds Arabic, offers the Director-General, tells names apart and closes on Esc', async () => {
    await go(`#/session/${ids.session}/notes/${ids.items[0]}`);
    const box = page.locator('[data-field=speaker]');
    await box.fill('عمان');
    const options = page.locator('[role=listbox] [role=option]');
    await poll(() => options.first().getAttribute('data-option')).toBe('OM');
    expect(await options.first().textContent()).toContain('عُمان');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('[role=listbox]').count()).toBe(0);
    await box.fill('المدير');
    await poll(() => options.filter({ hasText: 'المدير العام' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-speaker]').getAttribute('data-speaker')).toBe('المدير العام');
    // Two Arab states whose names start alike are told apart by their code.
    await box.fill('الإمارات');
    await poll(() => options.locator('small').first().textContent()).toBe('AE');
    await page.keyboard.press('Escape');
  });

  it('the hall shows a roll call in progress from the stored ballots', async () => {
    const motion = (await call<{ id: string }[]>('motions.list', { sessionId: ids.session }))[0]!;
    const at = new Date().toISOString();
    await call('votes.open', { motionId: motion.id, sittingId: ids.sitting, at });
    await call('votes.keyBallot', { motionId: motion.id, memberStateId: ids.states.MA, choice: 'yes', at });
    await call('votes.keyBallot', { motionId: motion.id, memberStateId: ids.states.JO, choice: 'no', at });
    const hall = await page.context().newPage();
    hall.on('pageerror', (e) => ui.pageErrors.push(e.message));
    hall.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const { origin, token } = ui.running.host;
    await hall.goto(`${origin}/hall?session=${ids.session}&lang=ar#token=${token}`);
    await hall.locator('[data-hall-rollcall]').waitFor();
    await poll(() => hall.locator('[data-choice]:not([data-choice=""])').count()).toBe(2);
    await call('votes.keyBallot', { motionId: motion.id, memberStateId: ids.states.AE, choice: 'abstain', at });
    await poll(() => hall.locator('[data-choice]:not([data-choice=""])').count()).toBe(3);
    await hall.close();
  });

  it('kept the console clean', () => {
    expect(ui.pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
