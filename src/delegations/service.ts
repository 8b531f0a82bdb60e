// Delegations to a session: one per member state (its head, members and advisers), observers and their
// representatives, and the secretariat with its staff. Listed in protocol order.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { ConflictError, NotFoundError, ValidationError, codedConflictError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { requireMemberState } from '../member-states/service';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import {
  createMemberDelegationSchema,
  createObserverDelegationSchema,
  createSecretariatDelegationSchema,
  delegationIdSchema,
  listDelegationsSchema,
  setCredentialsSchema,
  setMemberDelegatesSchema,
  setPeopleSchema,
} from './schema';
import type { Delegate, DelegateRole, Delegation } from './types';

interface PersonInput {
  fullName: string;
  title: string;
  role: DelegateRole;
}

export async function requireDelegation(tx: Tx, id: string, field = 'delegationId'): Promise<Row<'delegation'>> {
  const row = await tx.selectFrom('delegation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'delegation', id);
  return row;
}

/** Read one delegation with its people, as a view. */
export async function loadDelegation(tx: Tx, id: string, field = 'id'): Promise<Delegation> {
  const row = await requireDelegation(tx, id, field);
  return (await toViews(tx, [row]))[0]!;
}

async function toViews(tx: Tx, rows: Row<'delegation'>[]): Promise<Delegation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = await tx.selectFrom('delegate').selectAll().where('delegationId', 'in', ids).orderBy('position').execute();
  const stateIds = rows.map((r) => r.memberStateId).filter((s): s is string => s !== null);
  const states = stateIds.length
    ? await tx.selectFrom('memberState').select(['id', 'isoCode', 'protocolOrder']).where('id', 'in', stateIds).execute()
    : [];
  const stateById = new Map(states.map((s) => [s.id, s]));
  return rows.map((r) => {
    const state = r.memberStateId ? stateById.get(r.memberStateId) : undefined;
    return {
      id: r.id,
      sessionId: r.sessionId,
      kind: r.kind,
      memberStateId: r.memberStateId,
      isoCode: state?.isoCode ?? null,
      protocolOrder: state?.protocolOrder ?? null,
      name: { ar: r.nameAr, en: r.nameEn, fr: r.nameFr },
      credentialsReceivedOn: r.credentialsReceivedOn,
      credentialsIssuedBy: r.credentialsIssuedBy,
      delegates: people
        .filter((p) => p.delegationId === r.id)
        .map((p): Delegate => ({ id: p.id, fullName: p.fullName, title: p.title, role: p.role, position: p.position })),
    };
  });
}

/** Replace the people of a delegation; the head (if any) comes first, the rest as given. */
async function writePeople(tx: Tx, delegation: Row<'delegation'>, people: PersonInput[]): Promise<void> {
  // The people are written anew: a name or title typed the same keeps its translations (migration 0018).
  const old = await tx.selectFrom('delegate').selectAll().where('delegationId', '=', delegation.id).execute();
  const names = new Map(old.map((d) => [d.fullName, { fullNameEn: d.fullNameEn, fullNameFr: d.fullNameFr }]));
  const titles = new Map(old.map((d) => [d.title, { titleEn: d.titleEn, titleFr: d.titleFr }]));
  await tx.deleteFrom('delegate').where('delegationId', '=', delegation.id).execute();
  const ordered = [...people.filter((p) => p.role === 'head'), ...people.filter((p) => p.role !== 'head')];
  if (ordered.length === 0) return;
  await tx
    .insertInto('delegate')
    .values(
      ordered.map((p, i) => ({
        id: newId(),
        sessionId: delegation.sessionId,
        delegationId: delegation.id,
        fullName: p.fullName,
        title: p.title,
        ...(names.get(p.fullName) ?? {}),
        ...(titles.get(p.title) ?? {}),
        role: p.role,
        position: i + 1,
      })),
    )
    .execute();
}

export async function insertDelegation(ctx: CoreContext, tx: Tx, row: Row<'delegation'>, people: PersonInput[]): Promise<Delegation> {
  await tx.insertInto('delegation').values(row).execute();
  await writePeople(tx, row, people);
  const view = await loadDelegation(tx, row.id);
  await recordAudit(ctx, tx, { action: `delegation.create.${row.kind}`, entity: 'delegation', entityId: row.id, sessionId: row.sessionId, after: view });
  return view;
}

