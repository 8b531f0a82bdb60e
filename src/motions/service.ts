// Motions (draft resolutions) and their amendments. An amendment is a motion with a parent on the same
// agenda item; it is proposed only while its parent is undecided, and decided before it: a motion with an
// undecided amendment cannot be decided (by consensus or by vote).
import { sql } from 'kysely';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { codedValidationError, NotFoundError, codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { requireAgendaItem } from '../agenda/service';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import type { MajorityRule } from '../settings/schema';
import { consolidatedTextSchema, listMotionsSchema, motionActionSchema, motionIdSchema, proposeMotionSchema, referMotionSchema, updateMotionSchema } from './schema';
import type { ReferralBody } from '../rules/referral-body';
import type { Motion, MotionStatus } from './types';

export async function requireMotion(tx: Tx, id: string, field = 'id'): Promise<Row<'motion'>> {
  const row = await tx.selectFrom('motion').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'motion', id);
  return row;
}

export function toMotionView(row: Row<'motion'>, sessionDefault: string): Motion {
  return {
    id: row.id,
    sessionId: row.sessionId,
    agendaItemId: row.agendaItemId,
    parentMotionId: row.parentMotionId,
    text: { ar: row.textAr, en: row.textEn, fr: row.textFr },
    proposerDelegationId: row.proposerDelegationId,
    status: row.status,
    majorityRule: row.majorityRule as MajorityRule | null,
    ruleInForce: (row.majorityRule ?? sessionDefault) as MajorityRule,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    consolidatedText: { ar: row.consolidatedAr, en: row.consolidatedEn, fr: row.consolidatedFr },
    referral: row.referralBody === '' ? null : { body: row.referralBody, bodyName: row.referralBodyName },
  };
}

async function view(tx: Tx, row: Row<'motion'>): Promise<Motion> {
  const session = await requireSession(tx, row.sessionId);
  return toMotionView(row, session.defaultMajorityRule);
}

/**
 * A motion may be decided (consensus or vote) only while proposed, and only once every amendment to it is
 * decided. `field` names the input that carries the motion's id ('id', 'motionId').
 */
export async function assertMotionDecidable(tx: Tx, motion: Row<'motion'>, field: string): Promise<void> {
  if (motion.status !== 'proposed') throw codedConflictError(field, 'motion_not_open', `the motion is already ${motion.status}`);
  const pending = await tx
    .selectFrom('motion')
    .select('id')
    .where('parentMotionId', '=', motion.id)
    .where('status', '=', 'proposed')
    .execute();
  if (pending.length > 0) {
    throw codedValidationError(field, 'amendments_undecided', `amendments are decided before their motion: ${pending.length} still undecided`, { n: pending.length });
  }
}

async function checkProposer(tx: Tx, sessionId: string, delegationId: string | null): Promise<void> {
  if (delegationId === null) return;
  const d = await tx.selectFrom('delegation').select(['id', 'sessionId']).where('id', '=', delegationId).executeTakeFirst();
  if (!d) throw new NotFoundError('proposerDelegationId', 'delegation', delegationId);
  if (d.sessionId !== sessionId) throw codedValidationError('proposerDelegationId', 'other_session', 'the delegation belongs to another session');
}

