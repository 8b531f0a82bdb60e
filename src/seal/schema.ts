// Inputs of the seal's calls (pure: the renderer imports them through the API contract).
import { z } from 'zod';

/** Seal a file already on disk (the CLI, in-process callers). */
export const sealFileSchema = z.object({
  versionId: z.string().uuid(),
  /** The file to seal: the .docx of that version, or its PDF. */
  filePath: z.string().min(1),
});

export const verifySealedFileSchema = z.object({
  /** The .docx or PDF to check. */
  filePath: z.string().min(1),
  /** Defaults to FILE.seal.json beside it. */
  manifestPath: z.string().min(1).optional(),
  /** The trusted public key (PEM); this installation's key when absent. */
  publicKeyPem: z.string().includes('BEGIN PUBLIC KEY').optional(),
  /** Compare the sealed record with this database's (default true). */
  compareRecord: z.boolean().default(true),
});

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');

/**
 * The UI's "seal and export": the approved (or signed) version's minutes generated in its language,
 * with the seal's fingerprint in the footer, sealed, and handed back with the manifest beside them.
 * PDF only where the host can print (the desktop app).
 */
export const sealMinutesSchema = z
  .object({
    versionId: z.string().uuid(),
    format: z.enum(['docx', 'pdf']),
    /** Which language when the version has several (ar+en+fr); its first by default. */
    lang: z.enum(['ar', 'en', 'fr']).optional(),
    timeZone: z.string().min(1).max(64).optional(),
  })
  .strict();

/** The UI's "verify a file": the file and its manifest as picked by the user (never paths). */
export const verifyUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    fileBase64: base64.min(1, 'required'),
    /** The FILE.seal.json's text; without it the answer is "not signed". */
    manifestText: z.string().max(1_000_000).optional(),
    /**
     * Trust this public key (PEM, as `seal-key` and the UI's export write it) instead of this installation's.
     * One PUBLIC KEY block only: a private key picked by mistake (which would yield its public half) is refused.
     */
    publicKeyPem: z
      .string()
      .max(10_000)
      .regex(/^\s*-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----\s*$/, 'a PEM public key (-----BEGIN PUBLIC KEY-----)')
      .optional(),
  })
  .strict();
