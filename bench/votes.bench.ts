// Recording a roll-call vote of 21 member states through the service (validation, presence and quorum at
// the instant, tallies, rule, vote + 21 ballots + the motion's status + two audit entries, one IMMEDIATE
// transaction), against a baseline: the bare inserts of the same rows (vote, 21 ballots, the motion's
// update) with better-sqlite3 prepared statements in one transaction, on the same file; and the same plus the
// two audit rows the service writes (all the rows it writes). Interleaved, so load elsewhere hits all alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/database/open';
import type { CoreContext } from '../src/core/context';
import { addAgendaItem } from '../src/agenda/service';
import { proposeMotion } from '../src/motions/service';
import { recordRollCallVote } from '../src/votes/service';
import { arriveAll, createSampleSession } from '../tests/helpers/fixtures';

const VOTES = 200;
const WARMUP = 10;
const AT = '2026-11-10T10:00:00.000Z';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}
const fmt = (x: number) => `${x.toFixed(3)} ms`;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-votes-'));
  const opened = await openDatabase({ path: path.join(dir, 'council.sqlite') });
  const ctx: CoreContext = { db: opened.db, now: () => new Date('2026-11-10T08:00:00.000Z') };
  try {
    const s = await createSampleSession(ctx, { members: 21 });
    const sittingId = s.sittingIds[0]!;
    await arriveAll(ctx, sittingId, s.delegationIds, '2026-11-10T08:05:00.000Z');
    const itemId = (await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'بند' } })).id;
    const motions: string[] = [];
    for (let i = 0; i < 3 * (VOTES + WARMUP); i++) {
      motions.push((await proposeMotion(ctx, { agendaItemId: itemId, text: { ar: `مشروع قرار ${i}` } })).id);
    }
    const choices = ['yes', 'no', 'abstain', 'not_participating'] as const;
    const ballots = s.memberStateIds.map((memberStateId, i) => ({ memberStateId, choice: choices[i % 7 === 0 ? 1 : i % 9 === 0 ? 2 : 0]! }));

    const sqlite = opened.sqlite;
    const insVote = sqlite.prepare(
      `insert into vote (id, session_id, motion_id, sitting_id, held_at, rule, yes, no, abstain, not_participating,
        present_count, member_count, quorum_required, quorum_met, inquorate, casting_vote, outcome)
       values (?, ?, ?, ?, ?, 'simple_majority_of_votes_cast', 17, 3, 1, 0, 21, 21, 14, 1, 0, null, 'adopted')`,
    );
    const insBallot = sqlite.prepare(
      `insert into vote_ballot (vote_id, session_id, member_state_id, delegation_id, choice, roll_order) values (?, ?, ?, ?, ?, ?)`,
    );
    const updMotion = sqlite.prepare(`update motion set status = 'adopted', decided_by = 'vote', decided_at = ? where id = ?`);
    const insAudit = sqlite.prepare(
      `insert into audit_entry (at, actor, action, entity, entity_id, session_id, before_json, after_json) values (?, 'secretariat', ?, ?, ?, ?, ?, ?)`,
    );
    const bareRows = (motionId: string, withAudit: boolean) => {
      const voteId = randomUUID();
      insVote.run(voteId, s.sessionId, motionId, sittingId, AT);
      ballots.forEach((b, i) => insBallot.run(voteId, s.sessionId, b.memberStateId, s.delegationIds[i], b.choice, i + 1));
      updMotion.run(AT, motionId);
      if (withAudit) {
        const after = JSON.stringify({ voteId, ballots: ballots.map((b) => [b.memberStateId, b.choice]) });
        insAudit.run(AT, 'vote.record', 'vote', voteId, s.sessionId, null, after);
        insAudit.run(AT, 'motion.vote', 'motion', motionId, s.sessionId, JSON.stringify({ id: motionId, status: 'proposed' }), JSON.stringify({ id: motionId, status: 'adopted' }));
      }
    };
    const bare = sqlite.transaction((motionId: string) => bareRows(motionId, false));
    const bareAudit = sqlite.transaction((motionId: string) => bareRows(motionId, true));

    // Interleaved; the first WARMUP rounds (statement caches, page cache) are not measured.
    const service: number[] = [];
    const baseline: number[] = [];
    const baselineAudit: number[] = [];
    // CPU time as well: on a loaded machine the wall clock magnifies the CPU a call needs, the fsync aside.
    const cpu = { service: 0, bare: 0 };
    const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    for (let i = 0; i < VOTES + WARMUP; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await recordRollCallVote(ctx, { motionId: motions[3 * i], sittingId, at: AT, ballots });
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      bare.immediate(motions[3 * i + 1]!);
      const t2 = performance.now();
      const c2 = process.cpuUsage();
      bareAudit.immediate(motions[3 * i + 2]!);
      const t3 = performance.now();
      if (i >= WARMUP) {
        cpu.service += cpuMs(process.cpuUsage(c0)) - cpuMs(process.cpuUsage(c1));
        cpu.bare += cpuMs(process.cpuUsage(c1)) - cpuMs(process.cpuUsage(c2));
        service.push(t1 - t0);
        baseline.push(t2 - t1);
        baselineAudit.push(t3 - t2);
      }
    }

    const a = summary(service);
    const b = summary(baseline);
    const c = summary(baselineAudit);
    const row = (label: string, x: ReturnType<typeof summary>) =>
      console.log(`  ${label.padEnd(44)} p50 ${fmt(x.p50)}  p95 ${fmt(x.p95)}  p99 ${fmt(x.p99)}  mean ${fmt(x.mean)}`);
    console.log(`roll-call vote of 21 states, ${VOTES} votes each, interleaved (WAL, synchronous=FULL)`);
    row('service  recordRollCallVote', a);
    row('baseline bare vote + ballots + motion, 1 tx', b);
    row('baseline the same + the 2 audit rows, 1 tx', c);
    console.log(`  ratio service/bare                          p50 ${(a.p50 / b.p50).toFixed(2)}x  p95 ${(a.p95 / b.p95).toFixed(2)}x  p99 ${(a.p99 / b.p99).toFixed(2)}x`);
    console.log(`  CPU time per vote: service ${(cpu.service / VOTES).toFixed(2)} ms, bare ${(cpu.bare / VOTES).toFixed(2)} ms`);
    console.log(`  ratio service/bare with audit rows          p50 ${(a.p50 / c.p50).toFixed(2)}x  p95 ${(a.p95 / c.p95).toFixed(2)}x  p99 ${(a.p99 / c.p99).toFixed(2)}x`);
  } finally {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