export async function proposeMotion(ctx: CoreContext, input: unknown): Promise<Motion> {
  const data = validate(proposeMotionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const item = await requireAgendaItem(tx, data.agendaItemId, 'agendaItemId');
    await assertSessionWritable(tx, item.sessionId);
    if (data.parentMotionId !== null) {
      const parent = await requireMotion(tx, data.parentMotionId, 'parentMotionId');
      if (parent.agendaItemId !== item.id) {
        throw codedValidationError('parentMotionId', 'amendment_other_item', 'an amendment is on the same agenda item as its motion');
      }
      if (parent.status !== 'proposed') {
        throw codedValidationError('parentMotionId', 'motion_not_open', `the motion is already ${parent.status}: it can no longer be amended`);
      }
    }
    await checkProposer(tx, item.sessionId, data.proposerDelegationId);
    const row: Row<'motion'> = {
      id: newId(),
      sessionId: item.sessionId,
      agendaItemId: item.id,
      parentMotionId: data.parentMotionId,
      textAr: data.text.ar,
      textEn: data.text.en,
      textFr: data.text.fr,
      proposerDelegationId: data.proposerDelegationId,
      status: 'proposed',
      majorityRule: data.majorityRule,
      decidedBy: null,
      decidedAt: null,
      createdAt: nowIso(ctx),
      consolidatedAr: '',
      consolidatedEn: '',
      consolidatedFr: '',
      referralBody: '',
      referralBodyName: '',
      referralBodyNameEn: '',
      referralBodyNameFr: '',
    };
    await tx.insertInto('motion').values(row).execute();
    await recordAudit(ctx, tx, { action: 'motion.propose', entity: 'motion', entityId: row.id, sessionId: row.sessionId, after: row });
    return view(tx, row);
  });
}

/** Edit the text, proposer or rule of a motion still on the table. */
export async function updateMotion(ctx: CoreContext, input: unknown): Promise<Motion> {
  const data = validate(updateMotionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireMotion(tx, data.id);
    await assertSessionWritable(tx, before.sessionId);
    if (before.status !== 'proposed') throw codedConflictError('id', 'motion_not_open', `the motion is already ${before.status}`);
    if (data.proposerDelegationId !== undefined) await checkProposer(tx, before.sessionId, data.proposerDelegationId);
    const after: Row<'motion'> = {
      ...before,
      ...(data.text && { textAr: data.text.ar, textEn: data.text.en, textFr: data.text.fr }),
      ...(data.proposerDelegationId !== undefined && { proposerDelegationId: data.proposerDelegationId }),
      ...(data.majorityRule !== undefined && { majorityRule: data.majorityRule }),
    };
    const { id, ...fields } = after;
    await tx.updateTable('motion').set(fields).where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'motion.update', entity: 'motion', entityId: id, sessionId: after.sessionId, before, after });
    return view(tx, after);
  });
}

/**
 * Record (or clear, with three empty texts) the motion's text as amended. Only a motion with an adopted
 * amendment has one, and only while it is before the council or once adopted: the minutes print it after
 * "as amended". The same rule is in rules/invariants (import, council check).
 */
export async function setConsolidatedText(ctx: CoreContext, input: unknown): Promise<Motion> {
  const data = validate(consolidatedTextSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireMotion(tx, data.id);
    await assertSessionWritable(tx, before.sessionId);
    const clearing = data.text.ar === '' && data.text.en === '' && data.text.fr === '';
    if (!clearing) {
      if (before.status !== 'proposed' && before.status !== 'adopted') throw codedConflictError('id', 'motion_not_open', `the motion is ${before.status}: it has no text as amended`);
      const adopted = await tx.selectFrom('motion').select('id').where('parentMotionId', '=', before.id).where('status', '=', 'adopted').executeTakeFirst();
      if (!adopted) throw codedValidationError('id', 'no_adopted_amendment', 'no amendment to this motion was adopted: it has no text as amended');
    }
    const after: Row<'motion'> = { ...before, consolidatedAr: data.text.ar, consolidatedEn: data.text.en, consolidatedFr: data.text.fr };
    await tx
      .updateTable('motion')
      .set({ consolidatedAr: after.consolidatedAr, consolidatedEn: after.consolidatedEn, consolidatedFr: after.consolidatedFr })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(ctx, tx, { action: 'motion.consolidated_text', entity: 'motion', entityId: before.id, sessionId: before.sessionId, before, after });
    return view(tx, after);
  });
}

