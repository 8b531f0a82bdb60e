// Recording a roll-call vote of 21 member states through the service (validation, presence and quorum at
// the instant, tallies, rule, vote + 21 ballots + the motion's status + two audit entries, one IMMEDIATE
// transaction), against a baseline: the bare inserts of the same rows (vote, 21 ballots, the motion's
// update) with better-sqlite3 prepared statements in one transaction, on the same file.
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
  return { p50: percentile(s, 50), p95: percentile(s, 95), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
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
    for (let i = 0; i < 2 * (VOTES + WARMUP); i++) {
      motions.push((await proposeMotion(ctx, { agendaItemId: itemId, text: { ar: `مشروع قرار ${i}` } })).id);
    }
    const choices = ['yes', 'no', 'abstain', 'not_participating'] as const;
    const ballots = s.memberStateIds.map((memberStateId, i) => ({ memberStateId, choice: choices[i % 7 === 0 ? 1 : i % 9 === 0 ? 2 : 0]! }));

    // The first WARMUP votes of each path (statement caches, page cache) are not measured.
    const service: number[] = [];
    for (let i = 0; i < VOTES + WARMUP; i++) {
      const t0 = performance.now();
      await recordRollCallVote(ctx, { motionId: motions[i], sittingId, at: AT, ballots });
      if (i >= WARMUP) service.push(performance.now() - t0);
    }

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
    const bare = sqlite.transaction((motionId: string) => {
      const voteId = randomUUID();
      insVote.run(voteId, s.sessionId, motionId, sittingId, AT);
      ballots.forEach((b, i) => insBallot.run(voteId, s.sessionId, b.memberStateId, s.delegationIds[i], b.choice, i + 1));
      updMotion.run(AT, motionId);
    });
    const baseline: number[] = [];
    for (let i = VOTES + WARMUP; i < 2 * (VOTES + WARMUP); i++) {
      const t0 = performance.now();
      bare.immediate(motions[i]!);
      if (i >= VOTES + 2 * WARMUP) baseline.push(performance.now() - t0);
    }

    const a = summary(service);
    const b = summary(baseline);
    console.log(`roll-call vote of 21 states, ${VOTES} votes each (WAL, synchronous=FULL)`);
    console.log(`  service  recordRollCallVote   p50 ${fmt(a.p50)}  p95 ${fmt(a.p95)}  mean ${fmt(a.mean)}`);
    console.log(`  baseline bare inserts, 1 tx   p50 ${fmt(b.p50)}  p95 ${fmt(b.p95)}  mean ${fmt(b.mean)}`);
    console.log(`  ratio service/baseline       p50 ${(a.p50 / b.p50).toFixed(2)}x  p95 ${(a.p95 / b.p95).toFixed(2)}x`);
  } finally {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
