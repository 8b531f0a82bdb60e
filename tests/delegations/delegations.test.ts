import { afterEach, describe, expect, it } from 'vitest';
import { recordArrival } from '../../src/attendance/service';
import {
  createMemberDelegation,
  createObserverDelegation,
  createSecretariatDelegation,
  getDelegation,
  listDelegations,
  removeDelegation,
  setCredentialsReceived,
  setDelegationPeople,
  setMemberDelegates,
} from '../../src/delegations/service';
import { listMemberStates, setMemberStateActive } from '../../src/member-states/service';
import { createSampleSession, tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

async function setup(members = 3) {
  db = await openTempDb();
  const s = await createSampleSession(db.ctx, { members });
  const states = await listMemberStates(db.ctx);
  const iso = (code: string) => states.find((x) => x.isoCode === code)!.id;
  return { ctx: db.ctx, s, iso };
}

describe('delegations', () => {
  it('list members in protocol order with the head first, then observers, then the secretariat', async () => {
    const { ctx, s, iso } = await setup(3); // MA, JO, AE
    const eg = await createMemberDelegation(ctx, {
      sessionId: s.sessionId,
      memberStateId: iso('EG'),
      delegates: [
        { fullName: 'مستشار', title: 'مستشار', role: 'adviser' },
        { fullName: 'رئيس', title: 'وزير', role: 'head' },
        { fullName: 'عضو', role: 'member' },
      ],
    });
    expect(eg.delegates.map((d) => [d.role, d.position])).toEqual([['head', 1], ['adviser', 2], ['member', 3]]);
    expect(eg.name.en).toBe('Egypt');
    expect(eg.delegates[2]!.title).toBe('');
    const list = await listDelegations(ctx, { sessionId: s.sessionId });
    expect(list.map((d) => d.isoCode ?? d.kind)).toEqual(['JO', 'AE', 'EG', 'MA', 'observer', 'secretariat']);
    expect((await listDelegations(ctx, { sessionId: s.sessionId, kind: 'observer' })).map((d) => d.name.en)).toEqual([
      'General Secretariat of the League of Arab States',
    ]);
  });

  it('update people and credentials, and remove a delegation entered by mistake', async () => {
    const { ctx, s, iso } = await setup(2);
    const d = await setMemberDelegates(ctx, {
      delegationId: s.delegationIds[0]!,
      delegates: [{ fullName: 'New head', title: 'Minister', role: 'head' }],
    });
    expect(d.delegates).toHaveLength(1);
    expect((await setCredentialsReceived(ctx, { delegationId: d.id, credentialsReceivedOn: '2026-11-08' })).credentialsReceivedOn).toBe('2026-11-08');
    const obs = await setDelegationPeople(ctx, { delegationId: s.observerDelegationId, people: [{ fullName: 'A' }, { fullName: 'B', title: 'T' }] });
    expect(obs.delegates.map((p) => p.role)).toEqual(['representative', 'representative']);
    const sec = await setDelegationPeople(ctx, { delegationId: s.secretariatDelegationId, people: [{ fullName: 'DG' }] });
    expect(sec.delegates[0]!.role).toBe('staff');
    const extra = await createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('QA'), delegates: [{ fullName: 'x', role: 'head' }] });
    await removeDelegation(ctx, { id: extra.id });
    await expect(getDelegation(ctx, { id: extra.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(db.sqlite.prepare('select count(*) n from delegate where delegation_id = ?').get(extra.id)).toEqual({ n: 0 });
  });

  it('refuse bad input naming the field, changing nothing', async () => {
    const { ctx, s, iso } = await setup(2); // MA, JO
    await setMemberStateActive(ctx, { id: iso('SY'), active: false });
    await recordArrival(ctx, { sittingId: s.sittingIds[0]!, delegationId: s.delegationIds[0]!, at: '2026-11-10T08:10:00Z' });
    const head = [{ fullName: 'h', role: 'head' }];
    const before = tableSnapshot(db.sqlite);
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('SY'), delegates: head }), 'VALIDATION', 'memberStateId'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('MA'), delegates: head }), 'CONFLICT', 'memberStateId'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: 'nope', delegates: head }), 'NOT_FOUND', 'memberStateId'],
      [() => createMemberDelegation(ctx, { sessionId: 'nope', memberStateId: iso('EG'), delegates: head }), 'NOT_FOUND', 'sessionId'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('EG'), delegates: [] }), 'VALIDATION', 'delegates'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('EG'), delegates: [{ fullName: 'a', role: 'member' }] }), 'VALIDATION', 'delegates'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('EG'), delegates: [...head, { fullName: 'b', role: 'head' }] }), 'VALIDATION', 'delegates'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('EG'), delegates: [...head, { fullName: ' ', role: 'member' }] }), 'VALIDATION', 'delegates.1.fullName'],
      [() => createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('EG'), delegates: head, credentialsReceivedOn: '2026-13-01' }), 'VALIDATION', 'credentialsReceivedOn'],
      [() => createObserverDelegation(ctx, { sessionId: s.sessionId, name: { ar: '', en: 'x', fr: 'x' } }), 'VALIDATION', 'name.ar'],
      [() => createSecretariatDelegation(ctx, { sessionId: s.sessionId }), 'CONFLICT', 'sessionId'],
      [() => setMemberDelegates(ctx, { delegationId: s.observerDelegationId, delegates: head }), 'VALIDATION', 'delegationId'],
      [() => setDelegationPeople(ctx, { delegationId: s.delegationIds[0]!, people: [] }), 'VALIDATION', 'delegationId'],
      [() => setCredentialsReceived(ctx, { delegationId: s.secretariatDelegationId, credentialsReceivedOn: null }), 'VALIDATION', 'delegationId'],
      [() => setCredentialsReceived(ctx, { delegationId: 'nope', credentialsReceivedOn: null }), 'NOT_FOUND', 'delegationId'],
      // attendance on record: the delegation stays (and so do its delegates)
      [() => removeDelegation(ctx, { id: s.delegationIds[0]! }), 'CONFLICT', 'id'],
    ];
    for (const [call, code, field] of cases) {
      await expect(call()).rejects.toMatchObject({ code, field });
    }
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });

  it('cannot be added to or changed in a locked session', async () => {
    const { ctx, s, iso } = await setup(1);
    db.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await expect(
      createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso('EG'), delegates: [{ fullName: 'x', role: 'head' }] }),
    ).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
    await expect(setCredentialsReceived(ctx, { delegationId: s.delegationIds[0]!, credentialsReceivedOn: null })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
  });
});
