// Migrations are atomic: a child process creates a new database file, or upgrades a file from each
// earlier version, and is SIGKILLed at a random moment of it; every file must open afterwards, at the
// latest version, with integrity intact and the record written before the upgrade still there.
// (Before the migrations ran in one transaction, 2 kills in 10 left a file that could never be opened
// again: "table setting already exists".)
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { CamelCasePlugin, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouncilSqliteDialect } from '../../src/database/dialect';
import { migrationNames } from '../../src/database/migrations';
import { migrateTo, openDatabase } from '../../src/database/open';
import type { Database } from '../../src/database/schema';
import { registerCouncilFunctions } from '../../src/database/functions';
import { insertItem, insertSession, insertStates } from '../decisions/world';
import { tempDir, type TempDb } from '../helpers/temp-db';

const RUNS_PER_START = 10;
const PRELOADED = 3;
const root = path.resolve(__dirname, '../..');
const childFile = path.join(root, 'node_modules', '.cache', 'council-crash', `migrate-child-${process.pid}.mjs`);
let dir = '';
/** Where each run starts: no file ('create'), or a copy of a file at an earlier version. */
const starts: { name: string; template: string | null }[] = [{ name: 'create', template: null }];

beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, 'migrate-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childFile,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  dir = tempDir('council-migrate-crash-');
  for (const version of migrationNames.slice(0, -1)) {
    const file = path.join(dir, `template-${version}.sqlite`);
    const raw = new BetterSqlite3(file);
    registerCouncilFunctions(raw);
    raw.pragma('journal_mode = WAL');
    const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(raw), plugins: [new CamelCasePlugin()] });
    await migrateTo(db, version);
    const fake = { db, now: () => new Date(), dir, path: file } as unknown as TempDb;
    await insertStates(fake);
    const session = await insertSession(fake, { number: 60, startDate: '2021-05-10' });
    await insertItem(fake, session.id, { ar: 'اعتماد الميزانية' });
    await db.destroy();
    starts.push({ name: `upgrade from ${version}`, template: file });
  }
}, 120_000);

afterAll(() => {
  fs.rmSync(childFile, { force: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Child {
  proc: ChildProcessWithoutNullStreams;
  file: string;
  out: string;
  stderr: string;
  exited: Promise<NodeJS.Signals | null>;
}

let counter = 0;
function prepareChild(): Child {
  const runDir = path.join(dir, `run-${counter++}`);
  fs.mkdirSync(runDir);
  const file = path.join(runDir, 'council.sqlite');
  const proc = spawn(process.execPath, [childFile, file], { cwd: root });
  const child: Child = { proc, file, out: '', stderr: '', exited: Promise.resolve(null) };
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => (child.out += chunk));
  proc.stderr.on('data', (chunk: Buffer) => (child.stderr += chunk.toString()));
  child.exited = new Promise((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
  return child;
}

async function waitFor(child: Child, line: string): Promise<void> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  const started = Date.now();
  while (!child.out.includes(`${line}\n`)) {
    if (exited) throw new Error(`child exited by itself: ${child.stderr}`);
    if (Date.now() - started > 60_000) throw new Error(`child never said ${line}: ${child.stderr}`); // never hang
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** One unkilled run: how long opening takes from this start, so the kills can spread over it. */
async function openingTime(child: Child): Promise<number> {
  child.proc.stdin.write('go\n');
  await waitFor(child, 'opening');
  const t0 = Date.now();
  await waitFor(child, 'opened');
  const ms = Date.now() - t0;
  child.proc.kill('SIGKILL');
  await child.exited;
  return ms;
}

function applied(file: string): string[] {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    return (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    raw.close();
  }
}

describe('crash safety of creating and migrating the database', () => {
  it(`every file opens after ${RUNS_PER_START} SIGKILLs during each of a create and the upgrades`, async () => {
    const failures: string[] = [];
    let killedMidOpen = 0;
    let runs = 0;
    const queue = Array.from({ length: PRELOADED }, () => prepareChild());
    const next = () => {
      queue.push(prepareChild());
      return queue.shift()!;
    };
    for (const start of starts) {
      const place = (child: Child) => {
        if (start.template) fs.copyFileSync(start.template, child.file);
      };
      const calibration = next();
      place(calibration);
      const span = Math.max(5, await openingTime(calibration));
      for (let run = 0; run < RUNS_PER_START; run++) {
        const child = next();
        place(child);
        child.proc.stdin.write('go\n');
        await waitFor(child, 'opening');
        // Anywhere from the start of opening to a little past its usual end.
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * span * 1.2)));
        child.proc.kill('SIGKILL');
        if ((await child.exited) !== 'SIGKILL') throw new Error(`child exited by itself: ${child.stderr}`);
        if (!child.out.includes('opened\n')) killedMidOpen++;
        runs++;
        try {
          const opened = await openDatabase({ path: child.file });
          try {
            expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
            if (start.template) {
              expect(opened.sqlite.prepare('select number from council_session').all()).toEqual([{ number: 60 }]);
            }
          } finally {
            await opened.close();
          }
          expect(applied(child.file)).toEqual(migrationNames);
        } catch (err) {
          failures.push(`${start.name}, run ${run}: ${(err as Error).message}`);
        }
      }
    }
    for (const left of queue) left.proc.kill('SIGKILL');
    await Promise.all(queue.map((c) => c.exited));
    console.log(`migration crash runs: ${runs}, killed before opening finished: ${killedMidOpen}`);
    expect(failures).toEqual([]);
    expect(runs).toBeGreaterThanOrEqual(50);
    // The kills must land inside the migrations, not only after them.
    expect(killedMidOpen).toBeGreaterThan(runs / 3);
  }, 600_000);
});
