// Inputs of the translation services (pure).
import { z } from 'zod';
import { translatableFields } from './registry';

const id = z.string().min(1, 'required').max(64);
const language = z.enum(['en', 'fr']);
const fieldKey = z.enum(translatableFields.map((f) => f.key) as [string, ...string[]]);

/** One text's translation into English or French; '' clears it. */
export const setTranslationSchema = z.object({ field: fieldKey, id, language, text: z.string().max(20_000) }).strict();

/** A session's translatable texts for one language; missingOnly: the worklist. */
export const listTranslationsSchema = z.object({ sessionId: id, language, missingOnly: z.boolean().optional() }).strict();

/**
 * XLIFF 2.0 has one source language per file: the texts typed in Arabic (the default), or those typed in
 * English or French (notes), each exported on its own into the other language.
 */
export const exportXliffSchema = z
  .object({ sessionId: id, language, sourceLanguage: z.enum(['ar', 'en', 'fr']).optional() })
  .strict()
  .refine((v) => v.sourceLanguage !== v.language, { message: 'the source language must differ from the target language', path: ['sourceLanguage'] });

/** The translated file back: its text (the UI reads the file; the CLI reads it from disk). */
export const importXliffSchema = z.object({ sessionId: id, xliff: z.string().max(20_000_000), language: language.optional() }).strict();
