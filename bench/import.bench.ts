// Importing the large session's bundle (the minutes bench's session: 3 sittings, 21 delegations, 60 items,
// 120 roll-call votes of 21 ballots, 150 decisions) as `council import` does it — parse, check every row
// and rule, insert in one transaction with its audit — against, in the same run, inserting the same rows
// bare: better-sqlite3 prepared statements in one transaction, same file settings (WAL, synchronous=FULL),
// into a database migrated the same way. Each on a fresh file, alternated, medians of RUNS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBundleBytes } from '../src/bundle/bytes';
import { bundleToJson } from '../src/bundle/export';
import { importSessionBundle } from '../src/bundle/import';
import { prepareSessionBundle } from '../src/bundle/prepare';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type SessionBundle } from '../src/bundle/schema';
import { latestMigration } from '../src/database/migrations';
import { openDatabase } from '../src/database/open';
import { largeRecord } from './minutes.bench';

const RUNS = 5;
const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
// Parents first: the order the rows can go in with the foreign keys on.
const TABLES: [string, string][] = [
  ['memberStates', 'member_state'], ['session', 'council_session'], ['sittings', 'sitting'], ['delegations', 'delegation'],
  ['delegates', 'delegate'], ['attendanceEvents', 'attendance_event'], ['agendaItems', 'agenda_item'], ['agendaAdoption', 'agenda_adoption'],
  ['notes', 'note'], ['motions', 'motion'], ['votes', 'vote'], ['voteBallots', 'vote_ballot'], ['decisions', 'decision'],
  ['reservations', 'reservation'], ['referrals', 'referral'],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The minutes bench's large session, with its instants moved to where the record's rules want them. */
function importableRows() {
  const rows = largeRecord(1).rows;
  const start = new Map(rows.sittings.map((st) => [st.id, Date.parse(st.startsAt)]));
  const within = (sittingId: string, i: number) => new Date(start.get(sittingId)! + (10 + (i % 400)) * 60_000).toISOString();
  for (const [i, v] of rows.votes.entries()) v.heldAt = within(v.sittingId, i);
  const votedAt = new Map(rows.votes.map((v) => [v.motionId, v.heldAt]));
  for (const [i, m] of rows.motions.entries()) {
    m.decidedAt = votedAt.get(m.id) ?? within('st1', i);
    m.createdAt = within('st1', 0);
  }
  const decidedAt = new Map(rows.motions.map((m) => [m.id, m.decidedAt]));
  for (const d of rows.decisions) {
    d.adoptedAt = decidedAt.get(d.motionId!)!;
    d.createdAt = d.adoptedAt;
    d.sittingId = rows.votes.find((v) => v.motionId === d.motionId)?.sittingId ?? 'st1';
  }
  return rows;
}

export async function run(): Promise<void> {
  const rows = importableRows();
  const bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: '2026-05-13T00:00:00.000Z', schema: latestMigration, ...rows } as unknown as SessionBundle;
  const bytes = new TextEncoder().encode(bundleToJson(bundle));
  const count = TABLES.reduce((n, [key]) => n + [(rows as unknown as Record<string, unknown>)[key]].flat().filter(Boolean).length, 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-import-'));
  const service: number[] = [];
  const bare: number[] = [];
  try {
    for (let r = 0; r < RUNS + 1; r++) {
      // The service, as `council import` runs it.
      const a = await openDatabase({ path: path.join(dir, `a${r}.sqlite`) });
      const ctx = { db: a.db, now: () => new Date('2026-05-13T00:00:00.000Z') };
      let t0 = performance.now();
      const json = parseBundleBytes(bytes, 'large.json');
      prepareSessionBundle(json);
      await importSessionBundle(ctx, json);
      if (r > 0) service.push(performance.now() - t0);
      await a.close();

      // The same rows, bare (the member states the service matches by ISO code are already seeded there too).
      const b = await openDatabase({ path: path.join(dir, `b${r}.sqlite`) });
      const sqlite = b.sqlite;
      const seeded = new Set((sqlite.prepare('select iso_code from member_state').all() as { iso_code: string }[]).map((x) => x.iso_code));
      t0 = performance.now();
      sqlite.transaction(() => {
        for (const [key, table] of TABLES) {
          let list = [(rows as unknown as Record<string, Record<string, unknown>[] | Record<string, unknown>>)[key]].flat() as Record<string, unknown>[];
          if (key === 'memberStates') list = list.filter((m) => !seeded.has(m.isoCode as string));
          if (list.length === 0) continue;
          const cols = Object.keys(list[0]!);
          const stmt = sqlite.prepare(`insert into ${table} (${cols.map(snake).join(', ')}) values (${cols.map(() => '?').join(', ')})`);
          for (const row of list) stmt.run(cols.map((c) => row[c] as never));
        }
      }).immediate();
      if (r > 0) bare.push(performance.now() - t0);
      await b.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const s = median(service);
  const b = median(bare);
  console.log(`import of the large session's bundle (${(bytes.length / 1e6).toFixed(1)} MB, ${count} rows), median of ${RUNS} (WAL, synchronous=FULL)`);
  console.log(`  service  parse + check + importSessionBundle   ${s.toFixed(0).padStart(6)} ms`);
  console.log(`  baseline the same rows, bare inserts, 1 tx      ${b.toFixed(0).padStart(6)} ms`);
  console.log(`  ratio service/baseline                         ${(s / b).toFixed(2).padStart(6)}×`);
}
