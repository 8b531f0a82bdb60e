// Sealing the approved minutes: the .docx (or the PDF) and the session's record hashed, signed with this
// installation's key, and a manifest written beside the file (FILE.seal.json). The version becomes signed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { markSignedInTx } from '../approval/service';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext } from '../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { ensureSealKey } from './keys';
import { sealFileSchema } from './schema';
import { manifestPathFor, RECORD_CANONICALIZATION, SEAL_FORMAT, signManifest, type SealManifest } from './manifest';
import { corrigendaCountOf, loadSessionRecord, RECORD_FORMAT, recordSha256 } from './record';

export interface SealHost {
  /** The app's data folder (Electron's userData; beside the database for the CLI): the key lives there. */
  dataDir: string;
}

export interface SealResult {
  manifestPath: string;
  manifest: SealManifest;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** 'docx' or 'pdf' from the bytes: a .docx is a ZIP (PK\x03\x04), a PDF starts with %PDF-. */
export function fileKindOf(bytes: Uint8Array): 'docx' | 'pdf' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  return null;
}

export async function sealFile(ctx: CoreContext, input: unknown, host: SealHost): Promise<SealResult> {
  const data = validate(sealFileSchema, input);
  const filePath = path.resolve(data.filePath);
  if (!fs.existsSync(filePath)) throw new NotFoundError('filePath', 'file', filePath);
  const bytes = fs.readFileSync(filePath);
  const kind = fileKindOf(bytes);
  if (!kind) throw new ValidationError('filePath', 'only a .docx or a PDF can be sealed', 'not_sealable_file');
  const key = ensureSealKey(host.dataDir);

  return inTransaction(ctx, async (tx) => {
    const version = await tx.selectFrom('minutesVersion').selectAll().where('id', '=', data.versionId).executeTakeFirst();
    if (!version) throw new NotFoundError('versionId', 'minutes version', data.versionId);
    if (version.status !== 'approved' && version.status !== 'signed') {
      throw new ConflictError('versionId', `only approved minutes are sealed; this version is ${version.status}`, 'seal_needs_approved', { status: version.status });
    }
    const session = await tx.selectFrom('councilSession').selectAll().where('id', '=', version.sessionId).executeTakeFirstOrThrow();
    const corrigenda = await corrigendaCountOf(tx, session.id);
    const record = await loadSessionRecord(tx, session.id, RECORD_FORMAT, { corrigendaUpTo: corrigenda });
    const signedAt = nowIso(ctx);
    const manifest = signManifest(
      {
        format: SEAL_FORMAT,
        file: { name: path.basename(filePath), kind, sha256: sha256Hex(bytes), bytes: bytes.length },
        session: { id: session.id, kind: session.kind, number: session.number },
        minutesVersion: version.version,
        record: { format: RECORD_FORMAT, canonicalization: RECORD_CANONICALIZATION, sha256: recordSha256(record), corrigenda },
        publicKey: key.publicKeyPem,
        fingerprint: key.fingerprint,
        signedAt,
      },
      key.privateKey,
    );
    const sealId = newId();
    await tx
      .insertInto('sealRecord')
      .values({
        id: sealId,
        sessionId: session.id,
        minutesVersionId: version.id,
        fileKind: kind,
        fileName: manifest.file.name,
        fileSha256: manifest.file.sha256,
        recordSha256: manifest.record.sha256,
        fingerprint: manifest.fingerprint,
        signature: manifest.signature,
        signedAt,
        // The whole signed manifest, so a session .zip carries the seal to be checked on another laptop.
        manifestJson: JSON.stringify(manifest),
      })
      .execute();
    await markSignedInTx(ctx, tx, version.id, kind === 'docx' ? manifest.file.sha256 : version.docxSha256);
    await recordAudit(ctx, tx, {
      action: 'minutes.seal',
      entity: 'seal_record',
      entityId: sealId,
      sessionId: session.id,
      after: { ...manifest, publicKey: undefined },
    });
    // Written last, inside the transaction: if the file cannot be written, nothing is recorded either.
    const manifestPath = manifestPathFor(filePath);
    const tmp = `${manifestPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
    fs.renameSync(tmp, manifestPath);
    return { manifestPath, manifest };
  });
}

/** The fingerprint to print in the minutes' footer before sealing (makes the key on first use). */
export function sealFingerprint(host: SealHost): string {
  return ensureSealKey(host.dataDir).fingerprint;
}
