// Inputs of the search services (pure).
import { z } from 'zod';

export const searchKindSchema = z.enum(['agenda_item', 'note', 'motion', 'decision', 'reservation', 'referral', 'action']);

export const searchSchema = z
  .object({
    /** Words (all must match), "a quoted phrase", word* for a prefix. Case, accents, tashkeel and attached prefixes don't matter. */
    query: z.string().trim().min(1, 'required').max(500),
    sessionId: z.string().min(1).optional(),
    kinds: z.array(searchKindSchema).min(1).optional(),
    /** Language of the agenda titles shown beside the hits, and the text preferred for the snippet. */
    language: z.enum(['ar', 'en', 'fr']).default('ar'),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const rebuildSearchIndexSchema = z.object({}).strict().default({});
