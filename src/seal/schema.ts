// Inputs of the seal's API calls (pure).
import { z } from 'zod';

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
