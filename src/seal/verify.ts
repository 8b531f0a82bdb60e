// Checking a sealed file: valid, or exactly what differs. Each problem is reported on its own, so "the
// document changed" and "signed by another key" can both be said of one file.
import fs from 'node:fs';
import path from 'node:path';
import { inTransaction, type CoreContext } from '../core/context';
import { fingerprintOf, parsePublicKey } from './keys';
import { manifestPathFor, manifestSchema, manifestSignatureValid, type SealManifest } from './manifest';
import { COUNTED_CORRIGENDA_FORMATS, loadSessionRecord, RECORD_FORMATS, recordSha256, type RecordFormat } from './record';
import { sha256Hex } from './sign';
import type { VerifyProblem, VerifyProblemCode, VerifyResult } from './types';

export type { VerifyProblem, VerifyProblemCode, VerifyResult };

export interface VerifyOptions {
  manifestPath?: string;
  /** The trusted public key (PEM). Without one, only the manifest's own key is used: say so to the user. */
  publicKeyPem?: string;
  /** This installation's fingerprint, so the result can say whether the trusted key is its own. */
  installationFingerprint?: string;
  /** Compare the sealed record hash with this database's record of the session. */
  ctx?: CoreContext;
}

export async function verifySealedFile(filePath: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  return verifySealedContent(readSealedContent(filePath, options.manifestPath), options);
}

/** A sealed file and its manifest (beside it unless named) read from disk; null for what is missing. */
export function readSealedContent(filePath: string, manifestPathGiven?: string): SealedContent {
  const file = path.resolve(filePath);
  const manifestPath = path.resolve(manifestPathGiven ?? manifestPathFor(file));
  return {
    filePath: file,
    manifestPath,
    fileBytes: fs.existsSync(file) ? fs.readFileSync(file) : null,
    manifestText: fs.existsSync(manifestPath) ? fs.readFileSync(manifestPath, 'utf8') : null,
  };
}

/** What to check, already read: the file's bytes and the manifest's text (null when missing). */
export interface SealedContent {
  /** Names shown in the result (paths for the CLI; the picked names for the UI). */
  filePath: string;
  manifestPath: string;
  fileBytes: Uint8Array | null;
  manifestText: string | null;
}

/** The same checks on contents in memory: the UI uploads the file and its manifest. */
export async function verifySealedContent(content: SealedContent, options: Omit<VerifyOptions, 'manifestPath'> = {}): Promise<VerifyResult> {
  const { filePath: file, manifestPath } = content;
  const result: VerifyResult = { valid: false, problems: [], filePath: file, manifestPath, sealed: null, keyChecked: false, trustedKey: null };
  const problem = (code: VerifyProblemCode, message: string) => result.problems.push({ code, message });

  if (content.manifestText === null) {
    problem('not_signed', `no seal manifest: ${manifestPath}`);
    return result;
  }
  let manifest: SealManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(content.manifestText));
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
    result.trustedKey = { fingerprint: trusted, thisInstallation: trusted === options.installationFingerprint };
    if (trusted !== manifest.fingerprint) {
      problem('wrong_key', `sealed by key ${manifest.fingerprint}, not by the trusted key ${trusted}`);
    }
  }
  if (content.fileBytes === null) {
    problem('document_changed', `the sealed file is missing: ${file}`);
  } else if (sha256Hex(content.fileBytes) !== manifest.file.sha256) {
    problem('document_changed', 'the document is not the one sealed (its SHA-256 differs)');
  }
  if (options.ctx) {
    await inTransaction(options.ctx, async (tx) => {
      const exists = await tx.selectFrom('councilSession').select('id').where('id', '=', manifest.session.id).executeTakeFirst();
      if (!exists) {
        problem('session_missing', `session ${manifest.session.number} (${manifest.session.id}) is not in this database`);
        return;
      }
      const format = (RECORD_FORMATS as readonly string[]).includes(manifest.record.format) ? (manifest.record.format as RecordFormat) : null;
      if (!format) {
        problem('record_changed', `the record format ${manifest.record.format} is not known to this app`);
        return;
      }
      const upTo = manifest.record.corrigenda;
      if (COUNTED_CORRIGENDA_FORMATS.includes(format) && upTo === undefined) {
        problem('record_changed', `a ${format} seal must state how many corrigenda it holds`);
        return;
      }
      const scope = upTo === undefined ? {} : { corrigendaUpTo: upTo };
      const now = recordSha256(await loadSessionRecord(tx, manifest.session.id, format, scope));
      if (now !== manifest.record.sha256) problem('record_changed', "the session's record in this database differs from the sealed one");
    });
  }
  result.valid = result.problems.length === 0;
  return result;
}
