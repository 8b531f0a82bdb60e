import { z } from 'zod';

/** An instant, ISO-8601 with a time zone (Z or ±hh:mm); stored normalised to UTC with milliseconds. */
export const instantSchema = z
  .string()
  .pipe(z.iso.datetime({ offset: true, message: 'an ISO-8601 date-time with a time zone' }))
  .transform((s) => new Date(s).toISOString())
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= 1900 && y <= 2200;
  }, 'year out of range 1900..2200');

export const createSittingSchema = z
  .object({ sessionId: z.string().min(1), startsAt: instantSchema, endsAt: instantSchema.optional() })
  .strict();
export const updateSittingSchema = z
  .object({ id: z.string().min(1), startsAt: instantSchema.optional(), endsAt: instantSchema.nullable().optional() })
  .strict();
export const endSittingSchema = z.object({ id: z.string().min(1), endsAt: instantSchema }).strict();
export const sittingIdSchema = z.object({ id: z.string().min(1) }).strict();
export const listSittingsSchema = z.object({ sessionId: z.string().min(1) }).strict();
