import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { seedMemberStates } from '../../src/member-states/seed';
import { listMemberStates, setMemberStateActive } from '../../src/member-states/service';
import { createSession, getSession, listSessions, setSessionStatus, updateSession } from '../../src/sessions/service';
import { updateOrganisationSettings } from '../../src/settings/service';
import { createSitting, endSitting } from '../../src/sittings/service';
import { tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

const loc = (s: string) => ({ ar: s, en: s, fr: s });
function sessionInput(over: Record<string, unknown> = {}) {
  return {
    kind: 'ordinary',
    number: 67,
    venue: { city: { ar: 'الرباط', en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المغرب', en: 'Morocco', fr: 'Maroc' } },
    startDate: '2025-05-20',
    endDate: '2025-05-21',
    ...over,
  };
}

async function setup() {
  db = await openTempDb();
  await seedMemberStates(db.ctx);
  const states = await listMemberStates(db.ctx);
  const iso = (code: string) => states.find((s) => s.isoCode === code)!.id;
  return { ctx: db.ctx, iso };
}

describe('sessions', () => {
  it('are created with the settings defaults, the member count and the formal title', async () => {
    const { ctx, iso } = await setup();
    await updateOrganisationSettings(ctx, { chairCastingVote: true, languages: ['ar', 'fr'] });
    const s = await createSession(ctx, sessionInput({ chairStateId: iso('MA'), rapporteurStateId: iso('JO') }));
    expect(s).toMatchObject({
      kind: 'ordinary',
      number: 67,
      status: 'planned',
      memberCount: 21,
      quorumRule: 'two_thirds_of_members',
      defaultMajorityRule: 'simple_majority_of_votes_cast',
      chairCastingVote: true,
      allowInquorateVotes: false,
      languages: ['ar', 'fr'],
      chairStateId: iso('MA'),
      lockedAt: null,
    });
    expect(s.title.ar).toBe('الدورة العادية السابعة والستون للمجلس التنفيذي');
    expect(s.title.en).toBe('67th Ordinary Session of the Executive Council');
    expect(await getSession(ctx, { id: s.id })).toEqual(s);
    const audit = db.sqlite.prepare(`select session_id from audit_entry where action = 'session.create'`).all();
    expect(audit).toEqual([{ session_id: s.id }]);
  });

  it('count only active member states', async () => {
    const { ctx, iso } = await setup();
    await setMemberStateActive(ctx, { id: iso('SY'), active: false });
    expect((await createSession(ctx, sessionInput())).memberCount).toBe(20);
  });

  it('allow the same number for the other kind, and list newest first', async () => {
    const { ctx } = await setup();
    const a = await createSession(ctx, sessionInput({ number: 65, startDate: '2024-05-10', endDate: '2024-05-11' }));
    const b = await createSession(ctx, sessionInput({ number: 66, startDate: '2024-11-25', endDate: '2024-11-26' }));
    const c = await createSession(ctx, sessionInput({ kind: 'extraordinary', number: 66, startDate: '2025-01-15', endDate: '2025-01-15' }));
    expect((await listSessions(ctx)).map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect(c.title.ar).toBe('الدورة غير العادية السادسة والستون للمجلس التنفيذي');
  });

  it('move through planned → in progress → closed, and no other way', async () => {
    const { ctx } = await setup();
    const s = await createSession(ctx, sessionInput());
    await expect(setSessionStatus(ctx, { id: s.id, status: 'closed' })).rejects.toMatchObject({ field: 'status' });
    expect((await setSessionStatus(ctx, { id: s.id, status: 'in_progress' })).status).toBe('in_progress');
    expect((await setSessionStatus(ctx, { id: s.id, status: 'closed' })).status).toBe('closed');
    await expect(setSessionStatus(ctx, { id: s.id, status: 'in_progress' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('update venue, dates and officers', async () => {
    const { ctx, iso } = await setup();
    const s = await createSession(ctx, sessionInput());
    const u = await updateSession(ctx, { id: s.id, number: 68, endDate: '2025-05-22', chairStateId: iso('EG'), venue: { city: loc('Cairo'), country: loc('Egypt') } });
    expect(u).toMatchObject({ number: 68, endDate: '2025-05-22', chairStateId: iso('EG') });
    expect(u.venue.city.en).toBe('Cairo');
    expect(u.title.en).toBe('68th Ordinary Session of the Executive Council');
  });

  it.each([
    ['a duplicate number', () => sessionInput({ number: 60 }), ConflictError, 'number'],
    ['an end before the start', () => sessionInput({ endDate: '2025-05-19' }), ValidationError, 'endDate'],
    ['a year out of range', () => sessionInput({ startDate: '1899-12-31' }), ValidationError, 'startDate'],
    ['a date that does not exist', () => sessionInput({ endDate: '2025-02-30' }), ValidationError, 'endDate'],
    ['an empty Arabic city', () => sessionInput({ venue: { city: { ar: '', en: 'x', fr: 'x' }, country: loc('x') } }), ValidationError, 'venue.city.ar'],
    ['number 0', () => sessionInput({ number: 0 }), ValidationError, 'number'],
    ['an unknown kind', () => sessionInput({ kind: 'special' }), ValidationError, 'kind'],
    ['an unknown quorum rule', () => sessionInput({ quorumRule: 'half' }), ValidationError, 'quorumRule'],
    ['a language twice', () => sessionInput({ languages: ['ar', 'ar'] }), ValidationError, 'languages'],
    ['an unknown chair', () => sessionInput({ chairStateId: 'nope' }), NotFoundError, 'chairStateId'],
    ['an inactive rapporteur', () => sessionInput({ rapporteurStateId: '$SY' }), ValidationError, 'rapporteurStateId'],
  ] as const)('refuse %s naming the field, changing nothing', async (_what, make, type, field) => {
    const { ctx, iso } = await setup();
    await createSession(ctx, sessionInput({ number: 60 }));
    await setMemberStateActive(ctx, { id: iso('SY'), active: false });
    let input = make() as Record<string, unknown>;
    if (input.rapporteurStateId === '$SY') input = { ...input, rapporteurStateId: iso('SY') };
    const before = tableSnapshot(db.sqlite);
    const err = await createSession(ctx, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as ValidationError).field).toBe(field);
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });

  it('refuse updates that collide, leave sittings outside the dates, or touch a locked session', async () => {
    const { ctx } = await setup();
    const a = await createSession(ctx, sessionInput({ number: 66 }));
    const b = await createSession(ctx, sessionInput({ number: 67 }));
    await createSitting(ctx, { sessionId: b.id, startsAt: '2025-05-21T14:00:00Z' });
    const before = tableSnapshot(db.sqlite);
    await expect(updateSession(ctx, { id: b.id, number: 66 })).rejects.toMatchObject({ code: 'CONFLICT', field: 'number' });
    await expect(updateSession(ctx, { id: b.id, endDate: '2025-05-20' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'endDate' });
    // The window allows for any time zone (see withinSessionDates in rules/calendar.ts): 14:00Z on the 21st may be the 22nd locally.
    await expect(updateSession(ctx, { id: b.id, startDate: '2025-05-23', endDate: '2025-05-23' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'startDate' });
    await expect(updateSession(ctx, { id: 'nope', number: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(tableSnapshot(db.sqlite)).toEqual(before);
    db.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2025-06-01T00:00:00Z', a.id);
    await expect(updateSession(ctx, { id: a.id, number: 70 })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(setSessionStatus(ctx, { id: a.id, status: 'in_progress' })).rejects.toBeInstanceOf(LockedSessionError);
  });

  it('show their phase from the record: planned, in session while a sitting is open, held, approved once locked (issue 11)', async () => {
    const { ctx } = await setup();
    const s = await createSession(ctx, sessionInput());
    const phase = async () => [(await getSession(ctx, { id: s.id })).phase, (await listSessions(ctx)).find((x) => x.id === s.id)?.phase];
    expect(s.phase).toBe('planned');
    expect(await phase()).toEqual(['planned', 'planned']);
    const sitting = await createSitting(ctx, { sessionId: s.id, startsAt: '2025-05-20T09:00:00Z' });
    expect(await phase()).toEqual(['in_session', 'in_session']);
    await endSitting(ctx, { id: sitting.id, endsAt: '2025-05-20T12:00:00Z' });
    expect(await phase()).toEqual(['held', 'held']);
    db.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2025-06-01T00:00:00Z', s.id);
    expect(await phase()).toEqual(['approved', 'approved']);
  });
});
