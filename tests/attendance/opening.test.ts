// Issue 9: "present from the opening" (a roll call at the opening), events stated at a time on a wall
// clock (never in the future), correcting a sitting's opening time, and each sitting's head of delegation.
import { afterEach, describe, expect, it } from 'vitest';
import { listAttendance, recordArrival, recordDeparture, recordPresentFromOpening, removeAttendanceEvent } from '../../src/attendance/service';
import { importSessionBundle } from '../../src/bundle/import';
import { exportSessionBundle } from '../../src/bundle/export';
import { setSittingHead, listSittingHeads } from '../../src/delegations/sitting-heads';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { quorumAt } from '../../src/quorum/service';
import { updateSitting } from '../../src/sittings/service';
import { createSampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

async function setup() {
  db = await openTempDb();
  const s = await createSampleSession(db.ctx, { members: 4 });
  const sitting = (await db.db.selectFrom('sitting').selectAll().where('id', '=', s.sittingIds[0]!).executeTakeFirstOrThrow());
  return { ctx: db.ctx, s, sittingId: sitting.id, opening: sitting.startsAt };
}
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe('present from the opening', () => {
  it('records the roll call as arrivals at the opening, so the opening quorum counts them', async () => {
    const { ctx, s, sittingId, opening } = await setup();
    const [a, b, c] = s.delegationIds;
    const events = await recordPresentFromOpening(ctx, { sittingId, delegationIds: [a!, b!, c!] });
    expect(events.map((e) => [e.kind, e.at])).toEqual([['arrival', opening], ['arrival', opening], ['arrival', opening]]);
    expect((await quorumAt(ctx, { sittingId, at: opening })).present).toBe(3);
  });

  it('is all or nothing: one delegation already present refuses the whole roll call, naming it', async () => {
    const { ctx, s, sittingId } = await setup();
    const [a, b] = s.delegationIds;
    await recordPresentFromOpening(ctx, { sittingId, delegationIds: [b!] });
    await expectRefusedUnchanged(db.sqlite, recordPresentFromOpening(ctx, { sittingId, delegationIds: [a!, b!] }), ConflictError, 'delegationIds.1');
    await expectRefusedUnchanged(db.sqlite, recordPresentFromOpening(ctx, { sittingId, delegationIds: ['nope'] }), NotFoundError, 'delegationIds.0');
    await expectRefusedUnchanged(db.sqlite, recordPresentFromOpening(ctx, { sittingId, delegationIds: [] }), ValidationError, 'delegationIds');
  });

  it('moves with a corrected opening time; a later arrival stays where it was', async () => {
    const { ctx, s, sittingId, opening } = await setup();
    const [a, b] = s.delegationIds;
    db.setNow(plus(opening, 180));
    await recordPresentFromOpening(ctx, { sittingId, delegationIds: [a!] });
    await recordArrival(ctx, { sittingId, delegationId: b!, at: plus(opening, 40) });
    const earlier = plus(opening, -30);
    await updateSitting(ctx, { id: sittingId, startsAt: earlier });
    const list = await listAttendance(ctx, { sittingId });
    expect(list.find((e) => e.delegationId === a)?.at).toBe(earlier);
    expect(list.find((e) => e.delegationId === b)?.at).toBe(plus(opening, 40));
    // Later than b's arrival: b would arrive before the sitting opened.
    await expectRefusedUnchanged(db.sqlite, updateSitting(ctx, { id: sittingId, startsAt: plus(opening, 50) }), ValidationError, 'startsAt');
    await updateSitting(ctx, { id: sittingId, startsAt: plus(opening, 10) });
    expect((await listAttendance(ctx, { sittingId, delegationId: a! }))[0]!.at).toBe(plus(opening, 10));
    expect(db.sqlite.prepare(`select count(*) n from audit_entry where action = 'attendance.move_with_opening'`).get()).toEqual({ n: 2 });
  });

  it('refuses a corrected opening that would put a present-from-the-opening delegation\'s departure before it', async () => {
    const { ctx, s, sittingId, opening } = await setup();
    await recordPresentFromOpening(ctx, { sittingId, delegationIds: [s.delegationIds[0]!] });
    await recordDeparture(ctx, { sittingId, delegationId: s.delegationIds[0]!, at: plus(opening, 20) });
    await expectRefusedUnchanged(db.sqlite, updateSitting(ctx, { id: sittingId, startsAt: plus(opening, 25) }), ValidationError, 'startsAt');
  });
});

describe('an event at a stated time', () => {
  it('is refused in the future on a wall clock, and accepted once it has happened', async () => {
    const { s, sittingId, opening } = await setup();
    const wall = { ...db.ctx, clockIsWallTime: true };
    db.setNow(plus(opening, 30));
    await expectRefusedUnchanged(db.sqlite, recordArrival(wall, { sittingId, delegationId: s.delegationIds[0]!, at: plus(opening, 45) }), ValidationError, 'at');
    const e = await recordArrival(wall, { sittingId, delegationId: s.delegationIds[0]!, at: plus(opening, 20) });
    expect(e.at).toBe(plus(opening, 20));
    await expectRefusedUnchanged(db.sqlite, recordDeparture(wall, { sittingId, delegationId: s.delegationIds[0]!, at: plus(opening, 10) }), ValidationError, 'at');
    await removeAttendanceEvent(wall, { id: e.id });
  });
});

describe('the head of a delegation at one sitting', () => {
  it('is set, replaced, cleared, audited, travels in the bundle, and an older bundle without it imports', async () => {
    const { ctx, s, sittingId } = await setup();
    const d = s.delegationIds[0]!;
    await setSittingHead(ctx, { sittingId, delegationId: d, fullName: 'سفير أول', title: 'المندوب الدائم' });
    const set = await setSittingHead(ctx, { sittingId, delegationId: d, fullName: 'سفير ثان', title: '' });
    expect(await listSittingHeads(ctx, { sessionId: s.sessionId })).toEqual([set]);
    const bundle = await exportSessionBundle(db.db, s.sessionId, new Date());
    expect(bundle.sittingHeads).toHaveLength(1);
    expect(await setSittingHead(ctx, { sittingId, delegationId: d, fullName: null, title: '' })).toBeNull();
    expect(await listSittingHeads(ctx, { sessionId: s.sessionId })).toEqual([]);
    expect(db.sqlite.prepare(`select count(*) n from audit_entry where entity = 'sittingHead'`).get()).toEqual({ n: 3 });
    await importSessionBundle(ctx, { ...bundle, session: { ...bundle.session } }, { replace: true });
    expect(await listSittingHeads(ctx, { sessionId: s.sessionId })).toHaveLength(1);
    const { sittingHeads: _h, ...older } = bundle;
    await importSessionBundle(ctx, older, { replace: true });
    expect(await listSittingHeads(ctx, { sessionId: s.sessionId })).toEqual([]);
  });

  it('refuses an observer delegation, an empty name and a locked session, changing nothing', async () => {
    const { ctx, s, sittingId } = await setup();
    await expectRefusedUnchanged(db.sqlite, setSittingHead(ctx, { sittingId, delegationId: s.observerDelegationId, fullName: 'x', title: '' }), ValidationError, 'delegationId');
    await expectRefusedUnchanged(db.sqlite, setSittingHead(ctx, { sittingId, delegationId: s.delegationIds[0]!, fullName: '  ', title: '' }), ValidationError, 'fullName');
    db.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await expectRefusedUnchanged(db.sqlite, setSittingHead(ctx, { sittingId, delegationId: s.delegationIds[0]!, fullName: 'x', title: '' }), LockedSessionError, 'sittingId');
    // Raw SQL meets the same lock.
    expect(() => db.sqlite.prepare(`insert into sitting_head (id, session_id, sitting_id, delegation_id, full_name, title, created_at) values ('h', ?, ?, ?, 'x', '', '2026-01-01T00:00:00Z')`).run(s.sessionId, sittingId, s.delegationIds[0]!)).toThrow(/LOCKED_SESSION/);
  });
});
