// The session .zip: what goes with the session's JSON (session.json, the session-bundle format) so that
// another laptop has everything — the approval tables and the files (signature images, scans, the logo) —
// and hashes.json listing the SHA-256 of every other file in the archive. Pure: zod only.
import { z } from 'zod';

export const ZIP_FORMAT = 'council-minutes/session-zip';
export const ZIP_VERSION = 1;
/** An archive that carries working documents says 2, so an app that does not know them refuses it. */
export const ZIP_VERSION_WITH_DOCUMENTS = 2;

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const s = z.string();
const sn = z.string().nullable();
const int = z.number().int();

export const hashesSchema = z.object({
  format: z.literal(ZIP_FORMAT),
  version: z.union([z.literal(ZIP_VERSION), z.literal(ZIP_VERSION_WITH_DOCUMENTS)]),
  files: z.record(z.string(), sha),
});
export type ZipHashes = z.infer<typeof hashesSchema>;

export const zipAttachmentSchema = z.object({
  id: s,
  sessionId: sn,
  kind: z.enum(['logo', 'signature', 'scan']),
  mime: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
  fileName: s,
  byteSize: int,
  sha256: sha,
  createdAt: s,
  /** Path of the bytes inside the archive. */
  path: s,
});

/** A working document (src/working-documents): its row, and where its bytes are in the archive. */
export const zipWorkingDocumentSchema = z.strictObject({
  id: s,
  sessionId: s,
  agendaItemId: s,
  symbol: s,
  language: z.enum(['ar', 'en', 'fr']),
  version: int,
  title: s,
  mime: z.enum([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]),
  fileName: s,
  byteSize: int,
  sha256: sha,
  createdAt: s,
  /** Path of the bytes inside the archive (documents/...). */
  path: s,
});

export const approvalPartSchema = z.object({
  minutesVersions: z.array(
    z.object({
      id: s,
      sessionId: s,
      version: int,
      language: s,
      status: z.enum(['draft', 'circulated', 'approved', 'signed']),
      corrigendaCount: int,
      note: s,
      createdAt: s,
      circulatedAt: sn,
      approvedAt: sn,
      approvedBySittingId: sn,
      approvedAtSession: sn,
      signedAt: sn,
      docxSha256: sn,
    }),
  ),
  signatories: z.array(
    z.object({
      id: s,
      sessionId: s,
      roleKey: s,
      position: int,
      fullName: s,
      titleAr: s,
      titleEn: s,
      titleFr: s,
      // What each translated title was made from (migration 0020); absent in archives written before.
      titleEnSourceSha256: s.optional(),
      titleFrSourceSha256: s.optional(),
      // The name's English and French forms and their sources (migration 0020); absent in archives written before.
      fullNameEn: s.optional(),
      fullNameFr: s.optional(),
      fullNameEnSourceSha256: s.optional(),
      fullNameFrSourceSha256: s.optional(),
      signatureAttachmentId: sn,
      createdAt: s,
      updatedAt: s,
    }),
  ),
  corrigenda: z.array(
    // textEn/FrSourceSha256: what each translation was made from (migration 0020); absent in archives written before.
    z.object({ id: s, sessionId: s, number: int, decisionId: sn, textAr: s, textEn: s, textFr: s, reason: s, createdAt: s, textEnSourceSha256: s.optional(), textFrSourceSha256: s.optional() }),
  ),
  sealRecords: z.array(
    z.object({
      id: s,
      sessionId: s,
      minutesVersionId: sn,
      fileKind: z.enum(['docx', 'pdf']),
      fileName: s,
      fileSha256: s,
      recordSha256: s,
      fingerprint: s,
      signature: s,
      signedAt: s,
      /** The whole signed manifest (migration 0012); absent in archives written before it. */
      manifestJson: sn.optional(),
    }),
  ),
  attachments: z.array(zipAttachmentSchema),
  /** The organisation's logo at export (informative: settings are not changed by an import). */
  logo: z.object({ path: s, mime: s, sha256: sha }).nullable(),
  /** The working documents (absent from archives made before them: none). */
  workingDocuments: z.array(zipWorkingDocumentSchema).default([]),
});
export type ApprovalPart = z.infer<typeof approvalPartSchema>;

export type ImportChoice = 'replace' | 'keep';

/** Export one session as a .zip. */
export const exportZipSchema = z.object({ sessionId: z.string().min(1) });

/**
 * Import a .zip: the bytes (in-process callers) or base64 (the UI), exactly one of them. `choice` only
 * when the session is already here: 'replace' its record with the archive's, or 'keep' it.
 */
export const importZipSchema = z
  .object({
    zipBase64: z.string().min(1).optional(),
    zipBytes: z.instanceof(Uint8Array).optional(),
    choice: z.enum(['replace', 'keep']).optional(),
    /** A public key (PEM) the user trusts for a locked session's seal, besides this installation's own. */
    publicKeyPem: z.string().min(1).max(10_000).optional(),
    /** Import a locked session whose seal does not verify as an unlocked copy marked unverified. */
    unverifiedCopy: z.literal(true).optional(),
  })
  .refine((v) => (v.zipBase64 === undefined) !== (v.zipBytes === undefined), { message: 'give the archive once', path: ['zipBase64'] });

/** The API's form of the import (JSON: base64 only, no unknown keys). */
export const importZipRequestSchema = z
  .object({
    zipBase64: z.string().min(1),
    choice: z.enum(['replace', 'keep']).optional(),
    publicKeyPem: z.string().min(1).max(10_000).optional(),
    unverifiedCopy: z.literal(true).optional(),
  })
  .strict();

export interface TableDifference {
  table: string;
  added: string[];
  removed: string[];
  changed: string[];
}

export type ZipImportResult =
  | {
      status: 'imported';
      sessionId: string;
      replaced: boolean;
      locked: boolean;
      rows: Record<string, number>;
      warnings: string[];
      /** A locked session: the key its seal verified with. */
      verifiedBy?: { fingerprint: string; thisInstallation: boolean };
      /** Imported unlocked, on request, because its seal did not verify: why. */
      unverifiedCopy?: { reason: string; detail: string };
    }
  | {
      status: 'exists';
      /** The session already here (same kind and number, or same id). Nothing was written. */
      existingSessionId: string;
      existingLocked: boolean;
      identical: boolean;
      sessionFieldsChanged: string[];
      differences: TableDifference[];
      choices: ImportChoice[];
    }
  | { status: 'kept'; existingSessionId: string };
