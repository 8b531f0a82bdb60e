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
