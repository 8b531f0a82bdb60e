// Inputs of the room's calls: what the hall display shows and the cues the secretary gives it. Pure.
import { z } from 'zod';
import { ballotChoiceSchema } from '../votes/schema';

const id = z.string().min(1, 'required');

export const hallLanguageSchema = z.enum(['ar', 'en', 'fr']);

export const hallDisplaySchema = z.object({ sessionId: id }).strict();

/** The agenda item the hall shows (the one the secretary has open in the room tab). */
export const showItemSchema = z.object({ sessionId: id, agendaItemId: id.nullable() }).strict();

/**
 * A roll call under way, as the secretary enters it: the states called so far and their votes. Not the
 * record (votes.record is); null motionId ends it (recorded or abandoned).
 */
export const rollCallProgressSchema = z
  .object({
    sessionId: id,
    motionId: id.nullable(),
    sittingId: id.optional(),
    at: z.string().max(40).optional(),
    ballots: z.array(z.object({ memberStateId: id, choice: ballotChoiceSchema }).strict()).max(100).default([]),
  })
  .strict();

/** Open the hall display: a second window on the projector (desktop) or the page's address (browser). */
export const openHallSchema = z.object({ sessionId: id, lang: hallLanguageSchema.default('ar'), fullscreen: z.boolean().default(true) }).strict();
