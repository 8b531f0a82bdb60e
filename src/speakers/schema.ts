// Inputs of the speakers' list services: who asks for the floor on an agenda item, the queue's order,
// and the floor given and taken back. Pure: zod only.
import { z } from 'zod';

const id = z.string().min(1, 'required');

/** Who may ask for the floor: a member delegation, an observer, the secretariat, the Director-General. */
export const speakerKindSchema = z.enum(['delegation', 'observer', 'secretariat', 'director_general']);
export type SpeakerListKind = z.infer<typeof speakerKindSchema>;

export const addSpeakerSchema = z
  .object({
    agendaItemId: id,
    kind: speakerKindSchema,
    /** Required for a delegation or an observer; none for the secretariat and the Director-General. */
    delegationId: id.nullable().default(null),
    /** The person, when the minutes should name them (optional). */
    name: z.string().trim().max(200).default(''),
    /** A point of order: goes to the head of the queue. */
    pointOfOrder: z.boolean().default(false),
  })
  .strict();

export const speakerIdSchema = z.object({ id }).strict();

/** Move a waiting speaker to a place in the queue (1 = next). */
export const moveSpeakerSchema = z.object({ id, position: z.number().int().min(1, 'at least 1').max(1000) }).strict();

/**
 * Give the floor: to the named speaker, or (only agendaItemId) to the next one waiting. The speaker
 * holding the floor in the session, if any, ends their turn in the same transaction.
 */
export const giveFloorSchema = z
  .object({ id: id.optional(), agendaItemId: id.optional(), sittingId: id.nullable().default(null) })
  .strict()
  .refine((v) => v.id !== undefined || v.agendaItemId !== undefined, { message: 'id or agendaItemId is required', path: ['id'] });

export const listSpeakersSchema = z.object({ agendaItemId: id }).strict();
