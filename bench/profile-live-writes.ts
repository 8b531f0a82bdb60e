// What a vote and an attendance event do per call: every SQL statement counted and timed (better-sqlite3's
// statements wrapped), the average wall and CPU time; NOSYNC=1 turns the fsync off to see the CPU, PROF=FILE
// writes a CPU profile of the votes loop, NOWRAP=1 skips the counting. Not a bench (run it by hand):
//   node --import tsx bench/profile-live-writes.ts   (under Node 22)
/* eslint-disable @typescript-eslint/no-explicit-any -- patching better-sqlite3's statements to count them */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
const session = new inspector.Session(); session.connect();
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src/database/open';
import type { CoreContext } from '../src/core/context';
import { addAgendaItem } from '../src/agenda/service';
import { proposeMotion } from '../src/motions/service';
import { recordRollCallVote } from '../src/votes/service';
import { recordArrival, recordDeparture } from '../src/attendance/service';
import { arriveAll, createSampleSession } from '../tests/helpers/fixtures';

const counts = new Map<string, { n: number; ms: number }>();
let on = false;
const origPrepare = BetterSqlite3.prototype.prepare;
(BetterSqlite3.prototype as any).prepare = function (sql: string) {
  const st = origPrepare.call(this, sql);
  for (const m of ['run', 'all', 'get', 'iterate'] as const) {
    const f = (st as any)[m].bind(st);
    (st as any)[m] = (...a: unknown[]) => {
      const t = performance.now();
      const r = f(...a);
      if (on) {
        const c = counts.get(sql) ?? { n: 0, ms: 0 };
        c.n++; c.ms += performance.now() - t; counts.set(sql, c);
      }
      return r;
    };
  }
  return st;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-prof-'));
const opened = await openDatabase({ path: path.join(dir, 'c.sqlite') });
const ctx: CoreContext = { db: opened.db, now: () => new Date('2026-11-10T08:00:00.000Z') };
if (process.env.NOSYNC) opened.sqlite.pragma('synchronous = OFF');
const s = await createSampleSession(ctx, { members: 21 });
const sittingId = s.sittingIds[0]!;
await arriveAll(ctx, sittingId, s.delegationIds, '2026-11-10T08:05:00.000Z');
const itemId = (await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'بند' } })).id;
const motions: string[] = [];
for (let i = 0; i < 330; i++) motions.push((await proposeMotion(ctx, { agendaItemId: itemId, text: { ar: `م ${i}` } })).id);
const ballots = s.memberStateIds.map((memberStateId) => ({ memberStateId, choice: 'yes' as const }));
for (let i = 0; i < 10; i++) await recordRollCallVote(ctx, { motionId: motions[i], sittingId, at: '2026-11-10T10:00:00.000Z', ballots });
on = !process.env.NOWRAP;
if (process.env.PROF) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 10; i < 330; i++) await recordRollCallVote(ctx, { motionId: motions[i], sittingId, at: '2026-11-10T10:00:00.000Z', ballots });
const c1 = process.cpuUsage(c0);
if (process.env.PROF) { const { profile } = await session.post('Profiler.stop'); fs.writeFileSync(process.env.PROF, JSON.stringify(profile)); }
console.log('vote avg ms', ((performance.now() - t0) / 320).toFixed(2), 'cpu ms', ((c1.user + c1.system) / 1000 / 320).toFixed(2));
on = false;
const dump = (label: string, per: number) => {
  console.log(`== ${label}: statements per call`);
  for (const [sql, c] of [...counts].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${(c.n / per).toFixed(1)}x ${(c.ms / per).toFixed(3)}ms  ${sql.replace(/\s+/g, ' ').slice(0, 220)}`);
  counts.clear();
};
dump("vote", 320);
// attendance
on = !process.env.NOWRAP;
const d = s.delegationIds[0]!;
const t1 = performance.now(); const c2 = process.cpuUsage();
for (let i = 0; i < 20; i++) {
  const at = new Date(Date.parse('2026-11-10T10:10:00.000Z') + i * 1000).toISOString();
  if (i % 2 === 0) await recordDeparture(ctx, { sittingId, delegationId: d, at }); else await recordArrival(ctx, { sittingId, delegationId: d, at });
}
const c3 = process.cpuUsage(c2);
console.log('attendance avg ms', ((performance.now() - t1) / 20).toFixed(2), 'cpu ms', ((c3.user + c3.system) / 1000 / 20).toFixed(2));
dump('attendance', 20);
await opened.close();
fs.rmSync(dir, { recursive: true, force: true });
