// Working documents: the files (PDF, DOCX, XLSX) the secretariat circulates for an agenda item, kept in
// the database with their SHA-256 so a backup or the session .zip carries them, and locked with the
// session (migration 0017's triggers, behind assertSessionWritable).
import { createHash } from 'node:crypto';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { codedConflictError, codedValidationError, NotFoundError } from '../errors';
import { validate } from '../errors/validate';
import { decodeBase64 } from '../approval/attachments';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { sniffWorkingDocument } from './file-type';
import { attachWorkingDocumentSchema, listWorkingDocumentsSchema, workingDocumentIdSchema } from './schema';
import { WORKING_DOCUMENT_MAX_BYTES, WORKING_DOCUMENT_TYPES, type WorkingDocument } from './types';

export function toWorkingDocument(row: Row<'workingDocument'>): WorkingDocument {
  const { bytes: _bytes, ...view } = row;
  return view;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Refuse bytes that are too large or not a PDF, .docx or .xlsx, naming the field. */
export function checkedDocumentBytes(bytes: Uint8Array, field: string): Row<'workingDocument'>['mime'] {
  if (bytes.length > WORKING_DOCUMENT_MAX_BYTES) {
    throw codedValidationError(field, 'file_too_big', `${field}: the file is larger than ${WORKING_DOCUMENT_MAX_BYTES} bytes`, { max: WORKING_DOCUMENT_MAX_BYTES });
  }
  const mime = sniffWorkingDocument(bytes);
  if (!mime) throw codedValidationError(field, 'file_type_not_allowed', `${field}: not a PDF, Word (.docx) or Excel (.xlsx) file (its bytes say otherwise)`);
  return mime;
}

async function requireDocument(tx: Tx, documentId: string): Promise<Row<'workingDocument'>> {
  const row = await tx.selectFrom('workingDocument').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!row) throw new NotFoundError('documentId', 'working document', documentId);
  return row;
}

export async function attachWorkingDocument(ctx: CoreContext, input: unknown): Promise<WorkingDocument> {
  const data = validate(attachWorkingDocumentSchema, input);
  const bytes = decodeBase64(data.contentBase64, 'contentBase64');
  const mime = checkedDocumentBytes(bytes, 'contentBase64');
  return inTransaction(ctx, async (tx) => {
    const item = await tx.selectFrom('agendaItem').select(['id', 'sessionId']).where('id', '=', data.agendaItemId).executeTakeFirst();
    if (!item) throw new NotFoundError('agendaItemId', 'agenda item', data.agendaItemId);
    await assertSessionWritable(tx, item.sessionId);
    const same = await tx
      .selectFrom('workingDocument')
      .select('id')
      .where('sessionId', '=', item.sessionId)
      .where('symbol', '=', data.symbol)
      .where('language', '=', data.language)
      .where('version', '=', data.version)
      .executeTakeFirst();
    if (same) {
      throw codedConflictError('version', 'duplicate_document_version', `${data.symbol} (${data.language}) version ${data.version} is already attached in this session`);
    }
    const row: Row<'workingDocument'> = {
      id: newId(),
      sessionId: item.sessionId,
      agendaItemId: item.id,
      symbol: data.symbol,
      language: data.language,
      version: data.version,
      title: data.title,
      mime,
      fileName: data.fileName,
      byteSize: bytes.length,
      sha256: sha256Hex(bytes),
      bytes,
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('workingDocument').values(row).execute();
    const view = toWorkingDocument(row);
    await recordAudit(ctx, tx, { action: 'workingDocument.attach', entity: 'working_document', entityId: row.id, sessionId: row.sessionId, after: view });
    return view;
  });
}

export async function listWorkingDocuments(ctx: CoreContext, input: unknown): Promise<WorkingDocument[]> {
  const data = validate(listWorkingDocumentsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    return listWorkingDocumentsTx(tx, data.sessionId, data.agendaItemId);
  });
}

/** The session's documents without their bytes: by symbol, language, version. */
export async function listWorkingDocumentsTx(tx: Pick<Tx, 'selectFrom'>, sessionId: string, agendaItemId?: string): Promise<WorkingDocument[]> {
  let q = tx
    .selectFrom('workingDocument')
    .select(['id', 'sessionId', 'agendaItemId', 'symbol', 'language', 'version', 'title', 'mime', 'fileName', 'byteSize', 'sha256', 'createdAt'])
    .where('sessionId', '=', sessionId);
  if (agendaItemId) q = q.where('agendaItemId', '=', agendaItemId);
  return q.orderBy('symbol').orderBy('language').orderBy('version').execute();
}

/** One document as a file to save, its bytes checked against the stored SHA-256 first. */
export async function downloadWorkingDocument(
  ctx: CoreContext,
  input: unknown,
): Promise<{ fileName: string; mimeType: string; base64: string; sha256: string }> {
  const { documentId } = validate(workingDocumentIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireDocument(tx, documentId);
    const bytes = new Uint8Array(row.bytes);
    if (sha256Hex(bytes) !== row.sha256) {
      throw codedConflictError('documentId', 'invalid', `${row.symbol}: the stored file does not match its SHA-256 (run council check)`);
    }
    const ext = WORKING_DOCUMENT_TYPES[row.mime];
    const fileName = row.fileName.toLowerCase().endsWith(`.${ext}`) ? row.fileName : `${row.fileName}.${ext}`;
    return { fileName, mimeType: row.mime, base64: Buffer.from(bytes).toString('base64'), sha256: row.sha256 };
  });
}

export async function removeWorkingDocument(ctx: CoreContext, input: unknown): Promise<{ removed: string }> {
  const { documentId } = validate(workingDocumentIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireDocument(tx, documentId);
    await assertSessionWritable(tx, row.sessionId);
    await tx.deleteFrom('workingDocument').where('id', '=', documentId).execute();
    await recordAudit(ctx, tx, {
      action: 'workingDocument.remove',
      entity: 'working_document',
      entityId: row.id,
      sessionId: row.sessionId,
      before: toWorkingDocument(row),
    });
    return { removed: documentId };
  });
}

/** Every stored document whose bytes no longer match their SHA-256 or size (for `council check`). */
export async function workingDocumentHashProblems(db: Pick<Tx, 'selectFrom'>): Promise<{ session: string; field: string; message: string }[]> {
  const rows = await db
    .selectFrom('workingDocument')
    .innerJoin('councilSession', 'councilSession.id', 'workingDocument.sessionId')
    .select(['workingDocument.id', 'symbol', 'language', 'version', 'sha256', 'byteSize', 'bytes', 'councilSession.kind', 'councilSession.number'])
    .execute();
  const out: { session: string; field: string; message: string }[] = [];
  for (const r of rows) {
    const bytes = new Uint8Array(r.bytes);
    if (bytes.length !== r.byteSize || sha256Hex(bytes) !== r.sha256) {
      out.push({
        session: `${r.kind}:${r.number}`,
        field: `workingDocuments.${r.id}`,
        message: `working document ${r.symbol} (${r.language}, version ${r.version}): the stored bytes do not match their SHA-256 or size`,
      });
    }
  }
  return out;
}
