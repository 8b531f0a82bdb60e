// Everything correctable until the minutes are approved, in Chromium and in Arabic: a delegation's
// credentials (date received, who issued them), its people added, corrected, moved and removed, the
// delegation removed after confirmation (refused, in Arabic, while the record holds its attendance); the
// session's venue, dates and time zone (from a list); then the same session locked: the details and the
// attendance tabs show everything read-only (no enabled control that writes) with the sentence saying why.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness, apiCall } from './harness';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const SHOTS = process.env.UI_SCREENSHOT_DIR;

let ui: UiHarness;
let page: Page;
const consoleErrors: string[] = [];
let ids: { session: string; sitting: string; delegations: { id: string; iso: string }[] };

const call = <T = unknown>(name: string, input: unknown): Promise<T> => apiCall<T>(page, name, input);

async function shot(name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });
const delegation = (iso: string) => call<{ credentialsReceivedOn: string | null; credentialsIssuedBy: string; delegates: { fullName: string; title: string; role: string }[] }>('delegations.get', { id: ids.delegations.find((d) => d.iso === iso)!.id });

async function openTab(tab: string) {
  await page.goto(`${ui.running.host.url.split('#')[0]}#/session/${ids.session}/${tab}`);
  await page.waitForSelector(`[data-tab=${tab}][aria-selected=true]`);
}

/** Every enabled control on the tab that could write: inputs, selects, text areas and buttons other than navigation. */
async function writableControls(): Promise<string[]> {
  return page.locator('[role=tabpanel]').evaluate((panel) => {
    const out: string[] = [];
    // Reading aids that write nothing: the editor's open/close, the tabs, details summaries, the sitting picker.
    // Opening the hall display shows the record on the projector; it writes nothing.
    const harmless = new Set(['edit-delegation', 'close-editor', 'open-hall']);
    const pickers = new Set(['sitting', 'current-item', 'room-item', 'hall-lang']);
    for (const el of Array.from(panel.querySelectorAll('input, select, textarea, button'))) {
      const c = el as unknown as { disabled: boolean; name?: string; tagName: string; textContent: string | null; dataset: Record<string, string | undefined>; closest(s: string): unknown };
      if (c.disabled || c.closest('fieldset:disabled')) continue;
      if (c.dataset.action && harmless.has(c.dataset.action)) continue;
      if (c.dataset.field && pickers.has(c.dataset.field)) continue;
      out.push(`${c.tagName.toLowerCase()}[${c.name || c.dataset.action || c.textContent?.trim() || ''}]`);
    }
    return out;
  });
}

