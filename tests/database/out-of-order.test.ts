// A file whose applied migrations have a gap (0004 missing while 0005 is applied: another build of the
// app upgraded it) is described truthfully by `council check` and refused by the app with a typed error
// that says what to do; the file is not touched and no migration runs out of turn.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/council';
import { migrationNames } from '../../src/database/migrations';
import { openDatabase } from '../../src/database/open';
import { tempDir } from '../helpers/temp-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const GAP = '0004_session_time_zone';
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A latest file from which the bookkeeping row of GAP is gone, as another build would leave it. */
async function fileWithGap(): Promise<string> {
  const dir = tempDir('council-order-');
  dirs.push(dir);
  const file = path.join(dir, 'council.sqlite');
  const opened = await openDatabase({ path: file });
  await opened.close();
  const raw = new BetterSqlite3(file);
  raw.prepare('delete from kysely_migration where name = ?').run(GAP);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return file;
}

describe('migrations out of order', () => {
  it('the app refuses the file with MIGRATIONS_OUT_OF_ORDER, saying what to do, and leaves it as it was', async () => {
    expect(migrationNames.indexOf(GAP)).toBeLessThan(migrationNames.length - 1);
    const file = await fileWithGap();
    const before = sha(file);
    const err = await openDatabase({ path: file }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MIGRATIONS_OUT_OF_ORDER', field: 'database', missing: [GAP] });
    expect((err as { appliedAfter: string[] }).appliedAfter).toEqual(migrationNames.slice(migrationNames.indexOf(GAP) + 1));
    expect((err as Error).message).toMatch(/different build of the app.*restore the backup/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('`council check` says so, instead of calling the gap pending', async () => {
    const file = await fileWithGap();
    const out: string[] = [];
    const code = await runCli(['check', '--db', file], { out: (l) => out.push(l), err: (l) => out.push(l) });
    const text = out.join('\n');
    expect(code).toBe(1);
    expect(text).toContain('integrity: ok');
    expect(text).toMatch(new RegExp(`OUT OF ORDER: ${GAP} missing although the later`));
    expect(text).not.toMatch(/pending/);
  });
});
