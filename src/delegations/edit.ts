// Corrections to a delegation until the minutes are approved: an observer's or the secretariat's name, and
// its people one at a time (add, edit, remove, reorder). Each keeps the record's rules for delegates
// (rules/invariants/record.ts checkDelegations): a member delegation has exactly one head, listed first,
// and members and advisers; observers have representatives; the secretariat its staff. Each writes the
// audit trail with the delegation as it was and as it is.
import { inTransaction, newId, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { assertSessionWritable } from '../sessions/guard';
import { addDelegateSchema, delegateIdSchema, moveDelegateSchema, renameDelegationSchema, updateDelegateSchema } from './schema';
import { loadDelegation, requireDelegation } from './service';
import type { DelegateRole, Delegation } from './types';

const rolesOf: Record<Row<'delegation'>['kind'], readonly DelegateRole[]> = {
  member: ['head', 'member', 'adviser'],
  observer: ['representative'],
  secretariat: ['staff'],
};
const defaultRole: Record<Row<'delegation'>['kind'], DelegateRole> = { member: 'member', observer: 'representative', secretariat: 'staff' };

function assertRole(delegation: Row<'delegation'>, role: DelegateRole, field = 'role'): void {
  if (!rolesOf[delegation.kind].includes(role)) {
    throw codedValidationError(field, 'role_not_for_kind', `${field}: a ${delegation.kind} delegation has no ${role}`, { role });
  }
}

async function requireDelegate(tx: Tx, id: string): Promise<Row<'delegate'>> {
  const row = await tx.selectFrom('delegate').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('id', 'delegate', id);
  return row;
}

async function peopleOf(tx: Tx, delegationId: string): Promise<Row<'delegate'>[]> {
  return tx.selectFrom('delegate').selectAll().where('delegationId', '=', delegationId).orderBy('position').orderBy('id').execute();
}

/** Positions 1..n in the order given, the head (if any) first. */
async function renumber(tx: Tx, people: Row<'delegate'>[]): Promise<void> {
  const ordered = [...people.filter((p) => p.role === 'head'), ...people.filter((p) => p.role !== 'head')];
  for (const [i, p] of ordered.entries()) {
    if (p.position !== i + 1) await tx.updateTable('delegate').set({ position: i + 1 }).where('id', '=', p.id).execute();
  }
}

/** The one writable delegation, its view before, then the change, then its view after and the audit. */
async function change(ctx: CoreContext, delegationId: string, action: string, fn: (tx: Tx, d: Row<'delegation'>) => Promise<void>, field = 'delegationId'): Promise<Delegation> {
  return inTransaction(ctx, async (tx) => {
    const delegation = await requireDelegation(tx, delegationId, field);
    await assertSessionWritable(tx, delegation.sessionId, field);
    const before = await loadDelegation(tx, delegation.id, field);
    await fn(tx, delegation);
    const after = await loadDelegation(tx, delegation.id, field);
    await recordAudit(ctx, tx, { action, entity: 'delegation', entityId: delegation.id, sessionId: delegation.sessionId, before, after });
    return after;
  });
}

/** An observer's or the secretariat's name; a member delegation is named after its state (rename the state). */
export async function renameDelegation(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(renameDelegationSchema, input);
  return change(
    ctx,
    data.id,
    'delegation.rename',
    async (tx, d) => {
      if (d.kind === 'member') throw codedValidationError('name', 'member_delegation_name', 'name: a member delegation bears its state\'s name');
      await tx.updateTable('delegation').set({ nameAr: data.name.ar, nameEn: data.name.en, nameFr: data.name.fr }).where('id', '=', d.id).execute();
    },
    'id',
  );
}

/** The head before `newHead` becomes a member: a member delegation has one head at a time. */
async function demoteHead(tx: Tx, people: Row<'delegate'>[], newHead: string): Promise<Row<'delegate'>[]> {
  const out: Row<'delegate'>[] = [];
  for (const p of people) {
    if (p.role === 'head' && p.id !== newHead) {
      await tx.updateTable('delegate').set({ role: 'member' }).where('id', '=', p.id).execute();
      out.push({ ...p, role: 'member' });
    } else out.push(p);
  }
  return out;
}

/** Add one person at the end of the list (a new head goes first, and the former head becomes a member). */
export async function addDelegate(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(addDelegateSchema, input);
  return change(ctx, data.delegationId, 'delegation.addDelegate', async (tx, d) => {
    const role = data.role ?? defaultRole[d.kind];
    assertRole(d, role);
    const people = await peopleOf(tx, d.id);
    if (d.kind === 'member' && role !== 'head' && !people.some((p) => p.role === 'head')) {
      throw codedValidationError('role', 'head_required', 'role: the delegation has no head yet: add the head first');
    }
    const row: Row<'delegate'> = { id: newId(), sessionId: d.sessionId, delegationId: d.id, fullName: data.fullName, title: data.title, fullNameEn: '', fullNameFr: '', titleEn: '', titleFr: '', role, position: people.length + 1 };
    await tx.insertInto('delegate').values(row).execute();
    const now = role === 'head' ? await demoteHead(tx, people, row.id) : people;
    await renumber(tx, [...now, row]);
  });
}

/** Correct one person's name, title or role. Making someone the head makes the former head a member. */
export async function updateDelegate(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(updateDelegateSchema, input);
  const delegationId = await inTransaction(ctx, async (tx) => (await requireDelegate(tx, data.id)).delegationId);
  return change(
    ctx,
    delegationId,
    'delegation.updateDelegate',
    async (tx, d) => {
      const person = await requireDelegate(tx, data.id);
      const role = data.role ?? person.role;
      assertRole(d, role);
      if (person.role === 'head' && role !== 'head') {
        throw codedValidationError('role', 'head_required', 'role: the delegation needs its head: make another person the head instead');
      }
      await tx
        .updateTable('delegate')
        .set({
          fullName: data.fullName ?? person.fullName,
          title: data.title ?? person.title,
          role,
          // A translation of a name or title that was corrected no longer says the same: it goes back on the worklist.
          ...(data.fullName !== undefined && data.fullName !== person.fullName ? { fullNameEn: '', fullNameFr: '' } : {}),
          ...(data.title !== undefined && data.title !== person.title ? { titleEn: '', titleFr: '' } : {}),
        })
        .where('id', '=', person.id)
        .execute();
      if (role === 'head' && person.role !== 'head') {
        const people = await demoteHead(tx, await peopleOf(tx, d.id), person.id);
        await renumber(tx, people);
      }
    },
    'id',
  );
}

/** Remove one person entered by mistake; a member delegation keeps its head (make another the head first). */
export async function removeDelegate(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const { id } = validate(delegateIdSchema, input);
  const delegationId = await inTransaction(ctx, async (tx) => (await requireDelegate(tx, id)).delegationId);
  return change(
    ctx,
    delegationId,
    'delegation.removeDelegate',
    async (tx) => {
      const person = await requireDelegate(tx, id);
      if (person.role === 'head') throw codedValidationError('id', 'head_required', 'id: the delegation needs its head: make another person the head first');
      await tx.deleteFrom('delegate').where('id', '=', id).execute();
      await renumber(tx, (await peopleOf(tx, person.delegationId)).filter((p) => p.id !== id));
    },
    'id',
  );
}

/** Move one person to a place in the list (1 = first). A member delegation's head stays first. */
export async function moveDelegate(ctx: CoreContext, input: unknown): Promise<Delegation> {
  const data = validate(moveDelegateSchema, input);
  const delegationId = await inTransaction(ctx, async (tx) => (await requireDelegate(tx, data.id)).delegationId);
  return change(
    ctx,
    delegationId,
    'delegation.moveDelegate',
    async (tx, d) => {
      const people = await peopleOf(tx, d.id);
      const person = people.find((p) => p.id === data.id)!;
      const hasHead = people.some((p) => p.role === 'head');
      if (hasHead && (person.role === 'head' || data.position === 1) && data.position !== person.position) {
        throw codedValidationError('position', 'head_first', 'position: the head of delegation is listed first');
      }
      const rest = people.filter((p) => p.id !== data.id);
      const at = Math.min(data.position, people.length) - 1;
      await renumber(tx, [...rest.slice(0, at), person, ...rest.slice(at)]);
    },
    'id',
  );
}
