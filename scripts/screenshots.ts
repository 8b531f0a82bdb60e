// Screenshots of each main screen, in Arabic and in English, at 1366x768: `npx tsx scripts/screenshots.ts`
// writes docs/screenshots/*.png (the README shows them). tests/ui/screenshots.test.ts runs the same
// code into a temporary folder. The record shown is the 66th ordinary session (Agadir), seeded through
// the API as the secretariat would enter it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createDispatcher } from '../src/api/dispatch';
import type { ApiCallName } from '../src/api/contract';
import type { CoreContext } from '../src/core/context';
import { buildRenderer, projectRoot } from '../src/web-host/build';
import { startCouncilWebHost } from '../src/web-host/start';
import { arriveAll, createSampleSession } from '../tests/helpers/fixtures';
import { launchChromium } from '../tests/helpers/chromium';

export const screens = ['sessions', 'details', 'attendance', 'agenda', 'notes', 'motions', 'decisions', 'minutes', 'actions', 'settings', 'seal', 'backups'] as const;

/** A session in progress: delegations, roll call, agenda, interventions, a vote, a decision with a reservation. */
export async function seedShowcase(ctx: CoreContext): Promise<string> {
  const dispatch = createDispatcher(ctx);
  const call = async <T = { id: string }>(name: ApiCallName, input: unknown): Promise<T> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.field}: ${r.error.message}`);
    return r.value as T;
  };
  const s = await createSampleSession(ctx, { members: 15, sittings: 1 });
  await call('sessions.setStatus', { id: s.sessionId, status: 'in_progress' });
  const sitting = s.sittingIds[0]!;
  await arriveAll(ctx, sitting, s.delegationIds.slice(0, 14), '2026-11-10T08:00:00.000Z');
  await arriveAll(ctx, sitting, [s.observerDelegationId, s.secretariatDelegationId], '2026-11-10T08:00:00.000Z');
  await call('attendance.arrive', { sittingId: sitting, delegationId: s.delegationIds[14], at: '2026-11-10T08:40:00.000Z' });
  const items = await call<{ id: string; standingKey: string | null }[]>('agenda.applyTemplate', { sessionId: s.sessionId });
  await call('agenda.recordAdoption', { sessionId: s.sessionId, sittingId: sitting, adoptedAt: '2026-11-10T08:20:00.000Z', asAmended: false });
  const report = items.find((i) => i.standingKey === 'director_general_report') ?? items[1]!;
  await call('agenda.update', { id: items[0]!.id, status: 'discussed' });
  const notes: [string, string | null, string][] = [
    ['chair', null, 'افتتح السيد الرئيس الجلسة ورحب بالسادة رؤساء الوفود، ودعا المدير العام إلى عرض تقريره.'],
    ['secretariat', null, 'عرض المدير العام تقريره عن نشاط المنظمة خلال الفترة الماضية، وأبرز ما تحقق في مجال التقييس.'],
    ['delegation', s.delegationIds[2]!, 'أثنى الوفد على جهود الأمانة العامة واقترح تعزيز برامج دعم الصناعات الصغيرة والمتوسطة.'],
  ];
  for (const [kind, delegation, text] of notes) {
    await call('notes.add', { agendaItemId: report.id, speakerKind: kind, speakerDelegationId: delegation, text, at: '2026-11-10T09:00:00.000Z' });
  }
  const motion = await call('motions.propose', {
    agendaItemId: report.id,
    text: {
      ar: 'يقرر المجلس التنفيذي الموافقة على تقرير المدير العام عن نشاط المنظمة، وتوجيه الشكر إلى الأمانة العامة.',
      en: "The Executive Council approves the Director-General's report and thanks the Secretariat.",
      fr: 'Le Conseil exécutif approuve le rapport du Directeur général et remercie le Secrétariat.',
    },
    proposerDelegationId: s.delegationIds[0],
  });
  const roll = await call<{ memberStateId: string }[]>('votes.rollCallOrder', { sessionId: s.sessionId, sittingId: sitting, at: '2026-11-10T10:00:00.000Z' });
  await call('votes.record', {
    motionId: motion.id,
    sittingId: sitting,
    at: '2026-11-10T10:00:00.000Z',
    ballots: roll.map((e, i) => ({ memberStateId: e.memberStateId, choice: i < 12 ? 'yes' : i < 14 ? 'no' : 'abstain' })),
  });
  const decision = await call('decisions.record', {
    agendaItemId: report.id,
    motionId: motion.id,
    adoptedAt: '2026-11-10T10:00:00.000Z',
    text: {
      ar: 'الموافقة على تقرير المدير العام عن نشاط المنظمة، وتوجيه الشكر إلى الأمانة العامة على جهودها.',
      en: "Approves the Director-General's report on the Organization's activities and thanks the Secretariat.",
      fr: "Approuve le rapport du Directeur général sur les activités de l'Organisation et remercie le Secrétariat.",
    },
  });
  await call('reservations.create', { decisionId: decision.id, memberStateId: s.memberStateIds[3], text: 'يتحفظ الوفد على الفقرة الثانية إلى حين استكمال الإجراءات الداخلية.' });
  await call('referrals.create', { decisionId: decision.id, body: 'general_assembly' });
  await call('actions.create', { decisionId: decision.id, description: 'إعداد خطة تنفيذية لبرامج دعم الصناعات الصغيرة والمتوسطة', responsible: { kind: 'secretariat_unit', unit: 'إدارة التنمية الصناعية' }, dueDate: '2027-03-31' });
  await call('motions.propose', { agendaItemId: report.id, text: { ar: 'يقرر المجلس التنفيذي اعتماد الحساب الختامي للسنة المالية 2025.' } });
  // The previous session, its minutes approved (so locked): the seal screen shows it ready to seal.
  const previous = await createSampleSession(ctx, { members: 12, sittings: 1, number: 65 });
  const version = await call('minutesVersions.create', { sessionId: previous.sessionId, language: 'ar' });
  await call('minutesVersions.circulate', { versionId: version.id });
  await call('minutesVersions.approve', { versionId: version.id, approvedAtSession: 'الدورة العادية السادسة والستون' });
  return s.sessionId;
}

async function show(page: Page, screen: (typeof screens)[number]): Promise<void> {
  if (screen === 'sessions' || screen === 'actions' || screen === 'settings') {
    await page.click(`[data-nav=${screen}]`);
  } else if (screen === 'backups') {
    // Settings, at the backups: one taken by hand, its restore asking for confirmation; the seal key.
    await page.click('[data-nav=settings]');
    await page.click('[data-action=backup-now]');
    await page.locator('[data-backup=manual] [data-action=restore]').first().click();
    await page.locator('[data-confirm-restore]').waitFor();
    await page.locator('[data-fingerprint]').waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(`window.scrollTo(0, document.getElementById('backups-h').getBoundingClientRect().top + window.scrollY - 80)`);
    await page.waitForTimeout(250);
    return;
  } else if (screen === 'seal') {
    // The approved 65th session's minutes: seal and export, verify a file, the signed scan.
    await page.click('[data-nav=sessions]');
    await page.click('[data-open-session="65"]');
    await page.click('[data-tab=minutes]');
    await page.locator('[data-panel=seal] [data-fingerprint]').waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(`window.scrollTo(0, document.querySelector('[data-panel=seal]').getBoundingClientRect().top + window.scrollY - 300)`);
    await page.waitForTimeout(250);
    return;
  } else {
    if (!(await page.locator('[role=tablist]').count())) {
      await page.click('[data-nav=sessions]');
      await page.click('[data-open-session="66"]');
    }
    await page.click(`[data-tab=${screen}]`);
  }
  if (screen === 'motions') {
    await page.locator('[data-action=start-vote]').first().click();
    await page.locator('[data-panel=roll-call] tr[data-ballot]').first().waitFor();
    const rows = page.locator('[data-panel=roll-call] tr[data-ballot]');
    await rows.first().focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press(i < 5 ? 'y' : 'n');
  }
  if (screen === 'minutes') await page.locator('[data-preview]').waitFor();
  if (screen === 'notes') await page.locator('[data-field=current-item]').selectOption({ index: 1 });
  // The picture starts at the top of the page, whatever the keyboard focused.
  await page.evaluate('window.scrollTo(0, 0)');
  // Let data arrive and fonts settle.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250);
}

/** Build, serve a seeded database, and photograph every screen in each language into outDir. */
export async function takeScreenshots(outDir: string, langs: ('ar' | 'en' | 'fr')[] = ['ar', 'en']): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-shots-'));
  const staticDir = await buildRenderer(path.join(work, 'renderer'));
  const running = await startCouncilWebHost({ dbPath: path.join(work, 'council.sqlite'), staticDir });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    await seedShowcase(running.council.ctx);
    fs.mkdirSync(outDir, { recursive: true });
    for (const lang of langs) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addInitScript(`localStorage.setItem('council.lang', '${lang}')`);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(running.host.url);
      await page.waitForSelector('[data-open-session="66"]');
      for (const screen of screens) {
        await show(page, screen);
        const file = path.join(outDir, `${screen}-${lang}.png`);
        await page.screenshot({ path: file });
        written.push(file);
      }
      await context.close();
      if (errors.length) throw new Error(`script errors in ${lang}: ${errors.join('; ')}`);
    }
  } finally {
    await browser.close();
    await running.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(projectRoot, 'docs/screenshots');
  // docs/screenshots holds every main screen in the three UI languages.
  const files = await takeScreenshots(out, ['ar', 'en', 'fr']);
  console.log(files.map((f) => path.relative(projectRoot, f)).join('\n'));
}
