import { afterEach, describe, expect, it } from 'vitest';
import {
  listAttendance,
  presentAtSitting,
  recordArrival,
  recordDeparture,
  removeAttendanceEvent,
} from '../../src/attendance/service';
import { ConflictError, ValidationError } from '../../src/errors';
import { createSession } from '../../src/sessions/service';
import { createSitting, endSitting } from '../../src/sittings/service';
import { createMemberDelegation } from '../../src/delegations/service';
import { listMemberStates } from '../../src/member-states/service';
import { createSampleSession, tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());
const t = (hhmm: string) => `2026-11-10T${hhmm}:00.000Z`;

async function setup() {
  db = await openTempDb();
  const s = await createSampleSession(db.ctx, { members: 3 });
  return { ctx: db.ctx, s, sittingId: s.sittingIds[0]!, a: s.delegationIds[0]!, b: s.delegationIds[1]! };
}

describe('attendance', () => {
  it('records arrivals and departures, and derives who is present', async () => {
    const { ctx, s, sittingId, a, b } = await setup();
    await recordArrival(ctx, { sittingId, delegationId: a, at: t('08:05') });
    await recordArrival(ctx, { sittingId, delegationId: b, at: '2026-11-10T09:10:00+01:00' });
    await recordArrival(ctx, { sittingId, delegationId: s.observerDelegationId, at: t('08:20') });
    const dep = await recordDeparture(ctx, { sittingId, delegationId: a, at: t('10:00') });
    expect(dep).toMatchObject({ kind: 'departure', at: t('10:00'), sessionId: s.sessionId });
    expect((await presentAtSitting(ctx, { sittingId, at: t('09:00') })).delegationIds).toEqual([a, b, s.observerDelegationId].sort());
    expect((await presentAtSitting(ctx, { sittingId, at: t('10:00') })).delegationIds).toEqual([b, s.observerDelegationId].sort());
    expect((await listAttendance(ctx, { sittingId, delegationId: a })).map((e) => e.kind)).toEqual(['arrival', 'departure']);
    expect(db.sqlite.prepare(`select count(*) n from audit_entry where entity = 'attendanceEvent'`).get()).toEqual({ n: 4 });
  });

  it('accepts an event recorded late when the timeline stays valid, and refuses one that breaks it', async () => {
    const { ctx, sittingId, a, b } = await setup();
    await recordArrival(ctx, { sittingId, delegationId: a, at: t('09:00') });
    await recordArrival(ctx, { sittingId, delegationId: b, at: t('10:30') });
    await recordDeparture(ctx, { sittingId, delegationId: b, at: t('11:00') });
    // a's departure at 10:00, noticed and recorded after b's later events.
    await recordDeparture(ctx, { sittingId, delegationId: a, at: t('10:00') });
    expect((await presentAtSitting(ctx, { sittingId, at: t('10:15') })).delegationIds).toEqual([]);
    // b: an arrival at 10:00 would be followed by b's arrival at 10:30; a departure at 12:00 follows an absence.
    await expect(recordArrival(ctx, { sittingId, delegationId: b, at: t('10:00') })).rejects.toBeInstanceOf(ConflictError);
    await expect(recordDeparture(ctx, { sittingId, delegationId: b, at: t('12:00') })).rejects.toBeInstanceOf(ValidationError);
    // a: a departure at 09:30 lies inside a presence, but the recorded departure at 10:00 would then follow an absence.
    await expect(recordDeparture(ctx, { sittingId, delegationId: a, at: t('09:30') })).rejects.toMatchObject({ code: 'VALIDATION', field: 'at' });
    expect((await listAttendance(ctx, { sittingId })).map((e) => e.at)).toEqual([t('09:00'), t('10:00'), t('10:30'), t('11:00')]);
  });

  it('removes an event only if the timeline stays valid', async () => {
    const { ctx, sittingId, a } = await setup();
    const arr = await recordArrival(ctx, { sittingId, delegationId: a, at: t('09:00') });
    const dep = await recordDeparture(ctx, { sittingId, delegationId: a, at: t('10:00') });
    await expect(removeAttendanceEvent(ctx, { id: arr.id })).rejects.toMatchObject({ code: 'CONFLICT', field: 'id' });
    await removeAttendanceEvent(ctx, { id: dep.id });
    await removeAttendanceEvent(ctx, { id: arr.id });
    expect(await listAttendance(ctx, { sittingId })).toEqual([]);
    await expect(removeAttendanceEvent(ctx, { id: arr.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('refuses bad input naming the field, changing nothing', async () => {
    const { ctx, s, sittingId, a, b } = await setup();
    await recordArrival(ctx, { sittingId, delegationId: a, at: t('09:00') });
    const later = await createSitting(ctx, { sessionId: s.sessionId, startsAt: '2026-11-11T08:00:00Z' });
    await endSitting(ctx, { id: later.id, endsAt: '2026-11-11T12:00:00Z' });
    const other = await createSession(ctx, {
      kind: 'extraordinary',
      number: 1,
      venue: { city: { ar: 'الرباط', en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المغرب', en: 'Morocco', fr: 'Maroc' } },
      startDate: '2026-11-12',
      endDate: '2026-11-12',
    });
    const ma = (await listMemberStates(ctx)).find((x) => x.isoCode === 'MA')!;
    const foreign = await createMemberDelegation(ctx, { sessionId: other.id, memberStateId: ma.id, delegates: [{ fullName: 'x', role: 'head' }] });
    const before = tableSnapshot(db.sqlite);
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => recordArrival(ctx, { sittingId, delegationId: a, at: t('09:30') }), 'CONFLICT', 'at'], // already present
      [() => recordArrival(ctx, { sittingId, delegationId: a, at: t('09:00') }), 'CONFLICT', 'at'], // same instant
      [() => recordArrival(ctx, { sittingId, delegationId: a, at: t('08:30') }), 'CONFLICT', 'at'], // before a later arrival
      [() => recordDeparture(ctx, { sittingId, delegationId: b, at: t('09:30') }), 'VALIDATION', 'at'], // never arrived
      [() => recordDeparture(ctx, { sittingId, delegationId: a, at: t('08:30') }), 'VALIDATION', 'at'], // before the arrival
      [() => recordArrival(ctx, { sittingId, delegationId: b, at: t('07:59') }), 'VALIDATION', 'at'], // before the sitting
      [() => recordArrival(ctx, { sittingId: later.id, delegationId: b, at: '2026-11-11T12:00:01Z' }), 'VALIDATION', 'at'], // after its end
      [() => recordArrival(ctx, { sittingId, delegationId: b, at: '09:30' }), 'VALIDATION', 'at'],
      [() => recordArrival(ctx, { sittingId, delegationId: foreign.id, at: t('09:30') }), 'VALIDATION', 'delegationId'],
      [() => recordArrival(ctx, { sittingId, delegationId: 'nope', at: t('09:30') }), 'NOT_FOUND', 'delegationId'],
      [() => recordArrival(ctx, { sittingId: 'nope', delegationId: b, at: t('09:30') }), 'NOT_FOUND', 'sittingId'],
      [() => recordArrival(ctx, { sittingId, at: t('09:30') }), 'VALIDATION', 'delegationId'],
    ];
    for (const [call, code, field] of cases) {
      await expect(call()).rejects.toMatchObject({ code, field });
    }
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });

  it('cannot be recorded in a locked session', async () => {
    const { ctx, sittingId, a } = await setup();
    db.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await expect(recordArrival(ctx, { sittingId, delegationId: a, at: t('09:00') })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
  });
});
