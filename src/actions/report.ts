// The follow-up report: what the secretariat reports, at each session, about the actions still open from
// earlier sessions. Fixed in time, so the minutes of a session say the same thing when regenerated later:
// - an action is in session S's report when its own session started before S and it was not closed
//   (done/cancelled) by an update from before S (reported at an earlier session, or dated before S opened
//   when reported at none);
// - its latest update and status are those up to and including S (reported at S, or dated by S's end);
//   updates from later sessions are not shown.
import { sql } from 'kysely';
import { inTransaction, type CoreContext } from '../core/context';
import { validate } from '../errors/validate';
import { requireSession } from '../sessions/guard';
import { followUpReportSchema, openActionsSchema } from './schema';
import type { ActionItem, ActionStatus, ActionUpdate, FollowUpEntry, FollowUpReport } from './types';
import { actionQuery, toActionViews } from './views';

const CLOSED: ReadonlySet<ActionStatus> = new Set(['done', 'cancelled']);

interface SessionWindow {
  id: string;
  startDate: string;
  endDate: string;
}

/** Whether an update was known before the session opened. */
function before(u: ActionUpdate, s: SessionWindow): boolean {
  if (u.reportedAt) return u.reportedAt.id !== s.id && u.reportedAt.startDate < s.startDate;
  return u.at.slice(0, 10) < s.startDate;
}

/** Whether an update belongs to the session's report or an earlier one. */
function upTo(u: ActionUpdate, s: SessionWindow): boolean {
  if (u.reportedAt) return u.reportedAt.id === s.id || u.reportedAt.startDate < s.startDate;
  return u.at.slice(0, 10) <= s.endDate;
}

/**
 * The status before any known update: an action is created open or in progress (later changes go
 * through updates), so with no update its status is still the one it was created with.
 */
function initialStatus(action: ActionItem): ActionStatus {
  return action.updates.length === 0 ? action.status : 'open';
}

export function followUpEntry(action: ActionItem, s: SessionWindow): FollowUpEntry | null {
  const earlier = action.updates.filter((u) => before(u, s));
  const statusBefore = earlier[earlier.length - 1]?.status ?? initialStatus(action);
  if (CLOSED.has(statusBefore)) return null;
  const known = action.updates.filter((u) => upTo(u, s));
  const latestUpdate = known[known.length - 1] ?? null;
  const statusAtReport = latestUpdate?.status ?? initialStatus(action);
  const overdue = action.dueDate !== null && action.dueDate < s.startDate && !CLOSED.has(statusAtReport);
  return { action: { ...action, updates: known, latestUpdate }, statusBefore, statusAtReport, latestUpdate, overdue };
}

export async function followUpReport(ctx: CoreContext, input: unknown): Promise<FollowUpReport> {
  const { sessionId } = validate(followUpReportSchema, input);
  return inTransaction(ctx, async (tx) => {
    const s = await requireSession(tx, sessionId);
    const rows = await actionQuery(tx)
      .where('s.startDate', '<', s.startDate)
      .orderBy('s.startDate')
      .orderBy('s.number')
      .orderBy((eb) => eb.fn.coalesce('d.serial', eb.lit(1_000_000)))
      .orderBy('a.createdAt')
      .orderBy(sql`a.rowid`) // entry order, when created in the same millisecond
      .execute();
    const entries = (await toActionViews(tx, rows))
      .map((a) => followUpEntry(a, s))
      .filter((e): e is FollowUpEntry => e !== null);
    return { session: { id: s.id, kind: s.kind, number: s.number, startDate: s.startDate }, entries };
  });
}

/** Actions open now, across sessions, soonest due first (no due date last). */
export async function openActions(ctx: CoreContext, input?: unknown): Promise<ActionItem[]> {
  const f = validate(openActionsSchema, input ?? {});
  return inTransaction(ctx, async (tx) => {
    let query = actionQuery(tx).where('a.status', 'in', f.statuses);
    if (f.sessionId) query = query.where('a.sessionId', '=', f.sessionId);
    if (f.decisionId) query = query.where('a.decisionId', '=', f.decisionId);
    if (f.responsibleStateId) query = query.where('a.responsibleStateId', '=', f.responsibleStateId);
    if (f.responsibleUnit) query = query.where('a.responsibleUnit', '=', f.responsibleUnit);
    if (f.dueBefore) query = query.where('a.dueDate', '<', f.dueBefore);
    const rows = await query
      .orderBy((eb) => eb.fn.coalesce('a.dueDate', eb.val('9999-12-31')))
      .orderBy('s.startDate')
      .orderBy('a.createdAt')
      .orderBy(sql`a.rowid`) // entry order, when created in the same millisecond
      .execute();
    return toActionViews(tx, rows);
  });
}
