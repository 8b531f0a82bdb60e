import { z } from 'zod';
import { validate } from '../errors/validate';
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

// An arrival or a departure is the live action recorded most (issue 13): its usual input, two plain ids and
// an instant already in the stored form, is recognised here without zod. Anything else (other keys, another
// instant format, a character the text rule might refuse) goes through zod, so errors are zod's as before.
const PLAIN_ID = /^[0-9A-Za-z_-]{1,200}$/;
const STORED_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const hasOwn = Object.prototype.hasOwnProperty;

export type RecordAttendanceInput = z.infer<typeof recordAttendanceSchema>;

export function parseRecordAttendance(input: unknown): RecordAttendanceInput {
  if (input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype && Object.keys(input).length === 3) {
    const o = input as Record<string, unknown>;
    const { sittingId, delegationId, at } = o;
    if (
      hasOwn.call(o, 'sittingId') && hasOwn.call(o, 'delegationId') && hasOwn.call(o, 'at') &&
      typeof sittingId === 'string' && typeof delegationId === 'string' && typeof at === 'string' &&
      PLAIN_ID.test(sittingId) && PLAIN_ID.test(delegationId)
    ) {
      const m = STORED_INSTANT.exec(at);
      const year = m ? Number(m[1]) : 0;
      // The round trip refuses what Date would roll over (30 February, 24:00): zod says why.
      if (year >= 1900 && year <= 2200 && !Number.isNaN(Date.parse(at)) && new Date(at).toISOString() === at) return { sittingId, delegationId, at };
    }
  }
  return validate(recordAttendanceSchema, input);
}
