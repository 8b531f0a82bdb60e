import { afterEach, describe, expect, it } from 'vitest';
import { listDelegations } from '../../src/delegations/service';
import { quorumAt } from '../../src/quorum/service';
import { getSession } from '../../src/sessions/service';
import { arriveAll, createSampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

describe('createSampleSession', () => {
  it('builds the 66th ordinary session with 12 members, an observer and the secretariat', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { sittings: 2 });
    const session = await getSession(db.ctx, { id: s.sessionId });
    expect(session.title.ar).toBe('الدورة العادية السادسة والستون للمجلس التنفيذي');
    expect(session.memberCount).toBe(21);
    expect(s.delegationIds).toHaveLength(12);
    expect(s.sittingIds).toHaveLength(2);
    const all = await listDelegations(db.ctx, { sessionId: s.sessionId });
    expect(all.filter((d) => d.kind === 'member').map((d) => d.id)).toEqual(s.delegationIds);
    expect(all.map((d) => d.kind)).toEqual([...Array(12).fill('member'), 'observer', 'secretariat']);
    const heads = all.filter((d) => d.kind === 'member').map((d) => d.delegates[0]!);
    expect(heads.every((h) => h.role === 'head' && h.fullName.length > 0)).toBe(true);

    await arriveAll(db.ctx, s.sittingIds[0]!, [...s.delegationIds, s.observerDelegationId], '2026-11-10T08:05:00Z');
    const q = await quorumAt(db.ctx, { sittingId: s.sittingIds[0]!, at: '2026-11-10T09:00:00Z' });
    expect(q).toMatchObject({ present: 12, required: 14, met: false, memberCount: 21 });
    expect(q.presentStateIds).toEqual(s.memberStateIds);
  });

  it('takes the number of members asked for', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { members: 21, observers: 2 });
    expect(s.delegationIds).toHaveLength(21);
  });
});

describe('createSampleSession with many sittings', () => {
  it('stretches the session over the days its sittings need', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { members: 1, sittings: 7 });
    expect(s.sittingIds).toHaveLength(7);
    expect((await getSession(db.ctx, { id: s.sessionId })).endDate).toBe('2026-11-13');
  });
});