export async function createMemberDelegation(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(createMemberDelegationSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, data.sessionId);
    const state = await requireMemberState(tx, data.memberStateId);
    if (state.active !== 1) throw new ValidationError('memberStateId', `memberStateId: ${state.isoCode} is not an active member state`, 'state_inactive', { state: state.isoCode });
    const existing = await tx
      .selectFrom('delegation')
      .select('id')
      .where('sessionId', '=', data.sessionId)
      .where('memberStateId', '=', state.id)
      .executeTakeFirst();
    if (existing) throw new ConflictError('memberStateId', `${state.isoCode} already has a delegation in this session`, 'delegation_exists', { state: state.isoCode });
    const row: Row<'delegation'> = {
      id: newId(),
      sessionId: data.sessionId,
      kind: 'member',
      memberStateId: state.id,
      nameAr: state.nameAr,
      nameEn: state.nameEn,
      nameFr: state.nameFr,
      credentialsReceivedOn: data.credentialsReceivedOn ?? null,
      credentialsIssuedBy: issuerFor(data.credentialsReceivedOn ?? null, data.credentialsIssuedBy ?? ''),
      createdAt: nowIso(ctx),
    };
    return insertDelegation(ctx, tx, row, data.delegates);
  });
}

export async function createObserverDelegation(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(createObserverDelegationSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, data.sessionId);
    const row: Row<'delegation'> = {
      id: newId(),
      sessionId: data.sessionId,
      kind: 'observer',
      memberStateId: null,
      nameAr: data.name.ar,
      nameEn: data.name.en,
      nameFr: data.name.fr,
      credentialsReceivedOn: data.credentialsReceivedOn ?? null,
      credentialsIssuedBy: issuerFor(data.credentialsReceivedOn ?? null, data.credentialsIssuedBy ?? ''),
      createdAt: nowIso(ctx),
    };
    return insertDelegation(ctx, tx, row, data.representatives.map((p) => ({ ...p, role: 'representative' as const })));
  });
}

export async function createSecretariatDelegation(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(createSecretariatDelegationSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, data.sessionId);
    const existing = await tx
      .selectFrom('delegation')
      .select('id')
      .where('sessionId', '=', data.sessionId)
      .where('kind', '=', 'secretariat')
      .executeTakeFirst();
    if (existing) throw new ConflictError('sessionId', 'the session already has its secretariat', 'secretariat_exists');
    const name = data.name ?? (await readOrganisationSettings(tx)).name;
    const row: Row<'delegation'> = {
      id: newId(),
      sessionId: data.sessionId,
      kind: 'secretariat',
      memberStateId: null,
      nameAr: name.ar,
      nameEn: name.en,
      nameFr: name.fr,
      credentialsReceivedOn: null,
      credentialsIssuedBy: '',
      createdAt: nowIso(ctx),
    };
    return insertDelegation(ctx, tx, row, data.staff.map((p) => ({ ...p, role: 'staff' as const })));
  });
}

async function updatePeople(ctx: CoreContext, tx: Tx, delegation: Row<'delegation'>, people: PersonInput[]): Promise<Delegation> {
  await assertSessionWritable(tx, delegation.sessionId);
  const before = await loadDelegation(tx, delegation.id, 'delegationId');
  await writePeople(tx, delegation, people);
  const after = await loadDelegation(tx, delegation.id, 'delegationId');
  await recordAudit(ctx, tx, { action: 'delegation.setPeople', entity: 'delegation', entityId: delegation.id, sessionId: delegation.sessionId, before, after });
  return after;
}

/** A member delegation's head, members and advisers (exactly one head). */
export async function setMemberDelegates(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(setMemberDelegatesSchema, input);
  return inTransaction(ctx, async (tx) => {
    const delegation = await requireDelegation(tx, data.delegationId);
    if (delegation.kind !== 'member') throw new ValidationError('delegationId', 'delegationId: not a member delegation', 'not_member_delegation');
    return updatePeople(ctx, tx, delegation, data.delegates);
  });
}

/** An observer's representatives, or the secretariat's staff. */
export async function setDelegationPeople(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(setPeopleSchema, input);
  return inTransaction(ctx, async (tx) => {
    const delegation = await requireDelegation(tx, data.delegationId);
    if (delegation.kind === 'member') throw new ValidationError('delegationId', 'delegationId: a member delegation takes delegates with roles', 'member_delegation_roles');
    const role = delegation.kind === 'observer' ? ('representative' as const) : ('staff' as const);
    return updatePeople(ctx, tx, delegation, data.people.map((p) => ({ ...p, role })));
  });
}

/** Credentials said to be issued by someone were received on some date: the minutes print "received on <date>, issued by <...>". */
function issuerFor(receivedOn: string | null, issuedBy: string): string {
  if (issuedBy && !receivedOn) {
    throw codedValidationError('credentialsIssuedBy', 'issuer_without_date', 'credentialsIssuedBy: give the date the credentials were received first');
  }
  return issuedBy;
}

