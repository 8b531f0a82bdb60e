// The command-line tool's start: `council --help` and `council check` (a real command that opens the
// database) from the bundle (scripts/council.mjs → dist/cli), each against a bare `node -e ''` started
// the same way in the same run. Pairs alternate so a drift of the machine's speed hits both alike.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;

function timeOnce(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  if (r.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-cli-'));
  const db = path.join(dir, 'c.sqlite');
  try {
    timeOnce(['scripts/council.mjs', '--help']); // builds the bundle if stale, fills the compile cache
    timeOnce(['scripts/council.mjs', 'import', 'resources/samples/agadir-66.json', '--db', db]);
    const rows: [string, string[]][] = [
      ['council --help', ['scripts/council.mjs', '--help']],
      ['council check (opens the database)', ['scripts/council.mjs', 'check', '--db', db]],
    ];
    console.log(`process start, median of ${RUNS} (ms)        command   node -e ''   ratio`);
    for (const [label, args] of rows) {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        a.push(timeOnce(args));
        b.push(timeOnce(['-e', '']));
      }
      const ratio = median(a.map((x, i) => x / b[i]!));
      console.log(`${label.padEnd(40)}${median(a).toFixed(0).padStart(10)}${median(b).toFixed(0).padStart(13)}${ratio.toFixed(2).padStart(8)}×`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