/** Adopted without a vote. */
export async function decideByConsensus(ctx: CoreContext, input: unknown): Promise<Motion> {
  const data = validate(motionActionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireMotion(tx, data.id);
    await assertSessionWritable(tx, before.sessionId);
    await assertMotionDecidable(tx, before, 'id');
    const after: Row<'motion'> = { ...before, status: 'adopted', decidedBy: 'consensus', decidedAt: data.at ?? nowIso(ctx) };
    await tx.updateTable('motion').set({ status: after.status, decidedBy: after.decidedBy, decidedAt: after.decidedAt }).where('id', '=', before.id).execute();
    await recordAudit(ctx, tx, { action: 'motion.consensus', entity: 'motion', entityId: before.id, sessionId: before.sessionId, before, after });
    return view(tx, after);
  });
}

/**
 * Take a motion off the table (withdrawn, deferred or referred). Its undecided amendments go with it: an
 * amendment to a motion no longer before the council has nothing left to amend.
 */
async function leaveTable(
  ctx: CoreContext,
  data: { id: string; at?: string | undefined },
  status: Extract<MotionStatus, 'withdrawn' | 'deferred' | 'referred'>,
  referral?: { body: ReferralBody; bodyName: string },
): Promise<Motion> {
  return inTransaction(ctx, async (tx) => {
    const motion = await requireMotion(tx, data.id);
    await assertSessionWritable(tx, motion.sessionId);
    if (motion.status !== 'proposed') throw codedConflictError('id', 'motion_not_open', `the motion is already ${motion.status}`);
    const at = data.at ?? nowIso(ctx);
    const queue = [motion];
    let result = motion;
    while (queue.length > 0) {
      const before = queue.shift()!;
      // The body is the referred motion's; its amendments only go with it.
      const body = before.id === motion.id && referral ? { referralBody: referral.body, referralBodyName: referral.bodyName } : {};
      const after: Row<'motion'> = { ...before, status, decidedAt: at, ...body };
      await tx.updateTable('motion').set({ status, decidedAt: at, ...body }).where('id', '=', before.id).execute();
      await recordAudit(ctx, tx, { action: `motion.${status}`, entity: 'motion', entityId: before.id, sessionId: before.sessionId, before, after });
      if (before.id === motion.id) result = after;
      const amendments = await tx
        .selectFrom('motion')
        .selectAll()
        .where('parentMotionId', '=', before.id)
        .where('status', '=', 'proposed')
        .execute();
      queue.push(...amendments);
    }
    return view(tx, result);
  });
}

export const withdrawMotion = (ctx: CoreContext, input: unknown) => leaveTable(ctx, validate(motionActionSchema, input), 'withdrawn');
export const deferMotion = (ctx: CoreContext, input: unknown) => leaveTable(ctx, validate(motionActionSchema, input), 'deferred');

/** Referred to a body (the same choices and rule as a decision's referral); its undecided amendments go with it. */
export async function referMotion(ctx: CoreContext, input: unknown): Promise<Motion> {
  const { body, bodyName, ...data } = validate(referMotionSchema, input);
  return leaveTable(ctx, data, 'referred', { body, bodyName });
}

export async function getMotion(ctx: CoreContext, input: unknown): Promise<Motion> {
  const { id } = validate(motionIdSchema, input);
  return inTransaction(ctx, async (tx) => view(tx, await requireMotion(tx, id)));
}

/** A session's or an agenda item's motions in the order proposed (insertion order breaks a tie of the clock), so
 * amendments come after the motions they amend. */
export async function listMotions(ctx: CoreContext, input: unknown): Promise<Motion[]> {
  const data = validate(listMotionsSchema, input);
  return inTransaction(ctx, async (tx) => {
    let sessionId: string;
    let query = tx.selectFrom('motion').selectAll();
    if (data.agendaItemId !== undefined) {
      const item = await requireAgendaItem(tx, data.agendaItemId, 'agendaItemId');
      sessionId = item.sessionId;
      query = query.where('agendaItemId', '=', item.id);
    } else {
      sessionId = data.sessionId!;
      query = query.where('sessionId', '=', sessionId);
    }
    const session = await requireSession(tx, sessionId);
    const rows = await query.orderBy('createdAt').orderBy(sql`rowid`).execute();
    return rows.map((r) => toMotionView(r, session.defaultMajorityRule));
  });
}
