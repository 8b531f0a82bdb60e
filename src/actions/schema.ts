// Inputs of the follow-up action services (pure).
import { z } from 'zod';
import { calendarDateSchema } from '../sessions/schema';
import { instantSchema } from '../sittings/schema';

const id = z.string().min(1, 'required');

// The app's one definition of a calendar date (it exists; years 1900..2200) and of an instant (ISO-8601
// with a zone, years 1900..2200, stored as UTC): a due date in the year 9999 is a typing slip.
export { calendarDateSchema } from '../sessions/schema';
export { instantSchema } from '../sittings/schema';

export const actionStatusSchema = z.enum(['open', 'in_progress', 'done', 'cancelled']);
export const OPEN_STATUSES = ['open', 'in_progress'] as const;

/** Who answers for the action: a unit of the secretariat (by name) or a member state. */
export const responsibleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('secretariat_unit'), unit: z.string().trim().min(1, 'required').max(200) }).strict(),
  z.object({ kind: z.literal('member_state'), memberStateId: id }).strict(),
]);

const description = z.string().trim().min(1, 'required').max(5_000);

export const createActionSchema = z
  .object({
    /** The decision it follows from; its session is the action's session. */
    decisionId: id.optional(),
    /** For a standalone action (or, with decisionId, must be the decision's session). */
    sessionId: id.optional(),
    description,
    responsible: responsibleSchema,
    dueDate: calendarDateSchema.nullable().default(null),
    /** Status changes afterwards go through dated updates. */
    status: z.enum(OPEN_STATUSES).default('open'),
  })
  .strict()
  .refine((v) => Boolean(v.decisionId || v.sessionId), { message: 'give decisionId or sessionId', path: ['sessionId'] });

export const updateActionSchema = z
  .object({ id, description: description.optional(), responsible: responsibleSchema.optional(), dueDate: calendarDateSchema.nullable().optional() })
  .strict();

export const actionIdSchema = z.object({ id }).strict();

export const addActionUpdateSchema = z
  .object({
    actionItemId: id,
    at: instantSchema,
    text: z.string().trim().min(1, 'required').max(10_000),
    /** The new status, when the update changes it. */
    status: actionStatusSchema.optional(),
    /** The session at which the update was reported (its follow-up report), if any. */
    reportedAtSessionId: id.nullable().default(null),
  })
  .strict();

export const listActionsSchema = z.object({ sessionId: id }).strict();

export const followUpReportSchema = z.object({ sessionId: id }).strict();

export const openActionsSchema = z
  .object({
    /** The session the actions come from. */
    sessionId: id.optional(),
    decisionId: id.optional(),
    responsibleStateId: id.optional(),
    responsibleUnit: z.string().trim().min(1).max(200).optional(),
    /** Due strictly before this date. */
    dueBefore: calendarDateSchema.optional(),
    statuses: z.array(z.enum(OPEN_STATUSES)).min(1).default([...OPEN_STATUSES]),
  })
  .strict()
  .default({ statuses: [...OPEN_STATUSES] });
