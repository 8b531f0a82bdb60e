// Checking a sealed file: valid, or exactly what differs. Each problem is reported on its own, so "the
// document changed" and "signed by another key" can both be said of one file.
import fs from 'node:fs';
import path from 'node:path';
import { inTransaction, type CoreContext } from '../core/context';
import { fingerprintOf, parsePublicKey } from './keys';
import { manifestPathFor, manifestSchema, manifestSignatureValid, type SealManifest } from './manifest';
import { loadSessionRecord, recordSha256 } from './record';
import { sha256Hex } from './sign';

export type VerifyProblemCode =
  | 'not_signed' // no manifest beside the file (nor given)
  | 'manifest_invalid' // not a seal manifest (unreadable, wrong shape, key and fingerprint disagree)
  | 'signature_invalid' // the manifest was edited after signing
  | 'wrong_key' // sealed by a key other than the trusted one
  | 'document_changed' // the file's bytes are not those sealed
  | 'record_changed' // the session's record in this database differs from the sealed one
  | 'session_missing'; // the sealed session is not in this database

export interface VerifyProblem {
  code: VerifyProblemCode;
  message: string;
}

export interface VerifyResult {
  valid: boolean;
  problems: VerifyProblem[];
  filePath: string;
  manifestPath: string;
  /** From the manifest, when one was read. */
  sealed: { fingerprint: string; signedAt: string; session: SealManifest['session']; minutesVersion: number | null } | null;
  /** Whether the key was compared with a trusted one (given, or this installation's). */
  keyChecked: boolean;
}

export interface VerifyOptions {
  manifestPath?: string;
  /** The trusted public key (PEM). Without one, only the manifest's own key is used: say so to the user. */
  publicKeyPem?: string;
  /** Compare the sealed record hash with this database's record of the session. */
  ctx?: CoreContext;
}

export async function verifySealedFile(filePath: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const file = path.resolve(filePath);
  const manifestPath = path.resolve(options.manifestPath ?? manifestPathFor(file));
  const result: VerifyResult = { valid: false, problems: [], filePath: file, manifestPath, sealed: null, keyChecked: false };
  const problem = (code: VerifyProblemCode, message: string) => result.problems.push({ code, message });

  if (!fs.existsSync(manifestPath)) {
    problem('not_signed', `no seal manifest: ${manifestPath}`);
    return result;
  }
  let manifest: SealManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
    if (!parsed.success) {
      problem('manifest_invalid', `not a seal manifest: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return result;
    }
    manifest = parsed.data;
    if (fingerprintOf(parsePublicKey(manifest.publicKey)) !== manifest.fingerprint) {
      problem('manifest_invalid', 'the fingerprint in the manifest is not that of its public key');
      return result;
    }
  } catch (err) {
    problem('manifest_invalid', `unreadable manifest: ${(err as Error).message}`);
    return result;
  }
  result.sealed = {
    fingerprint: manifest.fingerprint,
    signedAt: manifest.signedAt,
    session: manifest.session,
    minutesVersion: manifest.minutesVersion,
  };

  if (!manifestSignatureValid(manifest)) problem('signature_invalid', 'the manifest was altered after sealing (its signature does not match)');
  if (options.publicKeyPem) {
    result.keyChecked = true;
    let trusted: string;
    try {
      trusted = fingerprintOf(parsePublicKey(options.publicKeyPem));
    } catch (err) {
      throw new Error(`the trusted public key is not usable: ${(err as Error).message}`);
    }
    if (trusted !== manifest.fingerprint) {
      problem('wrong_key', `sealed by key ${manifest.fingerprint}, not by the trusted key ${trusted}`);
    }
  }
  if (!fs.existsSync(file)) {
    problem('document_changed', `the sealed file is missing: ${file}`);
  } else {
    const bytes = fs.readFileSync(file);
    if (sha256Hex(bytes) !== manifest.file.sha256) problem('document_changed', 'the document is not the one sealed (its SHA-256 differs)');
  }
  if (options.ctx) {
    await inTransaction(options.ctx, async (tx) => {
      const exists = await tx.selectFrom('councilSession').select('id').where('id', '=', manifest.session.id).executeTakeFirst();
      if (!exists) {
        problem('session_missing', `session ${manifest.session.number} (${manifest.session.id}) is not in this database`);
        return;
      }
      const now = recordSha256(await loadSessionRecord(tx, manifest.session.id));
      if (now !== manifest.record.sha256) problem('record_changed', "the session's record in this database differs from the sealed one");
    });
  }
  result.valid = result.problems.length === 0;
  return result;
}
