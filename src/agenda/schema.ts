// Inputs of the agenda services (pure: the renderer uses them for its forms).
import { z } from 'zod';
import { instantSchema } from '../sittings/schema';

const id = z.string().min(1, 'required');

// One definition of an instant for the whole app: the sittings' (ISO-8601 with a zone, stored as UTC).
export { instantSchema };

/** Titles: Arabic required; English and French may be '' meaning "not yet translated". */
export const agendaTitleSchema = z
  .object({
    ar: z.string().trim().min(1, 'required').max(500),
    en: z.string().trim().max(500).default(''),
    fr: z.string().trim().max(500).default(''),
  })
  .strict();

export const agendaStatusSchema = z.enum(['pending', 'discussed', 'deferred', 'withdrawn']);

const documentRefs = z.array(z.string().trim().min(1, 'required').max(200)).max(50);

export const addAgendaItemSchema = z
  .object({
    sessionId: id,
    parentId: id.nullable().default(null),
    /** 0-based place among its siblings; at the end when left out. */
    index: z.number().int().min(0).optional(),
    title: agendaTitleSchema,
    presenter: z.string().trim().max(200).default(''),
    documentRefs: documentRefs.default([]),
    status: agendaStatusSchema.default('pending'),
  })
  .strict();

export const updateAgendaItemSchema = z
  .object({
    id,
    title: agendaTitleSchema.optional(),
    presenter: z.string().trim().max(200).optional(),
    documentRefs: documentRefs.optional(),
    status: agendaStatusSchema.optional(),
  })
  .strict();

export const moveAgendaItemSchema = z
  .object({
    id,
    /** The new parent (null: a top-level item); the same parent to reorder among siblings. */
    parentId: id.nullable(),
    /** 0-based place among the new siblings; clamped to the end. */
    index: z.number().int().min(0),
  })
  .strict();

export const agendaItemIdSchema = z.object({ id }).strict();
export const sessionAgendaSchema = z.object({ sessionId: id }).strict();

export const agendaTemplateItemSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _').max(60),
    title: agendaTitleSchema,
    presenter: z.string().trim().max(200).default(''),
  })
  .strict();

export const agendaTemplateSchema = z
  .object({
    items: z
      .array(agendaTemplateItemSchema)
      .max(50)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'each key once'),
  })
  .strict();
export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;

export const recordAgendaAdoptionSchema = z
  .object({
    sessionId: id,
    sittingId: id,
    adoptedAt: instantSchema,
    asAmended: z.boolean(),
    note: z.string().trim().max(2000).default(''),
  })
  .strict();
