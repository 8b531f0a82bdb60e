// The first automatic backup of a sitting day is taken when the sitting opens, not only on the daily
// schedule: opening a sitting through the API runs the schedule's check at once, and the check itself
// takes a 'sitting-opened' backup when a sitting was opened since the newest backup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/api/dispatch';
import { openLiveCouncil, type LiveCouncil } from '../../src/backup/live';
import { openCouncil } from '../../src/core/council';
import { createSampleSession, sampleSittingStart } from '../helpers/fixtures';

const dirs: string[] = [];
const lives: LiveCouncil[] = [];
afterEach(async () => {
  for (const l of lives.splice(0)) await l.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function liveCouncil(): Promise<{ dir: string; live: LiveCouncil; ticks: (() => void)[]; errors: unknown[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-sitting-backup-'));
  dirs.push(dir);
  let tick = Date.parse('2026-11-10T07:00:00Z');
  const now = () => new Date((tick += 1000));
  const ticks: (() => void)[] = [];
  const errors: unknown[] = [];
  const live = await openLiveCouncil({
    open: () => openCouncil({ path: path.join(dir, 'council.sqlite'), now }),
    timer: { setInterval: (fn) => ticks.push(fn), clearInterval: () => undefined },
    onScheduleError: (err) => errors.push(err),
  });
  lives.push(live);
  return { dir, live, ticks, errors };
}

const sittingsIn = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return Number((db.prepare('select count(*) as n from sitting').get() as { n: number }).n);
  } finally {
    db.close();
  }
};

describe('a backup when a sitting opens', () => {
  it('opening a sitting takes a sitting-opened backup at once, holding that sitting', async () => {
    const { live, errors } = await liveCouncil();
    const sample = await createSampleSession(live.ctx(), { sittings: 1, members: 3 });
    await live.backups.backupNow('manual'); // the newest backup is after the first sitting
    live.startSchedule();
    const dispatch = createDispatcher(live.ctx, { backups: live.backups });

    const opened = await dispatch('sittings.create', { sessionId: sample.sessionId, startsAt: sampleSittingStart(2) });
    expect(opened.ok).toBe(true);

    const taken = live.backups.list().filter((b) => b.reason === 'sitting-opened');
    expect(taken).toHaveLength(1);
    expect(sittingsIn(taken[0]!.path)).toBe(2);
    // Nothing new since: another call, or the minute's check, takes no second copy.
    await dispatch('sittings.list', { sessionId: sample.sessionId });
    expect(await live.backups.afterSittingOpened()).toBeUndefined();
    expect(live.backups.list().filter((b) => b.reason === 'sitting-opened')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('the minute check takes it too, when the sitting was opened some other way (the CLI)', async () => {
    const { live, ticks, errors } = await liveCouncil();
    await live.backups.backupNow('manual');
    live.startSchedule();
    await createSampleSession(live.ctx(), { sittings: 1, members: 3 });
    ticks[0]!();
    await live.close();
    lives.splice(0);
    expect(errors).toEqual([]);
    const backups = fs.readdirSync(path.join(path.dirname(live.databasePath), 'backups'));
    expect(backups.filter((n) => n.includes('-sitting-opened-') && n.endsWith('.sqlite'))).toHaveLength(1);
    expect(backups.filter((n) => n.includes('-daily-'))).toEqual([]);
  });

  it('takes none when the schedule is not running (a host started without it)', async () => {
    const { live } = await liveCouncil();
    const sample = await createSampleSession(live.ctx(), { sittings: 1, members: 3 });
    const dispatch = createDispatcher(live.ctx, { backups: live.backups });
    expect((await dispatch('sittings.create', { sessionId: sample.sessionId, startsAt: sampleSittingStart(2) })).ok).toBe(true);
    expect(live.backups.list()).toEqual([]);
  });
});
