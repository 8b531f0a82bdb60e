// Inputs of the working documents (pure: the renderer uses them for its form).
import { z } from 'zod';

const id = z.string().uuid();

/** A document symbol as the secretariat writes it (EC/66/4/Rev.1, م.ت/66/2): one line, never translated. */
export const documentSymbolSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(100)
  .regex(/^[^\r\n\t]+$/, 'one line');

export const workingDocumentLanguageSchema = z.enum(['ar', 'en', 'fr']);

/** Attach a file to an agenda item: its bytes as base64, its symbol, language and version. */
export const attachWorkingDocumentSchema = z
  .object({
    agendaItemId: id,
    symbol: documentSymbolSchema,
    language: workingDocumentLanguageSchema,
    version: z.number().int().min(1).max(99).default(1),
    /** The document's title as printed on it (in its own language); may be left empty. */
    title: z.string().trim().max(500).default(''),
    fileName: z.string().trim().min(1, 'required').max(255),
    contentBase64: z.string().min(1, 'required'),
  })
  .strict();

/** The documents of a session, or of one of its agenda items. */
export const listWorkingDocumentsSchema = z
  .object({ sessionId: id, agendaItemId: id.optional() })
  .strict();

export const workingDocumentIdSchema = z.object({ documentId: id }).strict();
