// Setting up a session (issue 11): a delegation for every active member state that has none yet, in one
// step and one transaction, each audited as if added by hand, in protocol order; the exceptions are then
// edited one by one. Refused on a locked session, leaving the file as it was. Real SQLite files.
import { afterEach, describe, expect, it } from 'vitest';
import { addAllMemberDelegations } from '../../src/delegations/add-all';
import { addDelegate } from '../../src/delegations/edit';
import { listDelegations } from '../../src/delegations/service';
import { LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { listMemberStates, setMemberStateActive } from '../../src/member-states/service';
import { recordViolations } from '../../src/rules/invariants/record';
import { loadSessionRows } from '../../src/minutes/load-record';
import { createSampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

describe('adding every member state at once', () => {
  it('adds the active states without a delegation, in protocol order, audited, then edits one', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { members: 3 });
    const states = await listMemberStates(db.ctx);
    const retired = states.find((x) => x.isoCode === 'SO')!;
    await setMemberStateActive(db.ctx, { id: retired.id, active: false });
    const before = await listDelegations(db.ctx, { sessionId: s.sessionId, kind: 'member' });
    const added = await addAllMemberDelegations(db.ctx, { sessionId: s.sessionId });
    expect(added).toHaveLength(states.length - 1 - before.length);
    expect(added.every((d) => d.kind === 'member' && d.delegates.length === 0 && d.credentialsReceivedOn === null)).toBe(true);
    expect(added.map((d) => d.protocolOrder)).toEqual([...added.map((d) => d.protocolOrder)].sort((a, b) => a! - b!));
    const members = await listDelegations(db.ctx, { sessionId: s.sessionId, kind: 'member' });
    expect(members.map((d) => d.memberStateId).sort()).toEqual(states.filter((x) => x.id !== retired.id).map((x) => x.id).sort());
    // The three that had one keep theirs, with their heads.
    for (const d of before) expect(members.find((x) => x.id === d.id)?.delegates).toEqual(d.delegates);
    const audits = db.sqlite.prepare("select entity_id as id from audit_entry where action = 'delegation.create.member' order by id").all() as { id: string }[];
    expect(audits.map((a) => a.id)).toEqual(expect.arrayContaining(added.map((d) => d.id)));
    // A second press adds nothing; the record obeys its rules; an exception is then edited.
    expect(await addAllMemberDelegations(db.ctx, { sessionId: s.sessionId })).toEqual([]);
    expect(recordViolations(await loadSessionRows(db.db, s.sessionId))).toEqual([]);
    const edited = await addDelegate(db.ctx, { delegationId: added[0]!.id, fullName: 'رئيس الوفد', role: 'head' });
    expect(edited.delegates.map((p) => p.role)).toEqual(['head']);
  });

  it('is refused on a locked session, an unknown session or without one, changing nothing', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { members: 2 });
    await expectRefusedUnchanged(db.sqlite, addAllMemberDelegations(db.ctx, {}), ValidationError, 'sessionId');
    await expectRefusedUnchanged(db.sqlite, addAllMemberDelegations(db.ctx, { sessionId: 'nope' }), NotFoundError, 'sessionId');
    db.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await expectRefusedUnchanged(db.sqlite, addAllMemberDelegations(db.ctx, { sessionId: s.sessionId }), LockedSessionError, 'sessionId');
  });
});
