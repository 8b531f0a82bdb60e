// Inputs of the approval steps (pure).
import { z } from 'zod';

const id = z.string().uuid();

export const createMinutesVersionSchema = z.object({
  sessionId: id,
  /** The document's language(s), e.g. 'ar' or 'ar+en+fr'. */
  language: z.string().regex(/^(ar|en|fr)(\+(ar|en|fr))*$/, 'ar, en, fr or a combination like ar+en'),
  note: z.string().trim().max(2000).default(''),
}).strict();

export const circulateMinutesSchema = z.object({ versionId: id }).strict();

export const approveMinutesSchema = z
  .object({
    versionId: id,
    /** The sitting (of this or a later session) that approved the minutes... */
    approvedBySittingId: id.nullable().default(null),
    /** ...or, in words, where they were approved (e.g. "at its 68th session, by correspondence"). */
    approvedAtSession: z.string().trim().min(1).max(300).nullable().default(null),
  }).strict()
  .refine((v) => v.approvedBySittingId !== null || v.approvedAtSession !== null, {
    message: 'say which sitting or session approved the minutes',
    path: ['approvedBySittingId'],
  });

export const markSignedSchema = z.object({
  versionId: id,
  docxSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex').nullable().default(null),
}).strict();

export const unlockSessionSchema = z.object({
  sessionId: id,
  reason: z.string().trim().min(10, 'give the reason (at least 10 characters)').max(2000),
}).strict();

export const sessionIdSchema = z.object({ sessionId: id }).strict();

/** The signed scan (the paper signed by hand): PDF, JPEG or PNG, recognised by its bytes. */
export const fileScanSchema = z.object({
  sessionId: id,
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1),
}).strict();

export const attachmentIdSchema = z.object({ attachmentId: id }).strict();
