// Inputs for the signatories of a session's minutes (pure).
import { z } from 'zod';

const title = z.string().trim().min(1).max(300);

export const setSignatorySchema = z.object({
  sessionId: z.string().uuid(),
  /** One of settings.signatoryRoles' keys. */
  roleKey: z.string().regex(/^[a-z][a-z0-9_]*$/),
  fullName: z.string().trim().min(1, 'required').max(300),
  /** Titles default to the role's titles in settings. */
  titleAr: title.optional(),
  titleEn: title.optional(),
  titleFr: title.optional(),
  /** PNG or JPEG, base64; null removes the image; absent keeps the current one. */
  signatureImageBase64: z.string().min(1).nullable().optional(),
}).strict();

export const removeSignatorySchema = z.object({ sessionId: z.string().uuid(), roleKey: z.string().min(1) }).strict();
export const listSignatoriesSchema = z.object({ sessionId: z.string().uuid() }).strict();
