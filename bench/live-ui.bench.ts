// Issue 11's live figures in Chromium through the browser host, each against a blank React render in the
// same run (the page told over the same DevTools channel to change one attribute in a frame, waited for the
// same way), so the figures are the app's and not the measuring's:
// - a 21-state roll call: from the last ballot key press to the tally and the result the rule gives on
//   screen; and from the key press that records the vote (Enter on "record") to the recorded outcome;
// - attendance: from the key press (D or A on a delegation's row) to the quorum banner's update.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createDispatcher } from '../src/api/dispatch';
import { buildRenderer } from '../src/web-host/build';
import { startCouncilWebHost } from '../src/web-host/start';
import { launchChromium } from '../tests/helpers/chromium';

const RUNS = 10;

interface PageDoc {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  body: { getAttribute(name: string): string | null; setAttribute(name: string, value: string): void };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

async function blankRender(page: Page, k: number): Promise<number> {
  const t0 = performance.now();
  await page.evaluate((n) => {
    const g = globalThis as unknown as { document: PageDoc; requestAnimationFrame(f: () => void): number };
    g.requestAnimationFrame(() => g.document.body.setAttribute('data-blank', String(n)));
  }, k);
  await page.waitForFunction((n) => (globalThis as unknown as { document: PageDoc }).document.body.getAttribute('data-blank') === String(n), k, { polling: 'raf' });
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-live-ui-'));
  const staticDir = await buildRenderer(path.join(work, 'renderer'));
  const running = await startCouncilWebHost({ dbPath: path.join(work, 'council.sqlite'), staticDir });
  const browser = await launchChromium();
  try {
    const dispatch = createDispatcher(running.council.ctx);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await dispatch(name as never, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as T;
    };
    const states = await call<{ id: string }[]>('memberStates.list', {});
    const session = await call<{ id: string }>('sessions.create', {
      kind: 'ordinary', number: 70,
      venue: { city: { ar: 'الرباط', en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المملكة المغربية', en: 'Morocco', fr: 'Maroc' } },
      startDate: localDate(new Date()), endDate: localDate(new Date(Date.now() + 86_400_000)),
    });
    const sitting = await call<{ id: string }>('sittings.create', { sessionId: session.id, startsAt: new Date(Date.now() - 3600_000).toISOString() });
    for (const st of states.slice(0, 21)) {
      const d = await call<{ id: string }>('delegations.createMember', { sessionId: session.id, memberStateId: st.id, delegates: [{ fullName: 'رئيس الوفد', role: 'head' }] });
      await call('attendance.arrive', { sittingId: sitting.id, delegationId: d.id, at: new Date(Date.now() - 1800_000).toISOString() });
    }
    const item = await call<{ id: string }>('agenda.add', { sessionId: session.id, title: { ar: 'الميزانية' } });

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ar' });
    const page = await context.newPage();
    await page.goto(running.host.url);
    await page.waitForSelector('h1');

    // Roll calls.
    const lastKey: number[] = [];
    const recordKey: number[] = [];
    const blankVote: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const text = `مشروع القرار ${i + 1}`;
      await call('motions.propose', { agendaItemId: item.id, text: { ar: text } });
      // A motion added outside the page: reload the tab to list it (not measured).
      await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), `#/session/${session.id}/motions`);
      await page.reload();
      await page.locator(`[data-motion="${text}"] [data-action=start-vote]`).click();
      const ballots = page.locator('[data-panel=roll-call] tr[data-ballot]');
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-panel=roll-call] tr[data-ballot]').length === 21);
      await ballots.first().focus();
      for (let k = 0; k < 20; k++) {
        await page.keyboard.press(k < 4 ? 'n' : 'y');
        await page.waitForFunction((n) => (globalThis as unknown as { document: PageDoc }).document.querySelector('[data-tally]')?.getAttribute('data-tally')?.split('-').map(Number).reduce((a, b) => a + b, 0) === n, k + 1, { polling: 'raf' });
      }
      const b = await blankRender(page, i);
      const t0 = performance.now();
      await page.keyboard.press('y');
      await page.waitForFunction(() => (globalThis as unknown as { document: PageDoc }).document.querySelector('[data-would]')?.getAttribute('data-would') === 'adopt', undefined, { polling: 'raf' });
      const t1 = performance.now();
      await page.focus('[data-action=record-vote]');
      const t2 = performance.now();
      await page.keyboard.press('Enter');
      // The recorded result: the motion's own outcome line, from the vote just stored.
      await page.waitForFunction(
        (m) => (globalThis as unknown as { document: PageDoc }).document.querySelector(`[data-motion="${m}"][data-status=adopted] [data-vote-outcome=adopted]`) !== null,
        text,
        { polling: 'raf' },
      );
      const t3 = performance.now();
      if (i > 0) {
        lastKey.push(t1 - t0);
        recordKey.push(t3 - t2);
        blankVote.push(b);
      }
    }

    // Attendance: D then A on the first delegation's row, alternately.
    await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), `#/session/${session.id}/attendance`);
    await page.waitForSelector('tr[data-present]');
    await page.waitForSelector('[data-quorum]');
    const att: number[] = [];
    const blankAtt: number[] = [];
    for (let i = 0; i < 2 * RUNS + 2; i++) {
      const first = page.locator('tr[data-present]').first();
      await first.focus();
      const before = await page.locator('[data-quorum]').first().textContent();
      const b = await blankRender(page, 1000 + i);
      const t0 = performance.now();
      await page.keyboard.press(i % 2 === 0 ? 'd' : 'a');
      await page.waitForFunction((txt) => (globalThis as unknown as { document: PageDoc }).document.querySelector('[data-quorum]')?.textContent !== txt, before, { polling: 'raf' });
      const t1 = performance.now();
      if (i >= 2) {
        att.push(t1 - t0);
        blankAtt.push(b);
      }
      await new Promise((r) => setTimeout(r, 1100)); // attendance instants are to the second: one event a second
    }

    const bv = median(blankVote);
    const ba = median(blankAtt);
    console.log(`live actions in Chromium through the browser host, median of ${RUNS} (ms)      action   blank render   ratio`);
    const line = (label: string, a: number, b: number) => console.log(`  ${label.padEnd(62)}${a.toFixed(0).padStart(7)}${b.toFixed(0).padStart(15)}${(a / b).toFixed(2).padStart(8)}×`);
    line('21-state roll call: last ballot key → tally and result on screen', median(lastKey), bv);
    line('21-state roll call: record key (Enter) → recorded outcome on screen', median(recordKey), bv);
    line('attendance: key (D/A) → quorum banner updated', median(att), ba);
  } finally {
    await browser.close();
    await running.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
