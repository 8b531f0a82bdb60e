// Follow-up actions: what a decision (or a session, standalone) asks someone to do, by when, and what
// became of it. The status changes only through dated updates, each possibly reported at a later session;
// an approved (locked) session's actions still progress: their updates and status are not part of the
// locked record (the lock triggers let action_item.status alone change).
import { sql } from 'kysely';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { codedValidationError, NotFoundError, ValidationError } from '../errors';
import { dueBeforeDecision } from '../rules/calendar';
import { validate } from '../errors/validate';
import { requireDecision } from '../decisions/service';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { actionIdSchema, addActionUpdateSchema, createActionSchema, listActionsSchema, updateActionSchema } from './schema';
import type { ActionItem } from './types';
import { actionQuery, toActionViews } from './views';

type ResponsibleInput = { kind: 'secretariat_unit'; unit: string } | { kind: 'member_state'; memberStateId: string };

async function responsibleColumns(tx: Tx, responsible: ResponsibleInput) {
  if (responsible.kind === 'secretariat_unit') {
    return { responsibleKind: 'secretariat_unit' as const, responsibleUnit: responsible.unit, responsibleStateId: null };
  }
  const state = await tx.selectFrom('memberState').select('id').where('id', '=', responsible.memberStateId).executeTakeFirst();
  if (!state) throw new NotFoundError('responsible.memberStateId', 'member state', responsible.memberStateId);
  return { responsibleKind: 'member_state' as const, responsibleUnit: '', responsibleStateId: state.id };
}

async function requireAction(tx: Tx, id: string, field = 'id'): Promise<Row<'actionItem'>> {
  const row = await tx.selectFrom('actionItem').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'follow-up action', id);
  return row;
}

export async function loadAction(tx: Tx, id: string): Promise<ActionItem> {
  const rows = await actionQuery(tx).where('a.id', '=', id).execute();
  const [view] = await toActionViews(tx, rows);
  if (!view) throw new NotFoundError('id', 'follow-up action', id);
  return view;
}

export async function createAction(ctx: CoreContext, input: unknown): Promise<ActionItem> {
  const data = validate(createActionSchema, input);
  return inTransaction(ctx, async (tx) => {
    let sessionId = data.sessionId;
    if (data.decisionId) {
      const decision = await requireDecision(tx, data.decisionId);
      if (sessionId && sessionId !== decision.sessionId) {
        throw new ValidationError('sessionId', "an action from a decision belongs to the decision's session", 'action_decision_session');
      }
      sessionId = decision.sessionId;
      await assertDueAfterDecision(tx, data.dueDate, decision.id);
    }
    await assertSessionWritable(tx, sessionId!, data.decisionId ? 'decisionId' : 'sessionId');
    const row: Row<'actionItem'> = {
      id: newId(),
      sessionId: sessionId!,
      decisionId: data.decisionId ?? null,
      description: data.description,
      descriptionEn: '',
      descriptionFr: '',
      responsibleUnitEn: '',
      responsibleUnitFr: '',
      ...(await responsibleColumns(tx, data.responsible)),
      dueDate: data.dueDate,
      status: data.status,
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('actionItem').values(row).execute();
    const view = await loadAction(tx, row.id);
    await recordAudit(ctx, tx, { action: 'action.create', entity: 'action_item', entityId: row.id, sessionId: row.sessionId, after: view });
    return view;
  });
}

/** The due date of an action that follows from a decision is not before that decision (rules/calendar.ts). */
async function assertDueAfterDecision(tx: Tx, dueDate: string | null, decisionId: string): Promise<void> {
  const d = await tx
    .selectFrom('decision')
    .innerJoin('councilSession', 'councilSession.id', 'decision.sessionId')
    .select(['decision.adoptedAt', 'councilSession.timeZone'])
    .where('decision.id', '=', decisionId)
    .executeTakeFirstOrThrow();
  if (dueBeforeDecision(dueDate, d.adoptedAt, d.timeZone)) {
    throw codedValidationError('dueDate', 'due_before_decision', `${dueDate} is before the decision was adopted (${d.adoptedAt.slice(0, 10)})`);
  }
}

/** Description, responsible and due date, while the action's session is unlocked. */
export async function updateAction(ctx: CoreContext, input: unknown): Promise<ActionItem> {
  const data = validate(updateActionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireAction(tx, data.id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    const before = await loadAction(tx, row.id);
    if (data.dueDate !== undefined && row.decisionId) await assertDueAfterDecision(tx, data.dueDate, row.decisionId);
    await tx
      .updateTable('actionItem')
      .set({
        description: data.description ?? row.description,
        ...(data.responsible ? await responsibleColumns(tx, data.responsible) : {}),
        dueDate: data.dueDate === undefined ? row.dueDate : data.dueDate,
      })
      .where('id', '=', row.id)
      .execute();
    const after = await loadAction(tx, row.id);
    await recordAudit(ctx, tx, { action: 'action.update', entity: 'action_item', entityId: row.id, sessionId: row.sessionId, before, after });
    return after;
  });
}

/** An action entered by mistake; one that has updates has a history and stays (cancel it instead). */
export async function removeAction(ctx: CoreContext, input: unknown): Promise<ActionItem> {
  const { id } = validate(actionIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireAction(tx, id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    const before = await loadAction(tx, id);
    if (before.updates.length > 0) {
      throw new ValidationError('id', 'the action has updates; record a cancelling update instead', 'action_has_updates');
    }
    await tx.deleteFrom('actionItem').where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'action.remove', entity: 'action_item', entityId: id, sessionId: row.sessionId, before });
    return before;
  });
}

