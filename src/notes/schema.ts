// Inputs of the notes services: time-stamped interventions on an agenda item.
import { z } from 'zod';
import { instantSchema } from '../sittings/schema';

const id = z.string().min(1, 'required');

export const speakerKindSchema = z.enum(['delegation', 'observer', 'chair', 'secretariat']);
export const noteLanguageSchema = z.enum(['ar', 'en', 'fr']);

export const addNoteSchema = z
  .object({
    agendaItemId: id,
    /** When the intervention was made; now when left out (notes are saved as they are typed). */
    at: instantSchema.optional(),
    speakerKind: speakerKindSchema,
    /** Required for a delegation or an observer; optional for the chair (their state) and the secretariat. */
    speakerDelegationId: id.nullable().default(null),
    speakerName: z.string().trim().max(200).default(''),
    text: z.string().trim().min(1, 'required').max(50_000),
    language: noteLanguageSchema.default('ar'),
  })
  .strict();

export const editNoteSchema = z
  .object({
    id,
    at: instantSchema.optional(),
    speakerKind: speakerKindSchema.optional(),
    speakerDelegationId: id.nullable().optional(),
    speakerName: z.string().trim().max(200).optional(),
    text: z.string().trim().min(1, 'required').max(50_000).optional(),
    language: noteLanguageSchema.optional(),
  })
  .strict();

export const noteIdSchema = z.object({ id }).strict();
export const listNotesSchema = z.object({ agendaItemId: id }).strict();
