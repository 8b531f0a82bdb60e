// Who signs a session's minutes: one signatory per role of settings.signatoryRoles (the Chair of the
// Council, the Director-General...), with titles in the three languages and an optional signature image
// (PNG or JPEG, checked by its bytes and size) placed in the signature block. Editable until the minutes
// are signed.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { decodeBase64, insertAttachment } from '../approval/attachments';
import { signatureImageProblem, sniffFile } from '../approval/file-types';
import { requireSession } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import { listSignatoriesSchema, removeSignatorySchema, setSignatorySchema } from './schema';
import type { SignatoryView } from './types';

async function assertNotSigned(tx: Tx, sessionId: string): Promise<void> {
  const signed = await tx
    .selectFrom('minutesVersion')
    .select('version')
    .where('sessionId', '=', sessionId)
    .where('status', '=', 'signed')
    .executeTakeFirst();
  if (signed) throw new ConflictError('sessionId', `the minutes are signed (version ${signed.version}): signatories are final`, 'signatories_final', { version: signed.version });
}

async function toView(tx: Tx, row: Row<'signatory'>): Promise<SignatoryView> {
  let signature: SignatoryView['signature'] = null;
  if (row.signatureAttachmentId) {
    const a = await tx
      .selectFrom('attachment')
      .select(['id', 'mime', 'sha256', 'byteSize'])
      .where('id', '=', row.signatureAttachmentId)
      .executeTakeFirstOrThrow();
    signature = { attachmentId: a.id, mime: a.mime, sha256: a.sha256, byteSize: a.byteSize };
  }
  const { signatureAttachmentId: _a, createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, signature };
}

export async function setSignatory(ctx: CoreContext, input: unknown): Promise<SignatoryView> {
  const data = validate(setSignatorySchema, input);
  let image: Uint8Array | null | undefined;
  if (data.signatureImageBase64 === null) image = null;
  else if (data.signatureImageBase64 !== undefined) {
    image = decodeBase64(data.signatureImageBase64, 'signatureImageBase64');
    const problem = signatureImageProblem(image);
    if (problem) throw new ValidationError('signatureImageBase64', `signature image: ${problem}`, 'signature_image_invalid');
  }
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    await assertNotSigned(tx, data.sessionId);
    const settings = await readOrganisationSettings(tx);
    const position = settings.signatoryRoles.findIndex((r) => r.key === data.roleKey);
    const role = settings.signatoryRoles[position];
    if (!role) throw new NotFoundError('roleKey', 'signatory role', data.roleKey);
    const before = await tx
      .selectFrom('signatory')
      .selectAll()
      .where('sessionId', '=', data.sessionId)
      .where('roleKey', '=', data.roleKey)
      .executeTakeFirst();
    let signatureAttachmentId = before?.signatureAttachmentId ?? null;
    if (image === null) signatureAttachmentId = null;
    else if (image) {
      const mime = sniffFile(image)!.mime;
      const att = await insertAttachment(ctx, tx, {
        sessionId: data.sessionId,
        kind: 'signature',
        mime,
        fileName: `signature-${data.roleKey}.${mime === 'image/png' ? 'png' : 'jpg'}`,
        bytes: image,
      });
      signatureAttachmentId = att.id;
    }
    const at = nowIso(ctx);
    const row: Row<'signatory'> = {
      id: before?.id ?? newId(),
      sessionId: data.sessionId,
      roleKey: data.roleKey,
      position: position + 1,
      fullName: data.fullName,
      titleAr: data.titleAr ?? before?.titleAr ?? role.title.ar,
      titleEn: data.titleEn ?? before?.titleEn ?? role.title.en,
      titleFr: data.titleFr ?? before?.titleFr ?? role.title.fr,
      signatureAttachmentId,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    if (before) {
      const { id: _id, createdAt: _c, ...changes } = row;
      await tx.updateTable('signatory').set(changes).where('id', '=', row.id).execute();
    } else {
      await tx.insertInto('signatory').values(row).execute();
    }
    await recordAudit(ctx, tx, {
      action: before ? 'signatory.update' : 'signatory.add',
      entity: 'signatory',
      entityId: row.id,
      sessionId: row.sessionId,
      before,
      after: row,
    });
    return toView(tx, row);
  });
}

export async function removeSignatory(ctx: CoreContext, input: unknown): Promise<{ removed: string }> {
  const data = validate(removeSignatorySchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    await assertNotSigned(tx, data.sessionId);
    const before = await tx
      .selectFrom('signatory')
      .selectAll()
      .where('sessionId', '=', data.sessionId)
      .where('roleKey', '=', data.roleKey)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('roleKey', 'signatory', data.roleKey);
    await tx.deleteFrom('signatory').where('id', '=', before.id).execute();
    await recordAudit(ctx, tx, {
      action: 'signatory.remove',
      entity: 'signatory',
      entityId: before.id,
      sessionId: before.sessionId,
      before,
    });
    return { removed: before.id };
  });
}

export async function listSignatories(ctx: CoreContext, input: unknown): Promise<SignatoryView[]> {
  const data = validate(listSignatoriesSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    const rows = await tx.selectFrom('signatory').selectAll().where('sessionId', '=', data.sessionId).orderBy('position').execute();
    return Promise.all(rows.map((r) => toView(tx, r)));
  });
}

/** For the minutes generator: each signatory with the bytes of their signature image. */
export async function signatoriesForMinutes(
  ctx: CoreContext,
  sessionId: string,
): Promise<(SignatoryView & { signatureImage: { mime: string; bytes: Uint8Array } | null })[]> {
  const views = await listSignatories(ctx, { sessionId });
  return inTransaction(ctx, async (tx) =>
    Promise.all(
      views.map(async (v) => {
        if (!v.signature) return { ...v, signatureImage: null };
        const a = await tx.selectFrom('attachment').select(['mime', 'bytes']).where('id', '=', v.signature.attachmentId).executeTakeFirstOrThrow();
        return { ...v, signatureImage: { mime: a.mime, bytes: new Uint8Array(a.bytes) } };
      }),
    ),
  );
}