/**
 * A dated update; it may change the status. When reported at a session (its follow-up report), that
 * session must be open for writing and not earlier than the action's own.
 */
export async function addActionUpdate(ctx: CoreContext, input: unknown): Promise<ActionItem> {
  const data = validate(addActionUpdateSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireAction(tx, data.actionItemId, 'actionItemId');
    if (data.reportedAtSessionId) {
      const reported = await assertSessionWritable(tx, data.reportedAtSessionId, 'reportedAtSessionId');
      const own = await requireSession(tx, row.sessionId);
      if (reported.startDate < own.startDate) {
        throw new ValidationError('reportedAtSessionId', 'the session precedes the one the action comes from', 'report_session_before_action');
      }
    }
    const before = await loadAction(tx, row.id);
    const status = data.status ?? row.status;
    const updateId = newId();
    await tx
      .insertInto('actionUpdate')
      .values({ id: updateId, actionItemId: row.id, reportedAtSessionId: data.reportedAtSessionId, at: data.at, text: data.text, status })
      .execute();
    if (status !== row.status) await tx.updateTable('actionItem').set({ status }).where('id', '=', row.id).execute();
    const after = await loadAction(tx, row.id);
    await recordAudit(ctx, tx, {
      action: 'action.addUpdate',
      entity: 'action_update',
      entityId: updateId,
      sessionId: data.reportedAtSessionId ?? row.sessionId,
      before: { status: before.status },
      after: { actionItemId: row.id, at: data.at, text: data.text, status, reportedAtSessionId: data.reportedAtSessionId },
    });
    return after;
  });
}

export async function getAction(ctx: CoreContext, input: unknown): Promise<ActionItem> {
  const { id } = validate(actionIdSchema, input);
  return inTransaction(ctx, (tx) => loadAction(tx, id));
}

/** The actions a session decided, in the order of their decisions (standalone ones last). */
export async function listActions(ctx: CoreContext, input: unknown): Promise<ActionItem[]> {
  const { sessionId } = validate(listActionsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    const rows = await actionQuery(tx)
      .where('a.sessionId', '=', sessionId)
      .orderBy((eb) => eb.fn.coalesce('d.serial', eb.lit(1_000_000)))
      .orderBy('a.createdAt')
      .orderBy(sql`a.rowid`) // entry order, when created in the same millisecond
      .execute();
    return toActionViews(tx, rows);
  });
}
