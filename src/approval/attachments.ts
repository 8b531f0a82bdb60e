// Files kept with a session: signature images and the signed scan (the paper signed by hand). Stored in
// the database as blobs with their SHA-256, so a backup or a bundle carries them.
import { createHash } from 'node:crypto';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { requireSession } from '../sessions/guard';
import { SCAN_LIMITS, sniffFile } from './file-types';
import type { AttachmentView } from './types';
import { attachmentIdSchema, fileScanSchema, sessionIdSchema } from './schema';

export type { AttachmentView };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function toAttachmentView(row: Row<'attachment'>): AttachmentView {
  const { bytes: _bytes, ...view } = row;
  return view;
}

/** Base64 → bytes, or a ValidationError naming the field. */
export function decodeBase64(value: string, field: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    throw new ValidationError(field, `${field}: not base64`, 'not_base64');
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/** Insert an attachment row inside the caller's transaction (type already checked by the caller). */
export async function insertAttachment(
  ctx: CoreContext,
  tx: Tx,
  values: { sessionId: string | null; kind: Row<'attachment'>['kind']; mime: Row<'attachment'>['mime']; fileName: string; bytes: Uint8Array },
): Promise<Row<'attachment'>> {
  const row: Row<'attachment'> = {
    id: newId(),
    ...values,
    byteSize: values.bytes.length,
    sha256: sha256Hex(values.bytes),
    createdAt: nowIso(ctx),
  };
  await tx.insertInto('attachment').values(row).execute();
  return row;
}

/** File the signed scan (PDF, JPEG or PNG, recognised by its bytes) with a session, locked or not. */
export async function fileSignedScan(ctx: CoreContext, input: unknown): Promise<AttachmentView> {
  const data = validate(fileScanSchema, input);
  const bytes = decodeBase64(data.contentBase64, 'contentBase64');
  if (bytes.length > SCAN_LIMITS.maxBytes) {
    throw new ValidationError('contentBase64', `the scan is larger than ${SCAN_LIMITS.maxBytes} bytes`, 'file_too_big', { max: SCAN_LIMITS.maxBytes });
  }
  const sniffed = sniffFile(bytes);
  if (!sniffed) throw new ValidationError('contentBase64', 'the scan must be a PDF, JPEG or PNG file', 'scan_type_not_allowed');
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    const row = await insertAttachment(ctx, tx, {
      sessionId: data.sessionId,
      kind: 'scan',
      mime: sniffed.mime,
      fileName: data.fileName,
      bytes,
    });
    const view = toAttachmentView(row);
    await recordAudit(ctx, tx, {
      action: 'minutes.scan.file',
      entity: 'attachment',
      entityId: row.id,
      sessionId: data.sessionId,
      after: view,
    });
    return view;
  });
}

export async function listAttachments(ctx: CoreContext, input: unknown): Promise<AttachmentView[]> {
  const data = validate(sessionIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    const rows = await tx.selectFrom('attachment').selectAll().where('sessionId', '=', data.sessionId).orderBy('createdAt').execute();
    return rows.map(toAttachmentView);
  });
}

/** The bytes of one attachment (to open or save it). */
export async function readAttachment(ctx: CoreContext, input: unknown): Promise<{ view: AttachmentView; bytes: Uint8Array }> {
  const data = validate(attachmentIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.selectFrom('attachment').selectAll().where('id', '=', data.attachmentId).executeTakeFirst();
    if (!row) throw new NotFoundError('attachmentId', 'attachment', data.attachmentId);
    return { view: toAttachmentView(row), bytes: new Uint8Array(row.bytes) };
  });
}
