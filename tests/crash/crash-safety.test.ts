// Crash safety: a child process records attendance through the service in a loop and prints each event
// id after its commit returned; we SIGKILL it at a random moment, 50 times. After each kill, every id it
// printed must be in the file, integrity_check must be ok, and every timeline must still be valid.
//
// The child is bundled once with esbuild (tsx's own dependency) so each spawn is a plain `node` start
// (~3 s through `node --import tsx` here), and a few children load ahead, opening the file only when told
// to go. Measured on the 2-core machine under load average ~11 from other jobs: 50 runs in ~39 s (go →
// first commit ~0.4 s, checks ~0.13 s per run; one child loading at a time took ~56-75 s). Lanes (each with
// its own file) can run side by side; two were slower than one here.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineProblem } from '../../src/attendance/presence';
import { openDatabase } from '../../src/database/open';
import { createSampleSession } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-db';

const RUNS = 50;
const LANES = 1;
const PRELOADED = 3;
const root = path.resolve(__dirname, '../..');
// Inside node_modules so the bundle resolves better-sqlite3 (kept external: it is native).
const childFile = path.join(root, 'node_modules', '.cache', 'council-crash', `record-loop-${process.pid}.mjs`);
let dir = '';
interface Lane {
  dbFile: string;
  sittingId: string;
  delegationIds: string[];
}
const lanes: Lane[] = [];

beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, 'record-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childFile,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  dir = tempDir('council-crash-');
  for (let i = 0; i < LANES; i++) {
    const dbFile = path.join(dir, `council-${i}.sqlite`);
    const opened = await openDatabase({ path: dbFile });
    const s = await createSampleSession({ db: opened.db, now: () => new Date('2026-11-10T08:00:00Z') }, { members: 6 });
    lanes.push({ dbFile, sittingId: s.sittingIds[0]!, delegationIds: s.delegationIds });
    await opened.close();
  }
}, 60_000);

afterAll(() => {
  fs.rmSync(childFile, { force: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Where the time goes (printed at the end): go → first commit, and the checks after each kill. */
const timings = { toFirstCommit: 0, checks: 0, runs: 0 };

interface Child {
  proc: ChildProcessWithoutNullStreams;
  out: string;
  stderr: string;
  exited: Promise<NodeJS.Signals | null>;
}

/** Start a child that loads its modules and then waits for "go". */
function prepareChild({ dbFile, sittingId, delegationIds }: Lane): Child {
  const proc = spawn(process.execPath, [childFile, dbFile, sittingId, delegationIds.join(',')], { cwd: root });
  const child: Child = { proc, out: '', stderr: '', exited: Promise.resolve(null) };
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => (child.out += chunk));
  proc.stderr.on('data', (chunk: Buffer) => (child.stderr += chunk.toString()));
  child.exited = new Promise((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
  return child;
}

/** Let the child go, kill it `delayMs` after its first reported commit, and return the ids it printed. */
async function runAndKill(child: Child, delayMs: number): Promise<string[]> {
  child.proc.stdin.write('go\n');
  // The clock starts at the first reported commit, so every kill lands inside the write loop (at a
  // random point of it: mostly inside a transaction or its commit), whatever the machine's load.
  const started = Date.now();
  let exitedEarly = false;
  void child.exited.then(() => (exitedEarly = true));
  while (!/ready\n[^\n]+\n/.test(child.out)) {
    if (exitedEarly) throw new Error(`child exited by itself: ${child.stderr}`);
    if (Date.now() - started > 20_000) break; // never hang the suite
    await new Promise((r) => setTimeout(r, 2));
  }
  timings.toFirstCommit += Date.now() - started;
  await new Promise((r) => setTimeout(r, delayMs));
  child.proc.kill('SIGKILL');
  const signal = await child.exited;
  if (signal !== 'SIGKILL') throw new Error(`child exited by itself: ${child.stderr}`);
  // Only complete lines count: a line cut by the kill was not fully reported.
  return child.out.split('\n').slice(0, -1).filter((l) => l !== 'ready');
}

describe('crash safety of attendance recording', () => {
  it(`keeps every reported event through ${RUNS} SIGKILLs, with integrity intact`, async () => {
    const results = await Promise.all(lanes.map((lane) => killRepeatedly(lane, RUNS / LANES)));
    const killedAfterMore = results.reduce((n, r) => n + r.killedAfterMore, 0);
    const per = (ms: number) => `${Math.round(ms / timings.runs)} ms`;
    console.log(`crash runs: ${timings.runs}; per run: go→first commit ${per(timings.toFirstCommit)}, checks ${per(timings.checks)}`);
    // Kills must land at varied points: most runs get past their first commit before dying.
    expect(killedAfterMore).toBeGreaterThan(RUNS / 2);
  }, 180_000);
});

async function killRepeatedly(lane: Lane, runs: number): Promise<{ killedAfterMore: number }> {
  const reported = new Set<string>();
  let killedAfterMore = 0;
  // A few children load ahead (node and the modules take ~1 s here); each opens the file only on "go".
  const queue = Array.from({ length: PRELOADED }, () => prepareChild(lane));
  for (let run = 0; run < runs; run++) {
    const current = queue.shift()!;
    if (run + queue.length + 1 < runs) queue.push(prepareChild(lane));
    const ids = await runAndKill(current, Math.floor(Math.random() * 80));
    for (const id of ids) reported.add(id);
    if (ids.length > 1) killedAfterMore++;

    const checkStart = Date.now();
    const sqlite = new BetterSqlite3(lane.dbFile);
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((sqlite.prepare('select id from attendance_event').all() as { id: string }[]).map((r) => r.id));
      const missing = [...reported].filter((id) => !stored.has(id));
      expect(missing, `run ${run}: reported but missing`).toEqual([]);
      const events = sqlite
        .prepare('select delegation_id as d, kind, at from attendance_event where sitting_id = ?')
        .all(lane.sittingId) as { d: string; kind: 'arrival' | 'departure'; at: string }[];
      for (const id of lane.delegationIds) {
        expect(timelineProblem(events.filter((e) => e.d === id))).toBeNull();
      }
      // Every stored event has its audit entry: both were in one transaction.
      const unaudited = sqlite
        .prepare(`select count(*) n from attendance_event e where not exists (select 1 from audit_entry a where a.entity_id = e.id)`)
        .get() as { n: number };
      expect(unaudited.n).toBe(0);
    } finally {
      sqlite.close();
    }
    timings.checks += Date.now() - checkStart;
    timings.runs++;
  }
  for (const left of queue) left.proc.kill('SIGKILL');
  await Promise.all(queue.map((c) => c.exited));
  return { killedAfterMore };
}
