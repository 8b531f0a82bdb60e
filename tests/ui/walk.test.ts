// A realistic walk through a whole sitting in the Arabic UI, keyboard first where the UI allows it, at a
// plausible pace (WALK_PACE ms between steps, 120 by default): a session with 14 member-state delegations,
// a sitting opened with a roll call, a late arrival, a delegation that leaves (costing the quorum: a vote
// attempted then is refused) and returns, an amendment adopted then its motion adopted as amended (its text
// as amended recorded), a tie rejected as the rules say, then the chair given a casting vote and a second tie
// decided by it, a motion under two-thirds that fails, a reservation, a referral; the sitting closed, the
// minutes approved, then exported in ar, en and fr to WALK_OUT (default: a temp folder), converted to PDF by
// LibreOffice and to PNG by pdftoppm. The folder's path is written to stdout, for a person to read. Fails
// on any console or page error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness } from './harness';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const OUT = process.env.WALK_OUT ?? fs.mkdtempSync(path.join(os.tmpdir(), 'council-walk-'));
const PACE = Number(process.env.WALK_PACE ?? 120);

let ui: UiHarness;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ui = await startUi();
  page = await ui.newPage('ar');
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
}, 180_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(OUT, `failed-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await ui?.stop();
  process.stdout.write(`walk output: ${OUT}\n`);
});

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });
const pause = () => page.waitForTimeout(PACE);
const tab = async (name: string) => {
  await page.click(`[data-tab=${name}]`);
  await pause();
};
const presentCount = () => page.locator('tr[data-present=yes]').count();
const quorum = () => page.locator('[data-quorum]').getAttribute('data-quorum');
const rows = () => page.locator('tbody tr[data-delegation]');
async function key(row: number, k: string) {
  await rows().nth(row).focus();
  await page.keyboard.press(k);
  await pause();
}
async function propose(item: string, text: string) {
  const form = page.locator('[data-form=new-motion]');
  const value = await form.locator('[name=agendaItemId] option', { hasText: item }).getAttribute('value');
  await form.locator('[name=agendaItemId]').selectOption(value!);
  await form.locator('[name="text.ar"]').fill(text);
  await page.keyboard.press('Enter');
  await form.locator('button[type=submit]').click();
  await poll(() => page.locator(`[data-motion="${text.slice(0, 40)}"]`).count()).toBe(1);
}
const motion = (text: string) => page.locator(`[data-motion="${text.slice(0, 40)}"]`);
async function vote(text: string, choices: string, beforeRecord?: () => Promise<void>) {
  await motion(text).locator('[data-action=start-vote]').click();
  const ballots = page.locator('[data-panel=roll-call] tr[data-ballot]');
  await poll(() => ballots.count()).toBe(choices.length);
  await ballots.first().focus();
  for (const c of choices) {
    await page.keyboard.press(c);
    await page.waitForTimeout(PACE / 2);
  }
  if (beforeRecord) await beforeRecord();
  await page.click('[data-action=record-vote]');
  await poll(() => motion(text).locator('[data-vote-outcome]').count()).toBe(1);
}

const MAIN = 'يقرر المجلس التنفيذي اعتماد الخطة الاستراتيجية للمنظمة للفترة 2027-2030.';
const AMEND = 'إضافة عبارة «مع مراجعة منتصف المدة في عام 2028».';
const CONSOLIDATED = 'يقرر المجلس التنفيذي اعتماد الخطة الاستراتيجية للمنظمة للفترة 2027-2030، مع مراجعة منتصف المدة في عام 2028.';
const REFUSED = 'يقرر المجلس التنفيذي إنشاء صندوق لدعم المشروعات الصغيرة.';
const CASTING = 'يقرر المجلس التنفيذي تكليف المدير العام بإعداد دراسة جدوى للصندوق.';
const TWO_THIRDS = 'يقرر المجلس التنفيذي تعديل النظام المالي للمنظمة.';
let chairName = '';

describe('a whole sitting, walked in Arabic', { timeout: 240_000 }, () => {
  it('creates the session with 14 member-state delegations and opens the sitting', async () => {
    await page.click('[data-action=new-session]');
    const form = page.locator('[data-form=new-session]');
    await form.locator('[name=number]').fill('67');
    await form.locator('[name=startDate]').fill(localDate(new Date()));
    await form.locator('[name=endDate]').fill(localDate(new Date(Date.now() + 86_400_000)));
    const venue: Record<string, string> = {
      'venue.city.ar': 'الرباط', 'venue.city.en': 'Rabat', 'venue.city.fr': 'Rabat',
      'venue.country.ar': 'المملكة المغربية', 'venue.country.en': 'Kingdom of Morocco', 'venue.country.fr': 'Royaume du Maroc',
    };
    for (const [name, value] of Object.entries(venue)) await form.locator(`[name="${name}"]`).fill(value);
    // The chair and the rapporteur: the minutes' opening sentence names them.
    await form.locator('[name=chairStateId]').selectOption({ index: 1 });
    chairName = (await form.locator('[name=chairStateId] option').nth(1).innerText()).trim();
    await form.locator('[name=rapporteurStateId]').selectOption({ index: 2 });
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[role=tablist]');
    expect(await page.locator('[data-session-phase]').getAttribute('data-session-phase')).toBe('planned');
    await page.locator('[data-form=new-sitting] button[type=submit]').click();
    await page.waitForSelector('[data-sitting="1"]');
    // The badge follows the record: a sitting open is a session in session.
    await poll(() => page.locator('[data-session-phase]').getAttribute('data-session-phase')).toBe('in_session');
    await tab('attendance');
    const d = page.locator('[data-form=new-delegation]');
    for (let i = 1; i <= 14; i++) {
      // The secretary picks the state: the first of those without a delegation yet.
      await d.locator('[name=memberStateId]').selectOption({ index: 1 });
      await d.locator('[name="delegates.0.fullName"]').fill(`رئيس الوفد ${i}`);
      await d.locator('[name="delegates.0.fullName"]').press('Enter');
      await poll(() => rows().count()).toBe(i);
    }
  });

  it('takes the roll call at the opening by keyboard, then a late arrival brings the quorum', async () => {
    for (let i = 0; i < 13; i++) {
      await key(i, 'o');
      await poll(presentCount).toBe(i + 1);
    }
    await poll(quorum).toBe('not-met');
    await key(13, 'a');
    await poll(presentCount).toBe(14);
    await poll(quorum).toBe('met');
  });

  it('adopts the agenda and takes a note', async () => {
    await tab('agenda');
    const form = page.locator('[data-form=new-agenda-item]');
    for (const title of ['إقرار جدول الأعمال', 'الخطة الاستراتيجية للمنظمة 2027-2030', 'صندوق دعم المشروعات الصغيرة']) {
      await form.locator('[name="title.ar"]').fill(title);
      await form.locator('[name="title.ar"]').press('Enter');
      await poll(() => page.locator('li[data-agenda-item]').filter({ hasText: title }).count()).toBe(1);
    }
    await page.click('[data-action=adopt-agenda]');
    await page.waitForSelector('[data-agenda-adopted=yes]');
    await tab('notes');
    const current = page.locator('[data-field=current-item]');
    await current.selectOption((await current.locator('option', { hasText: 'الخطة الاستراتيجية' }).getAttribute('value'))!);
    await page.locator('[data-form=new-note] textarea').fill('عرض المدير العام مشروع الخطة الاستراتيجية ومحاورها الخمسة.');
    await page.keyboard.press('F2');
    await page.keyboard.type('رئيس');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-speaker]');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-autosave=saved]');
  });

  it('adopts an amendment, records the text as amended, then adopts the motion as amended by vote', async () => {
    await tab('motions');
    await propose('الخطة الاستراتيجية', MAIN);
    await motion(MAIN).getByRole('button', { name: 'تعديل المقترح' }).click();
    const form = page.locator('[data-form=new-motion]');
    await form.locator('[name="text.ar"]').fill(AMEND);
    await form.locator('button[type=submit]').click();
    await poll(() => motion(AMEND).count()).toBe(1);
    await motion(AMEND).locator('[data-action=consensus]').click();
    await motion(AMEND).locator('[data-action=confirm-consensus]').click();
    await poll(() => motion(AMEND).getAttribute('data-status')).toBe('adopted');
    // The screen asks for the text as amended, prefilled with the motion's text.
    const asked = motion(MAIN).locator('[data-form=consolidated-text]');
    await poll(() => asked.locator('[name="text.ar"]').inputValue()).toBe(MAIN);
    await asked.locator('[name="text.ar"]').fill(CONSOLIDATED);
    await asked.locator('[name="text.en"]').fill('The Executive Council adopts the strategic plan of the Organization for 2027-2030, with a mid-term review in 2028.');
    await asked.locator('[name="text.fr"]').fill('Le Conseil exécutif adopte le plan stratégique de l’Organisation pour 2027-2030, avec un examen à mi-parcours en 2028.');
    await asked.locator('button[type=submit]').click();
    await poll(() => motion(MAIN).locator('[data-consolidated=recorded]').count()).toBe(1);
    await vote(MAIN, 'yyyyyyyyynnnna');
    await poll(() => motion(MAIN).getAttribute('data-status')).toBe('adopted');
    // The banner says what the minutes say: adopted as amended.
    expect(await motion(MAIN).locator('[data-vote-outcome]').innerText()).toContain('اعتُمد بصيغته المعدَّلة');
  });

  it('a delegation leaves: the quorum is lost and a vote then is refused; it returns; a tie is rejected', async () => {
    await tab('attendance');
    await key(4, 'd');
    await poll(presentCount).toBe(13);
    await poll(quorum).toBe('not-met');
    await tab('motions');
    await propose('صندوق دعم', REFUSED);
    // The vote attempted without quorum: the roll call does not open and the motion stays before the council.
    await motion(REFUSED).locator('[data-action=start-vote]').click();
    await page.waitForSelector('[data-refused=quorum]');
    expect(await page.locator('[data-panel=roll-call]').count()).toBe(0);
    expect(await motion(REFUSED).getAttribute('data-status')).toBe('proposed');
    await tab('attendance');
    await key(4, 'a');
    await poll(presentCount).toBe(14);
    await poll(quorum).toBe('met');
    await tab('motions');
    // 6 for, 6 against, 2 abstentions: a simple majority is not reached on a tie, and this session gives
    // the chair no casting vote: the roll call offers none.
    await vote(REFUSED, 'yyyyyynnnnnnaa', async () => {
      expect(await page.locator('[data-casting-vote]').count()).toBe(0);
    });
    await poll(() => motion(REFUSED).getAttribute('data-status')).toBe('rejected');
  });

  it('the council gives the chair a casting vote: a second tie is decided by it; a two-thirds motion fails', async () => {
    await tab('details');
    // A controlled box: it shows checked once the session is saved and read again.
    await page.locator('[name=chairCastingVote]').click();
    await poll(() => page.locator('[name=chairCastingVote]').isChecked()).toBe(true);
    await tab('motions');
    await propose('صندوق دعم', CASTING);
    await vote(CASTING, 'yyyyyynnnnnnaa', async () => {
      await page.waitForSelector('[data-casting-vote=none]');
      expect(await page.locator('[data-would]').getAttribute('data-would')).toBe('reject');
      await page.locator('[data-panel=roll-call] input[name=castingVote][value=yes]').check();
      await page.waitForSelector('[data-casting-vote=yes]');
      expect(await page.locator('[data-would]').getAttribute('data-would')).toBe('adopt');
    });
    await poll(() => motion(CASTING).getAttribute('data-status')).toBe('adopted');
    expect(await motion(CASTING).locator('[data-vote-outcome]').innerText()).toContain('بترجيح صوت الرئيس');
    // Two-thirds of those present and voting: 8 for and 5 against is short of 9.
    const form = page.locator('[data-form=new-motion]');
    await form.locator('[name=majorityRule]').selectOption('two_thirds_present_and_voting');
    await propose('صندوق دعم', TWO_THIRDS);
    expect(await motion(TWO_THIRDS).locator('[data-motion-rule]').getAttribute('data-motion-rule')).toBe('two_thirds_present_and_voting');
    await vote(TWO_THIRDS, 'yyyyyyyynnnnna');
    await poll(() => motion(TWO_THIRDS).getAttribute('data-status')).toBe('rejected');
    expect(await motion(TWO_THIRDS).locator('[data-vote-outcome]').innerText()).toContain('لعدم استيفاء قاعدة أغلبية ثلثي الدول الحاضرة والمصوِّتة');
  });

  it('records the decision from the motion as amended, with a reservation and a referral', async () => {
    await tab('decisions');
    const form = page.locator('[data-form=new-decision]');
    await form.locator('[name=motionId]').selectOption({ index: 1 });
    // The decision form starts from the text as amended.
    await poll(() => form.locator('textarea[lang=ar]').inputValue()).toBe(CONSOLIDATED);
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[data-decision-number]');
    await page.click('[data-action=add-reservation]');
    const res = page.locator('[data-form=new-reservation]');
    await res.locator('[name=text]').fill('يتحفظ الوفد على الجدول الزمني لمراجعة منتصف المدة.');
    await res.locator('button[type=submit]').click();
    await page.waitForSelector('[data-reservation]');
    await page.getByRole('button', { name: 'إحالة', exact: true }).click();
    await page.getByRole('button', { name: 'حفظ الإحالة' }).click();
    await page.waitForSelector('[data-referral]');
  });

  it('closes the sitting, approves the minutes, and exports them in ar, en and fr, as PDF and PNG too', async () => {
    await tab('details');
    await page.click('[data-action=end-sitting]');
    await page.click('[data-action=confirm-end-sitting]');
    await poll(() => page.locator('[data-action=end-sitting]').count()).toBe(0);
    // Sittings held, minutes not yet approved.
    await poll(() => page.locator('[data-session-phase]').getAttribute('data-session-phase')).toBe('held');
    await tab('minutes');
    await page.waitForSelector('[data-preview]');
    for (const status of ['draft', 'circulated']) {
      if (status === 'draft') await page.getByRole('button', { name: 'نسخة جديدة بهذه اللغة' }).click();
      await page.waitForSelector(`[data-version-status=${status}]`);
      if (status === 'circulated') await page.locator('[name=approvedBySittingId]').fill('الدورة 68');
      await page.click('[data-action=minutes-next-step]');
      // Approving locks the whole record: the screen asks first.
      if (status === 'circulated') await page.click('[data-action=confirm-minutes-next-step]');
    }
    await page.waitForSelector('[data-version-status=approved]');
    await poll(() => page.locator('[data-session-phase]').getAttribute('data-session-phase')).toBe('approved');
    for (const lang of ['ar', 'en', 'fr'] as const) {
      await page.click(`[data-minutes-lang=${lang}]`);
      await pause();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=generate-docx]')]);
      const file = path.join(OUT, `minutes-${lang}.docx`);
      await download.saveAs(file);
      execFileSync('soffice', [`-env:UserInstallation=file:///tmp/lo-walk-${process.pid}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, file], { stdio: 'ignore' });
      execFileSync('pdftoppm', ['-png', '-r', '70', path.join(OUT, `minutes-${lang}.pdf`), path.join(OUT, `minutes-${lang}`)]);
      const text = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file], { encoding: 'utf8' });
      fs.writeFileSync(path.join(OUT, `minutes-${lang}.txt`), text);
    }
    expect(fs.readdirSync(OUT).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(2);
    const ar = fs.readFileSync(path.join(OUT, 'minutes-ar.txt'), 'utf8');
    expect(ar).toContain(CONSOLIDATED);
    expect(ar).toContain('بصيغته المعدَّلة');
    expect(ar).toContain(chairName);
    expect(ar).toContain('بترجيح صوت الرئيس بعد تساوي الأصوات');
    expect(ar).toContain('لعدم استيفاء قاعدة أغلبية ثلثي الدول الحاضرة والمصوِّتة (عدد الأصوات الموافقة المطلوب: 9)');
    // The adoption item typed by hand is the standing item: the adoption stated under it, never "not considered".
    expect(ar).not.toContain('لم يُنظر في هذا البند');
    expect(consoleErrors).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
