// Inputs of the decision services (pure: the renderer uses them for its forms).
import { z } from 'zod';
import { instantSchema } from '../sittings/schema';

const id = z.string().min(1, 'required');

// One definition of an instant for the whole app (ISO-8601 with a zone, years 1900..2200, stored as UTC).
export { instantSchema };

/** A decision's text: Arabic required (the original); English and French may be '' until translated. */
export const decisionTextSchema = z
  .object({
    ar: z.string().trim().min(1, 'required').max(20_000),
    en: z.string().trim().max(20_000).default(''),
    fr: z.string().trim().max(20_000).default(''),
  })
  .strict();

export const recordDecisionSchema = z
  .object({
    agendaItemId: id,
    /** The adopted motion it comes from; left out for a decision adopted directly by consensus. */
    motionId: id.optional(),
    /** The sitting at which it was adopted; taken from the motion's vote when left out. */
    sittingId: id.optional(),
    adoptedAt: instantSchema,
    text: decisionTextSchema,
  })
  .strict();

export const updateDecisionSchema = z
  .object({
    id,
    /** Replaces the texts given; the number never changes. */
    text: z
      .object({
        ar: z.string().trim().min(1, 'required').max(20_000).optional(),
        en: z.string().trim().max(20_000).optional(),
        fr: z.string().trim().max(20_000).optional(),
      })
      .strict()
      .optional(),
    adoptedAt: instantSchema.optional(),
  })
  .strict();

export const decisionIdSchema = z.object({ id }).strict();

export const listDecisionsSchema = z
  .object({
    sessionId: id,
    agendaItemId: id.optional(),
  })
  .strict();
