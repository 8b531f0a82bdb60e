// Sealing a generated session document (decisions of the session, follow-up report, ...) when the
// settings ask for it (`sealedDocuments`): the .docx is generated from the record, hashed, and a manifest
// (document-manifest.ts) signed with this installation's key. The documents drawn from the session's
// outcome (decisions, follow-up) are approved with the minutes: they are sealed only once the minutes are
// approved and the session locked, and their manifest holds the record hash (council-record format of
// record.ts, unchanged). Those issued before the session (agenda, list of documents, convocation) are
// sealed as issued, without the record, which goes on growing during the session.
import type { CoreContext, Tx } from '../core/context';
import { inTransaction, newId, nowIso, recordAudit } from '../core/context';
import { codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { generateDocumentDocx } from '../documents/generate';
import { sealDocumentSchema } from '../documents/seal-schema';
import { requireSession } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import { DOCUMENT_SEAL_FORMAT, signDocumentManifest, type DocumentManifest } from './document-manifest';
import { ensureSealKey } from './keys';
import { MANIFEST_SUFFIX, RECORD_CANONICALIZATION } from './manifest';
import { corrigendaCountOf, loadSessionRecord, RECORD_FORMAT, recordSha256 } from './record';
import { sha256Hex, type SealHost } from './sign';
import type { SealedMinutes } from './types';

/** The documents that record what the session decided: approved with the minutes. */
export const AFTER_SESSION_KINDS: readonly string[] = ['decisions', 'follow-up'];

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SealedDocument {
  fileName: string;
  bytes: Buffer;
  manifest: DocumentManifest;
}

/** Generate, check the settings and the approval, sign and record; the caller writes the files. */
export async function sealDocumentBytes(ctx: CoreContext, input: unknown, host: SealHost): Promise<SealedDocument> {
  const data = validate(sealDocumentSchema, input);
  const key = ensureSealKey(host.dataDir);
  // Generated before the transaction (the renderer reads through ctx.db), then checked against the record
  // inside it: the record hash is taken in the same transaction that writes the seal.
  const bytes = await generateDocumentDocx(ctx, data.kind, data.sessionId, { lang: data.lang });
  return inTransaction(ctx, async (tx: Tx) => {
    const session = await requireSession(tx, data.sessionId);
    const settings = await readOrganisationSettings(tx);
    if (!settings.sealedDocuments.includes(data.kind)) {
      throw codedConflictError('kind', 'document_seal_not_enabled', `the settings do not ask for the ${data.kind} document to be sealed (sealedDocuments)`);
    }
    const after = AFTER_SESSION_KINDS.includes(data.kind);
    if (after && !session.lockedAt) {
      throw codedConflictError('kind', 'document_not_approved', `the ${data.kind} document is sealed once the minutes are approved (the session is not locked)`);
    }
    let record: DocumentManifest['record'] = null;
    if (after) {
      const corrigenda = await corrigendaCountOf(tx, session.id);
      const rec = await loadSessionRecord(tx, session.id, RECORD_FORMAT, { corrigendaUpTo: corrigenda });
      record = { format: RECORD_FORMAT, canonicalization: RECORD_CANONICALIZATION, sha256: recordSha256(rec), corrigenda };
    }
    const fileName = `${data.kind}-${session.kind}-${session.number}-${data.lang}.docx`;
    const signedAt = nowIso(ctx);
    const manifest = signDocumentManifest(
      {
        format: DOCUMENT_SEAL_FORMAT,
        file: { name: fileName, kind: 'docx', sha256: sha256Hex(bytes), bytes: bytes.length },
        document: { kind: data.kind, lang: data.lang },
        session: { id: session.id, kind: session.kind, number: session.number },
        record,
        publicKey: key.publicKeyPem,
        fingerprint: key.fingerprint,
        signedAt,
      },
      key.privateKey,
    );
    const sealId = newId();
    // The minutes' seal table, with no minutes version: the .zip carries it with the others.
    await tx
      .insertInto('sealRecord')
      .values({
        id: sealId,
        sessionId: session.id,
        minutesVersionId: null,
        fileKind: 'docx',
        fileName,
        fileSha256: manifest.file.sha256,
        recordSha256: record?.sha256 ?? '',
        fingerprint: manifest.fingerprint,
        signature: manifest.signature,
        signedAt,
      })
      .execute();
    await recordAudit(ctx, tx, { action: 'document.seal', entity: 'seal_record', entityId: sealId, sessionId: session.id, after: { ...manifest, publicKey: undefined } });
    return { fileName, bytes, manifest };
  });
}

/** For the UI: the sealed document and its manifest, as files to save side by side. */
export async function sealDocument(ctx: CoreContext, input: unknown, host: SealHost): Promise<SealedMinutes> {
  const sealed = await sealDocumentBytes(ctx, input, host);
  const manifestText = `${JSON.stringify(sealed.manifest, null, 2)}\n`;
  return {
    document: { fileName: sealed.fileName, mimeType: DOCX_MIME, base64: sealed.bytes.toString('base64') },
    manifest: { fileName: sealed.fileName + MANIFEST_SUFFIX, mimeType: 'application/json', base64: Buffer.from(manifestText, 'utf8').toString('base64') },
    fingerprint: sealed.manifest.fingerprint,
    signedAt: sealed.manifest.signedAt,
  };
}
