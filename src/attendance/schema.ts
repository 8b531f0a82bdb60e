import { z } from 'zod';
import { instantSchema } from '../sittings/schema';

export const recordAttendanceSchema = z
  .object({ sittingId: z.string().min(1), delegationId: z.string().min(1), at: instantSchema })
  .strict();
export const attendanceEventIdSchema = z.object({ id: z.string().min(1) }).strict();
export const listAttendanceSchema = z
  .object({ sittingId: z.string().min(1), delegationId: z.string().min(1).optional() })
  .strict();
export const presentAtSchema = z.object({ sittingId: z.string().min(1), at: instantSchema }).strict();

/** A roll call at the opening: these delegations were in the room when the sitting opened (arrival at its start). */
export const presentFromOpeningSchema = z
  .object({ sittingId: z.string().min(1), delegationIds: z.array(z.string().min(1)).min(1).max(500) })
  .strict();