/** The date credentials were received and who issued them. Clearing the date clears the issuer with it. */
export async function setCredentialsReceived(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(setCredentialsSchema, input);
  return inTransaction(ctx, async (tx) => {
    const delegation = await requireDelegation(tx, data.delegationId);
    if (delegation.kind === 'secretariat') throw codedValidationError('delegationId', 'secretariat_credentials', 'delegationId: the secretariat presents no credentials');
    await assertSessionWritable(tx, delegation.sessionId);
    const before = await loadDelegation(tx, delegation.id, 'delegationId');
    const receivedOn = data.credentialsReceivedOn;
    const issuedBy = receivedOn === null ? issuerFor(null, data.credentialsIssuedBy ?? '') : issuerFor(receivedOn, data.credentialsIssuedBy ?? delegation.credentialsIssuedBy);
    await tx.updateTable('delegation').set({ credentialsReceivedOn: receivedOn, credentialsIssuedBy: issuedBy }).where('id', '=', delegation.id).execute();
    const after = { ...before, credentialsReceivedOn: receivedOn, credentialsIssuedBy: issuedBy };
    await recordAudit(ctx, tx, { action: 'delegation.setCredentials', entity: 'delegation', entityId: delegation.id, sessionId: delegation.sessionId, before, after });
    return after;
  });
}

/**
 * What the record holds about a delegation, beyond its own people: a delegation entered by mistake may be
 * removed only while nothing else names it (its state's reservations and ballots included), so the minutes
 * never speak of a delegation that is no longer listed. English words, for the message and the logs.
 */
async function recordedFor(tx: Tx, d: Row<'delegation'>): Promise<string[]> {
  const found: string[] = [];
  const any = async (what: string, q: { executeTakeFirst: () => Promise<unknown> }) => {
    if (await q.executeTakeFirst()) found.push(what);
  };
  await any('attendance', tx.selectFrom('attendanceEvent').select('id').where('delegationId', '=', d.id));
  await any('ballots', tx.selectFrom('voteBallot').select('voteId').where('delegationId', '=', d.id));
  await any('statements', tx.selectFrom('note').select('id').where('speakerDelegationId', '=', d.id));
  await any('motions proposed', tx.selectFrom('motion').select('id').where('proposerDelegationId', '=', d.id));
  await any("speakers' list", tx.selectFrom('speaker').select('id').where('delegationId', '=', d.id));
  await any('heads at sittings', tx.selectFrom('sittingHead').select('id').where('delegationId', '=', d.id));
  if (d.memberStateId !== null) {
    const state = d.memberStateId;
    await any('reservations', tx.selectFrom('reservation').select('id').where('sessionId', '=', d.sessionId).where('memberStateId', '=', state));
    await any('a roll call in progress', tx.selectFrom('openRollCallBallot').select('motionId').where('sessionId', '=', d.sessionId).where('memberStateId', '=', state));
    const officer = await tx
      .selectFrom('councilSession')
      .select(['chairStateId', 'rapporteurStateId'])
      .where('id', '=', d.sessionId)
      .executeTakeFirst();
    if (officer?.chairStateId === state) found.push('the chair');
    if (officer?.rapporteurStateId === state) found.push('the rapporteur');
  }
  return found;
}

/** Remove a delegation entered by mistake; one with anything on record about it stays (see recordedFor). */
export async function removeDelegation(ctx: CoreContext, input: unknown): Promise<void> {
  const { id } = validate(delegationIdSchema, input);
  await inTransaction(ctx, async (tx) => {
    const delegation = await requireDelegation(tx, id, 'id');
    await assertSessionWritable(tx, delegation.sessionId);
    const found = await recordedFor(tx, delegation);
    if (found.length > 0) {
      throw codedConflictError('id', 'delegation_has_record', `id: the delegation cannot be removed, the record holds its ${found.join(', ')}`, { what: found.join(', ') });
    }
    const before = await loadDelegation(tx, id);
    await tx.deleteFrom('delegate').where('delegationId', '=', id).execute();
    await tx.deleteFrom('delegation').where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'delegation.remove', entity: 'delegation', entityId: id, sessionId: delegation.sessionId, before });
  });
}

export async function getDelegation(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const { id } = validate(delegationIdSchema, input);
  return inTransaction(ctx, (tx) => loadDelegation(tx, id));
}

const kindRank = { member: 0, observer: 1, secretariat: 2 } as const;

/** Member delegations in protocol order, then observers (as entered), then the secretariat. */
export async function listDelegations(ctx: CoreContext, input: unknown): Promise<Delegation[]> {
  const data = validate(listDelegationsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    let q = tx.selectFrom('delegation').selectAll().where('sessionId', '=', data.sessionId);
    if (data.kind) q = q.where('kind', '=', data.kind);
    const views = await toViews(tx, await q.orderBy('createdAt').execute());
    return views.sort(
      (a, b) => kindRank[a.kind] - kindRank[b.kind] || (a.protocolOrder ?? 0) - (b.protocolOrder ?? 0),
    );
  });
}
