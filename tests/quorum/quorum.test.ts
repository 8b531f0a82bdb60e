import { afterEach, describe, expect, it } from 'vitest';
import { recordDeparture } from '../../src/attendance/service';
import { quorumAt, quorumAtTx } from '../../src/quorum/service';
import { quorumMet, quorumRequired } from '../../src/rules/quorum';
import { updateSession } from '../../src/sessions/service';
import { endSitting } from '../../src/sittings/service';
import { arriveAll, createSampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());
const t = (hhmm: string) => `2026-11-10T${hhmm}:00.000Z`;

describe('quorumRequired', () => {
  it('follows the stated definitions for every member count 0..60', () => {
    for (let m = 0; m <= 60; m++) {
      expect(quorumRequired('two_thirds_of_members', m)).toBe(Math.ceil((2 * m) / 3));
      expect(quorumRequired('absolute_majority_of_members', m)).toBe(Math.floor(m / 2) + 1);
      expect(quorumRequired('none', m)).toBe(0);
      // two-thirds: the smallest count p with 3p >= 2m
      const p = quorumRequired('two_thirds_of_members', m);
      expect(3 * p >= 2 * m && (p === 0 || 3 * (p - 1) < 2 * m)).toBe(true);
    }
  });
  it('gives the AIDSMO figures', () => {
    expect(quorumRequired('two_thirds_of_members', 21)).toBe(14);
    expect(quorumRequired('absolute_majority_of_members', 21)).toBe(11);
    expect(quorumRequired('absolute_majority_of_members', 20)).toBe(11);
    expect(quorumMet('two_thirds_of_members', 21, 13)).toBe(false);
    expect(quorumMet('two_thirds_of_members', 21, 14)).toBe(true);
    expect(() => quorumRequired('none', -1)).toThrow(RangeError);
  });
});

describe('quorumAt', () => {
  it('counts member delegations present only, against the session rule', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { members: 14 });
    const sittingId = s.sittingIds[0]!;
    await arriveAll(db.ctx, sittingId, [...s.delegationIds.slice(0, 13), s.observerDelegationId, s.secretariatDelegationId], t('08:10'));
    const q13 = await quorumAt(db.ctx, { sittingId, at: t('09:00') });
    expect(q13).toMatchObject({ present: 13, required: 14, met: false, rule: 'two_thirds_of_members', memberCount: 21 });
    expect(q13.presentStateIds).toEqual(s.memberStateIds.slice(0, 13));
    await arriveAll(db.ctx, sittingId, [s.delegationIds[13]!], t('09:30'));
    expect(await quorumAt(db.ctx, { sittingId, at: t('09:29') })).toMatchObject({ present: 13, met: false });
    expect(await quorumAt(db.ctx, { sittingId, at: t('09:30') })).toMatchObject({ present: 14, met: true });
    await recordDeparture(db.ctx, { sittingId, delegationId: s.delegationIds[0]!, at: t('10:00') });
    expect(await quorumAt(db.ctx, { sittingId, at: t('10:00') })).toMatchObject({ present: 13, met: false });
    await updateSession(db.ctx, { id: s.sessionId, quorumRule: 'absolute_majority_of_members' });
    expect(await quorumAt(db.ctx, { sittingId, at: t('10:00') })).toMatchObject({ present: 13, required: 11, met: true });
    // inside another caller's transaction, with an instant in another zone
    const inTx = await db.ctx.db.transaction().execute((tx) => quorumAtTx(tx, sittingId, '2026-11-10T10:30:00+01:00'));
    expect(inTx).toMatchObject({ at: t('09:30'), present: 14 });
  });

  it('refuses an instant outside the sitting or an unknown sitting', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { members: 2 });
    const sittingId = s.sittingIds[0]!;
    await endSitting(db.ctx, { id: sittingId, endsAt: t('12:00') });
    await expect(quorumAt(db.ctx, { sittingId, at: t('07:00') })).rejects.toMatchObject({ code: 'VALIDATION', field: 'at' });
    await expect(quorumAt(db.ctx, { sittingId, at: t('12:01') })).rejects.toMatchObject({ code: 'VALIDATION', field: 'at' });
    await expect(quorumAt(db.ctx, { sittingId, at: 'noon' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'at' });
    await expect(quorumAt(db.ctx, { sittingId: 'nope', at: t('09:00') })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'sittingId' });
  });
});
