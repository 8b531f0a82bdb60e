// Input of sealing a generated session document (pure: the API contract and the renderer use it).
import { z } from 'zod';

export const SEALABLE_DOCUMENT_KINDS = ['decisions', 'follow-up', 'agenda', 'documents-list', 'convocation'] as const;

export const sealDocumentSchema = z
  .object({
    sessionId: z.string().uuid(),
    kind: z.enum(SEALABLE_DOCUMENT_KINDS),
    lang: z.enum(['ar', 'en', 'fr']),
  })
  .strict();