beforeAll(async () => {
  ui = await startUi();
  page = await ui.newPage('ar');
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const today = localDate(new Date());
  const states = await call<{ id: string; isoCode: string }[]>('memberStates.list', {});
  const session = await call<{ id: string }>('sessions.create', {
    kind: 'ordinary',
    number: 68,
    venue: { city: { ar: 'الرباط', en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المملكة المغربية', en: 'Morocco', fr: 'Maroc' } },
    startDate: today,
    endDate: localDate(new Date(Date.now() + 86_400_000)),
    timeZone: 'Africa/Casablanca',
  });
  const sitting = await call<{ id: string }>('sittings.create', { sessionId: session.id, startsAt: new Date(Date.now() - 60_000).toISOString() });
  const delegations: { id: string; iso: string }[] = [];
  for (const st of states.filter((s) => ['EG', 'JO', 'TN'].includes(s.isoCode))) {
    const d = await call<{ id: string }>('delegations.createMember', { sessionId: session.id, memberStateId: st.id, delegates: [{ fullName: `رئيس وفد ${st.isoCode}`, title: 'وزير', role: 'head' }] });
    delegations.push({ id: d.id, iso: st.isoCode });
  }
  await call('attendance.arrive', { sittingId: sitting.id, delegationId: delegations.find((d) => d.iso === 'EG')!.id, at: new Date(Date.now() - 30_000).toISOString() });
  // A record with something on every tab: an item, a motion still proposed, a decision.
  const item = await call<{ id: string }>('agenda.add', { sessionId: session.id, title: { ar: 'تقرير المدير العام' } });
  await call('motions.propose', { agendaItemId: item.id, text: { ar: 'يحيط المجلس علماً بالتقرير.' } });
  await call('decisions.record', { agendaItemId: item.id, sittingId: sitting.id, adoptedAt: new Date(Date.now() - 20_000).toISOString(), text: { ar: 'اعتمد المجلس التقرير.' } });
  await call('notes.add', { agendaItemId: item.id, speakerKind: 'chair', text: 'افتتح الرئيس النقاش.' });
  ids = { session: session.id, sitting: sitting.id, delegations };
}, 180_000);

afterAll(async () => {
  await ui?.stop();
});

describe('a delegation corrected from the attendance tab', () => {
  it('records the credentials with who issued them', async () => {
    await openTab('attendance');
    await page.locator('tr[data-delegation=JO] [data-action=edit-delegation]').click();
    const editor = page.locator('[data-form=edit-delegation][data-delegation=JO]');
    await editor.waitFor();
    await editor.locator('[data-form=credentials] input[name=credentialsReceivedOn]').fill(localDate(new Date()));
    await editor.locator('[data-form=credentials] input[name=credentialsIssuedBy]').fill('وزارة الشؤون الخارجية');
    await editor.locator('[data-form=credentials] button[type=submit]').click();
    await poll(async () => (await delegation('JO')).credentialsIssuedBy).toBe('وزارة الشؤون الخارجية');
    expect((await delegation('JO')).credentialsReceivedOn).toBe(localDate(new Date()));
    // An issuer without a date is refused beside its field, in Arabic.
    await editor.locator('[data-form=credentials] input[name=credentialsReceivedOn]').fill('');
    await editor.locator('[data-form=credentials] button[type=submit]').click();
    await poll(() => editor.locator('[data-form=credentials] .field-error[data-field=credentialsIssuedBy]').textContent()).toContain('تاريخ ورود أوراق الاعتماد');
    expect((await delegation('JO')).credentialsIssuedBy).toBe('وزارة الشؤون الخارجية');
  });

  it('adds, corrects, moves and removes its people', async () => {
    const editor = page.locator('[data-form=edit-delegation][data-delegation=JO]');
    const add = editor.locator('[data-form=add-person]');
    await add.locator('input[name=fullName]').fill('سمير الخطيب');
    await add.locator('input[name=title]').fill('سفير');
    await add.locator('select[name=role]').selectOption('member');
    await add.locator('button[type=submit]').click();
    await poll(async () => (await delegation('JO')).delegates.length).toBe(2);
    await add.locator('input[name=fullName]').fill('ليلى حداد');
    await add.locator('select[name=role]').selectOption('adviser');
    await add.locator('button[type=submit]').click();
    await poll(async () => (await delegation('JO')).delegates.map((p) => p.fullName)).toEqual(['رئيس وفد JO', 'سمير الخطيب', 'ليلى حداد']);
    // Correct a title.
    const second = editor.locator('form[data-person="2"]');
    await second.locator('input[name=title]').fill('سفير فوق العادة');
    await second.locator('[data-action=save-person]').click();
    await poll(async () => (await delegation('JO')).delegates[1]!.title).toBe('سفير فوق العادة');
    // Move the adviser up: before the member, never before the head.
    await editor.locator('form[data-person="3"] [data-action=person-up]').click();
    await poll(async () => (await delegation('JO')).delegates.map((p) => p.role)).toEqual(['head', 'adviser', 'member']);
    await expect(editor.locator('form[data-person="2"] [data-action=person-up]').isDisabled()).resolves.toBe(true);
    await shot('delegation-editor-ar');
    // The head cannot be removed: no button for it; the member can.
    expect(await editor.locator('form[data-person="1"] [data-action=remove-person]').count()).toBe(0);
    await editor.locator('form[data-person="3"] [data-action=remove-person]').click();
    await poll(async () => (await delegation('JO')).delegates.map((p) => p.fullName)).toEqual(['رئيس وفد JO', 'ليلى حداد']);
  });

  it('removes a delegation entered by mistake after confirmation, and refuses one with attendance, in Arabic', async () => {
    await page.locator('tr[data-delegation=EG] [data-action=edit-delegation]').click();
    const eg = page.locator('[data-form=edit-delegation][data-delegation=EG]');
    await eg.locator('[data-action=remove-delegation]').click();
    await expect(eg.locator('[data-confirm=remove-delegation]').textContent()).resolves.toContain('لا يُحذف وفد له في السجل حضور');
    await eg.locator('[data-action=confirm-remove-delegation]').click();
    await poll(() => eg.locator('.form-error').textContent()).toContain('لا يمكن حذف هذا الوفد');
    expect(await page.locator('tr[data-delegation=EG]').count()).toBe(1);
    await page.locator('tr[data-delegation=TN] [data-action=edit-delegation]').click();
    const tn = page.locator('[data-form=edit-delegation][data-delegation=TN]');
    await tn.locator('[data-action=remove-delegation]').click();
    await tn.locator('[data-action=confirm-remove-delegation]').click();
    await poll(() => page.locator('tr[data-delegation=TN]').count()).toBe(0);
  });
});

describe("the session's venue, dates and time zone", () => {
  it('are corrected from the details tab, the zone chosen from a list; dates that leave a sitting out are refused', async () => {
    await openTab('details');
    const form = page.locator('[data-form=session-venue]');
    expect(await form.locator('select[name=timeZone] option[value="Asia/Amman"]').count()).toBe(1);
    expect(await form.locator('input[name=timeZone]').count()).toBe(0);
    await form.locator('input[name="venue.city.ar"]').fill('مراكش');
    await form.locator('input[name="venue.city.en"]').fill('Marrakesh');
    await form.locator('input[name="venue.city.fr"]').fill('Marrakech');
    await form.locator('select[name=timeZone]').selectOption('Asia/Amman');
    await shot('session-venue-ar');
    await form.locator('[data-action=save-venue]').click();
    await poll(async () => (await call<{ venue: { city: { en: string } }; timeZone: string }>('sessions.get', { id: ids.session })).timeZone).toBe('Asia/Amman');
    expect((await call<{ venue: { city: { fr: string } } }>('sessions.get', { id: ids.session })).venue.city.fr).toBe('Marrakech');
    await poll(() => page.locator('.session-head').textContent()).toContain('مراكش');
    // A start date after the sitting already held is refused beside the field, in Arabic.
    const later = localDate(new Date(Date.now() + 86_400_000));
    await page.locator('[data-form=session-venue] input[name=startDate]').fill(later);
    await page.locator('[data-form=session-venue] [data-action=save-venue]').click();
    await poll(() => page.locator('[data-form=session-venue] .field-error[data-field=startDate]').textContent()).toContain('خارج تواريخ الدورة');
    expect((await call<{ startDate: string }>('sessions.get', { id: ids.session })).startDate).toBe(localDate(new Date()));
  });
});

describe('a locked session looks locked', () => {
  // Every tab but the minutes, whose controls are the ones an approved record still has (sign, seal,
  // corrigendum, unlock with a reason, the documents generated from it).
  it('shows every tab read-only, saying why, with no enabled control that writes', async () => {
    // Locked as the secretary locks it: the minutes circulated, then approved.
    const version = await call<{ id: string }>('minutesVersions.create', { sessionId: ids.session, language: 'ar' });
    await call('minutesVersions.circulate', { versionId: version.id });
    await call('minutesVersions.approve', { versionId: version.id, approvedAtSession: 'الدورة 69' });
    for (const tab of ['details', 'attendance', 'agenda', 'motions', 'decisions']) {
      await openTab(tab);
      await page.reload();
      await page.waitForSelector('[data-locked-note]');
      expect(await page.locator('[data-locked-note]').first().textContent()).toContain('معتمد');
      expect(await writableControls(), tab).toEqual([]);
    }
    for (const tab of ['room', 'notes']) {
      await openTab(tab);
      await page.reload();
      await page.waitForSelector('[role=tabpanel] h2');
      await page.waitForTimeout(500);
      expect(await writableControls(), tab).toEqual([]);
    }
    await openTab('attendance');
    // The delegation's editor opens read-only.
    await page.locator('tr[data-delegation=JO] [data-action=edit-delegation]').click();
    const editor = page.locator('[data-form=edit-delegation][data-delegation=JO]');
    await editor.waitFor();
    expect(await editor.locator('[data-credentials]').textContent()).toContain('وزارة الشؤون الخارجية');
    expect(await writableControls()).toEqual([]);
    await shot('locked-attendance-ar');
    expect(consoleErrors).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
