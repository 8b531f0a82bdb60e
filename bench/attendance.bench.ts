// Commit latency of recording one attendance event through the service (validation, reference checks,
// timeline check, insert, audit entry, one IMMEDIATE transaction), on a database filled to 60 sessions and
// 100k attendance rows; against, in the same run and on the same file, a bare better-sqlite3 insert of
// one row in its own transaction with the same pragmas (WAL, synchronous=FULL). The two are interleaved so
// that load from elsewhere on the machine touches both alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { recordArrival, recordDeparture } from '../src/attendance/service';
import type { CoreContext } from '../src/core/context';
import { openDatabase } from '../src/database/open';
import { seedMemberStates } from '../src/member-states/seed';

const SESSIONS = 60;
const SITTINGS_PER_SESSION = 3;
const DELEGATIONS_PER_SESSION = 16;
const TARGET_EVENTS = 100_000;
const SAMPLES = 400;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-'));
  const file = path.join(dir, 'council.sqlite');
  const opened = await openDatabase({ path: file });
  const ctx: CoreContext = { db: opened.db, now: () => new Date() };
  await seedMemberStates(ctx);
  const { sqlite } = opened;

  // Fill directly (one transaction, prepared statements): this is setup, not what is measured.
  const fillStart = performance.now();
  const states = sqlite.prepare('select id from member_state order by protocol_order').all() as { id: string }[];
  const insSession = sqlite.prepare(`insert into council_session (id, kind, number, venue_city_ar, venue_city_en, venue_city_fr,
    venue_country_ar, venue_country_en, venue_country_fr, start_date, end_date, languages_json, status, member_count,
    quorum_rule, default_majority_rule, created_at, updated_at)
    values (?, 'ordinary', ?, 'الرباط', 'Rabat', 'Rabat', 'المغرب', 'Morocco', 'Maroc', ?, ?, '["ar","en","fr"]', 'closed', 21,
    'two_thirds_of_members', 'simple_majority_of_votes_cast', ?, ?)`);
  const insSitting = sqlite.prepare('insert into sitting (id, session_id, number, starts_at, ends_at, created_at) values (?, ?, ?, ?, ?, ?)');
  const insDelegation = sqlite.prepare(`insert into delegation (id, session_id, kind, member_state_id, name_ar, name_en, name_fr, created_at)
    values (?, ?, 'member', ?, 'x', 'x', 'x', ?)`);
  const insEvent = sqlite.prepare(`insert into attendance_event (id, session_id, sitting_id, delegation_id, kind, at, recorded_at)
    values (?, ?, ?, ?, ?, ?, ?)`);
  const eventsPerPair = Math.ceil(TARGET_EVENTS / (SESSIONS * SITTINGS_PER_SESSION * DELEGATIONS_PER_SESSION));
  let events = 0;
  let lastSitting = { id: '', sessionId: '', startsAt: 0 };
  let lastDelegations: string[] = [];
  sqlite.transaction(() => {
    for (let n = 1; n <= SESSIONS; n++) {
      const day = Date.UTC(1996, 0, 1) + n * 182 * 86_400_000; // two sessions a year
      const date = new Date(day).toISOString().slice(0, 10);
      const endDate = new Date(day + 2 * 86_400_000).toISOString().slice(0, 10);
      const sessionId = randomUUID();
      const now = new Date().toISOString();
      insSession.run(sessionId, n, date, endDate, now, now);
      const delegations = states.slice(0, DELEGATIONS_PER_SESSION).map((s) => {
        const id = randomUUID();
        insDelegation.run(id, sessionId, s.id, now);
        return id;
      });
      for (let k = 1; k <= SITTINGS_PER_SESSION; k++) {
        const startsAt = day + (k - 1) * 86_400_000 + 8 * 3600_000;
        const sittingId = randomUUID();
        const isLast = n === SESSIONS && k === SITTINGS_PER_SESSION;
        insSitting.run(sittingId, sessionId, k, new Date(startsAt).toISOString(), isLast ? null : new Date(startsAt + 8 * 3600_000).toISOString(), now);
        for (const [i, d] of delegations.entries()) {
          for (let e = 0; e < eventsPerPair && events < TARGET_EVENTS; e++) {
            const at = new Date(startsAt + (e * 60 + i) * 1000).toISOString();
            insEvent.run(randomUUID(), sessionId, sittingId, d, e % 2 === 0 ? 'arrival' : 'departure', at, now);
            events++;
          }
        }
        if (isLast) lastSitting = { id: sittingId, sessionId, startsAt };
      }
      lastDelegations = delegations;
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const fillMs = performance.now() - fillStart;
  const rows = (sqlite.prepare(`select (select count(*) from attendance_event) a, (select count(*) from council_session) s`).get()) as { a: number; s: number };
  console.log(`filled: ${rows.s} sessions, ${rows.a} attendance rows in ${(fillMs / 1000).toFixed(1)} s`);

  // What the service will record next: each delegation toggles, at instants after everything stored.
  const present = new Map<string, boolean>();
  for (const d of lastDelegations) {
    const last = sqlite.prepare('select kind from attendance_event where sitting_id = ? and delegation_id = ? order by at desc limit 1').get(lastSitting.id, d) as { kind: string } | undefined;
    present.set(d, last?.kind === 'arrival');
  }
  let clock = lastSitting.startsAt + 7 * 3600_000;
  const bare = sqlite.prepare(`insert into attendance_event (id, session_id, sitting_id, delegation_id, kind, at, recorded_at)
    values (?, ?, ?, ?, 'arrival', ?, ?)`);
  // The bare inserts go to a second sitting of that session, so they do not disturb the service's timelines.
  const bareSittingId = randomUUID();
  insSitting.run(bareSittingId, lastSitting.sessionId, SITTINGS_PER_SESSION + 1, new Date(lastSitting.startsAt).toISOString(), null, new Date().toISOString());

  const serviceMs: number[] = [];
  const bareMs: number[] = [];
  // CPU time of each call too (process.cpuUsage, µs): on a loaded machine the wall time is mostly waiting.
  const serviceCpu: number[] = [];
  const bareCpu: number[] = [];
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  for (let i = 0; i < SAMPLES + 20; i++) {
    const delegationId = lastDelegations[i % lastDelegations.length]!;
    clock += 1000;
    const input = { sittingId: lastSitting.id, delegationId, at: new Date(clock).toISOString() };
    const c0 = cpu();
    const t0 = performance.now();
    const event = present.get(delegationId) ? await recordDeparture(ctx, input) : await recordArrival(ctx, input);
    const t1 = performance.now();
    const c1 = cpu();
    present.set(delegationId, event.kind === 'arrival');

    const c2 = cpu();
    const t2 = performance.now();
    bare.run(randomUUID(), lastSitting.sessionId, bareSittingId, delegationId, new Date(clock).toISOString(), new Date().toISOString());
    const t3 = performance.now();
    const c3 = cpu();
    if (i >= 20) {
      // the first 20 warm caches and prepared statements
      serviceMs.push(t1 - t0);
      bareMs.push(t3 - t2);
      serviceCpu.push(c1 - c0);
      bareCpu.push(c3 - c2);
    }
  }
  serviceMs.sort((a, b) => a - b);
  bareMs.sort((a, b) => a - b);
  const s50 = percentile(serviceMs, 50);
  const s99 = percentile(serviceMs, 99);
  const b50 = percentile(bareMs, 50);
  const b99 = percentile(bareMs, 99);
  console.log(`${SAMPLES} commits each, WAL + synchronous=FULL, ${os.cpus().length} cores`);
  console.log(`service recordArrival/recordDeparture: p50 ${s50.toFixed(2)} ms  p99 ${s99.toFixed(2)} ms`);
  console.log(`bare better-sqlite3 insert:            p50 ${b50.toFixed(2)} ms  p99 ${b99.toFixed(2)} ms`);
  console.log(`ratio service/bare:                    p50 ${(s50 / b50).toFixed(2)}×  p99 ${(s99 / b99).toFixed(2)}×`);
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const sc = mean(serviceCpu);
  const bc = mean(bareCpu);
  console.log(`CPU per call (mean): service ${sc.toFixed(3)} ms, bare ${bc.toFixed(3)} ms, ${(sc / bc).toFixed(2)}×`);

  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
