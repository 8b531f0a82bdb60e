import { z } from 'zod';

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

/** A new state; without protocolOrder it takes its place by the Arabic alphabetical rule. */
export const createMemberStateSchema = z
  .object({
    isoCode: isoCodeSchema,
    nameAr: name,
    nameEn: name,
    nameFr: name,
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
    protocolOrder: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const setMemberStateActiveSchema = z.object({ id: z.string().min(1), active: z.boolean() }).strict();
