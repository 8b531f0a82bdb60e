// The live council under a running host: a restore is one at a time, even when the Restore button is
// pressed twice before the first answer (two overlapping restores closed the database twice, moved the
// live file aside twice and left a connection open on the wrong file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLiveCouncil, type LiveCouncil } from '../../src/backup/live';
import { openCouncil } from '../../src/core/council';
import { ConflictError } from '../../src/errors';

const dirs: string[] = [];
const lives: LiveCouncil[] = [];
afterEach(async () => {
  for (const l of lives.splice(0)) await l.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function liveCouncil(): Promise<{ dir: string; live: LiveCouncil }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-live-'));
  dirs.push(dir);
  let tick = Date.parse('2026-11-12T10:00:00Z');
  // A clock that moves, so every backup and every file kept aside has its own name.
  const now = () => new Date((tick += 1000));
  const live = await openLiveCouncil({ open: () => openCouncil({ path: path.join(dir, 'council.sqlite'), now }) });
  lives.push(live);
  return { dir, live };
}

describe('restoring under a running host', () => {
  it('refuses a second restore while the first runs, and the first completes alone', async () => {
    const { dir, live } = await liveCouncil();
    const taken = await live.backups.backupNow();
    const results = await Promise.allSettled([live.backups.restore(taken.backup.fileName), live.backups.restore(taken.backup.fileName)]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(refused.reason.field).toBe('fileName');
    // One before-restore backup, one file kept aside, and the database answers.
    expect(live.backups.list().filter((b) => b.reason === 'before-restore')).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => /^council\.replaced-.*\.sqlite$/.test(f))).toHaveLength(1);
    const n = await live.ctx().db.selectFrom('councilSession').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});

describe('closing while a scheduled backup runs', () => {
  it('waits for the backup to finish before closing the database (quitting, or a restore)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-live-'));
    dirs.push(dir);
    const handlers: (() => void)[] = [];
    const errors: unknown[] = [];
    const live = await openLiveCouncil({
      open: () => openCouncil({ path: path.join(dir, 'council.sqlite') }),
      timer: { setInterval: (fn) => handlers.push(fn), clearInterval: () => undefined },
      onScheduleError: (err) => errors.push(err),
    });
    live.startSchedule();
    handlers[0]!(); // the minute's check starts: no backup yet, so a daily one
    await live.close();
    expect(errors).toEqual([]);
    const names = fs.readdirSync(path.join(dir, 'backups'));
    expect(names.filter((n) => n.includes('-daily-') && n.endsWith('.sqlite'))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});
