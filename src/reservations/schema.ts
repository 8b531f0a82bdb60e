// Inputs of the reservation services (pure).
import { z } from 'zod';

const id = z.string().min(1, 'required');
const reservationText = z.string().trim().min(1, 'required').max(10_000);

export const createReservationSchema = z.object({ decisionId: id, memberStateId: id, text: reservationText }).strict();
export const updateReservationSchema = z.object({ id, text: reservationText }).strict();
export const reservationIdSchema = z.object({ id }).strict();
/** A decision's reservations, or all those of a session (for the minutes). */
export const listReservationsSchema = z
  .object({ decisionId: id.optional(), sessionId: id.optional() })
  .strict()
  .refine((v) => Boolean(v.decisionId) !== Boolean(v.sessionId), { message: 'give decisionId or sessionId', path: ['decisionId'] });
