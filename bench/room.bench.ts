// The hall display's latency: from a secretary's action (the floor given, through the same dispatcher
// the hosts use: its transaction, the core's signal after commit, the Server-Sent Event, the display's one
// state read and React's render) until the hall page shows the new speaker, against a blank render in the
// same run (the page sets an attribute when told to over the same DevTools channel, waited for the same
// way), so the figure is ours and not the measuring's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../src/api/dispatch';
import { addAgendaItem } from '../src/agenda/service';
import { listDelegations } from '../src/delegations/service';
import { addSpeaker } from '../src/speakers/service';
import { buildRenderer } from '../src/web-host/build';
import { startCouncilWebHost } from '../src/web-host/start';
import { launchChromium } from '../tests/helpers/chromium';
import { arriveAll, createSampleSession, sampleSittingStart } from '../tests/helpers/fixtures';

const RUNS = 12;

/** The page's document, typed just enough (this file compiles without the DOM library). */
interface PageDoc {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  body: { getAttribute(name: string): string | null; setAttribute(name: string, value: string): void };
}


function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-room-'));
  const staticDir = await buildRenderer(path.join(work, 'renderer'));
  const running = await startCouncilWebHost({ dbPath: path.join(work, 'council.sqlite'), staticDir });
  const browser = await launchChromium();
  try {
    const ctx = running.council.ctx;
    const s = await createSampleSession(ctx, { members: 12 });
    await arriveAll(ctx, s.sittingIds[0]!, s.delegationIds, sampleSittingStart(1));
    const itemId = (await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'تقرير المدير العام' } })).id;
    for (const id of s.delegationIds) await addSpeaker(ctx, { agendaItemId: itemId, kind: 'delegation', delegationId: id });
    const names = new Map((await listDelegations(ctx, { sessionId: s.sessionId })).map((d) => [d.id, d.name.ar]));
    const dispatch = createDispatcher(ctx);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const hall = await context.newPage();
    await hall.goto(`${running.host.origin}/hall?session=${s.sessionId}&lang=ar#token=${running.host.token}`);
    await hall.waitForSelector('[data-hall]');
    const shows = (name: string) =>
      hall.waitForFunction(
        (n) => (globalThis as unknown as { document: PageDoc }).document.querySelector('[data-hall-speaker]')?.getAttribute('data-hall-speaker') === n,
        name,
        { polling: 'raf' },
      );

    const action: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Blank render: tell the page to change one attribute, wait for it the same way.
      const b0 = performance.now();
      await hall.evaluate((k) => {
        const g = globalThis as unknown as { document: PageDoc; requestAnimationFrame(f: () => void): number };
        g.requestAnimationFrame(() => g.document.body.setAttribute('data-blank', String(k)));
      }, i);
      await hall.waitForFunction((k) => (globalThis as unknown as { document: PageDoc }).document.body.getAttribute('data-blank') === String(k), i, { polling: 'raf' });
      blank.push(performance.now() - b0);

      const a0 = performance.now();
      const r = await dispatch('speakers.giveFloor', { agendaItemId: itemId });
      if (!r.ok) throw new Error(r.error.message);
      await shows(names.get(s.delegationIds[i]!)!);
      action.push(performance.now() - a0);
    }
    const a = median(action);
    const b = median(blank);
    console.log(`secretary's action to hall display updated (median of ${RUNS}): ${a.toFixed(0)} ms; blank render ${b.toFixed(0)} ms; ratio ${(a / b).toFixed(2)}x`);
    console.log(`  (action range ${Math.min(...action).toFixed(0)}-${Math.max(...action).toFixed(0)} ms)`);
  } finally {
    await browser.close();
    await running.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
