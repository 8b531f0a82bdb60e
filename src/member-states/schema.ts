import { z } from 'zod';
import { FRENCH_ARTICLES } from '../rules/french-names';

const name = z.string().trim().min(1, 'required').max(200);
export const isoCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'two letters (ISO 3166-1 alpha-2)'));

export const listMemberStatesSchema = z
  .object({ includeInactive: z.boolean().default(false) })
  .strict()
  .default({ includeInactive: false });

/**
 * The article of the French name (le Maroc, la Jordanie, l’Égypte, les Émirats…, none: Bahreïn), for
 * "la délégation du Maroc" in the French minutes. Optional: AIDSMO's states are known by ISO code, and any
 * other name gets a guess (rules/french-names.ts).
 */
export const frenchArticleSchema = z.enum(FRENCH_ARTICLES as unknown as ['le', 'la', 'l', 'les', 'none']);

/** A new state; without protocolOrder it takes its place by the Arabic alphabetical rule. */
export const createMemberStateSchema = z
  .object({
    isoCode: isoCodeSchema,
    nameAr: name,
    nameEn: name,
    nameFr: name,
    articleFr: frenchArticleSchema.optional(),
    protocolOrder: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const updateMemberStateSchema = z
  .object({
    id: z.string().min(1),
    isoCode: isoCodeSchema.optional(),
    nameAr: name.optional(),
    nameEn: name.optional(),
    nameFr: name.optional(),
    articleFr: frenchArticleSchema.optional(),
    protocolOrder: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const setMemberStateActiveSchema = z.object({ id: z.string().min(1), active: z.boolean() }).strict();
