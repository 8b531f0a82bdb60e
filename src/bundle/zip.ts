// One session as one .zip, to move it to another laptop:
//   session.json     the session's record (the session-bundle JSON of bundle/export.ts)
//   approval.json    minutes versions, signatories, corrigenda, seals, and the list of files below
//   attachments/...  signature images, signed scans, the organisation's logo
//   hashes.json      the SHA-256 of every other file, checked before anything is read
//   documents/...    working documents (PDF, DOCX, XLSX) of the agenda items, listed in approval.json
// Importing a session that is already here writes nothing: it returns what differs and the choices
// (replace or keep); only an explicit choice writes. A locked session arrives locked.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { withLockOverride } from '../approval/lock';
import { inTransaction, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import { ConflictError, SealNotVerifiedError, ValidationError } from '../errors';
import { installationPublicKey, parsePublicKey } from '../seal/keys';
import { manifestSchema, manifestSignatureValid } from '../seal/manifest';
import { checkImportedSeal, trustedKeys, type TrustedImportKey } from './zip-seal';
import { parseBundleBytes } from './bytes';
import { validate } from '../errors/validate';
import { readOrganisationSettings } from '../settings/service';
import { exportSessionBundle } from './export';
import { importSessionBundle } from './import';
import { sessionBundleSchema, type SessionBundle } from './schema';
import { diffSessions } from './zip-diff';
import { sniffWorkingDocument } from '../working-documents/file-type';
import { WORKING_DOCUMENT_TYPES } from '../working-documents/types';
import { bytesMatchType, readZipEntries } from './zip-read';
import { nestedContext } from './zip-tx';
import {
  approvalPartSchema,
  exportZipSchema,
  hashesSchema,
  importZipSchema,
  ZIP_FORMAT,
  ZIP_VERSION,
  ZIP_VERSION_WITH_DOCUMENTS,
  type ApprovalPart,
  type ZipImportResult,
} from './zip-schema';

const MAX_ZIP_BYTES = 200_000_000;

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const extOf = (mime: string) => (mime === 'image/png' ? 'png' : mime === 'image/jpeg' ? 'jpg' : 'pdf');

/** Where this installation's seal key lives (the host's data folder), to trust it when importing. */
export interface ZipHost {
  dataDir?: string;
}

/**
 * A seal made before migration 0012 has no stored manifest: its audit entry (minutes.seal) holds every field
 * but the public key; when the seal is this installation's, its key completes it (and the signature proves it).
 */
async function manifestFromAudit(tx: Tx, sealId: string, own: { publicKeyPem: string; fingerprint: string } | null): Promise<string | null> {
  if (!own) return null;
  const entry = await tx.selectFrom('auditEntry').select('afterJson').where('action', '=', 'minutes.seal').where('entityId', '=', sealId).executeTakeFirst();
  if (!entry?.afterJson) return null;
  try {
    const parsed = manifestSchema.safeParse({ ...(JSON.parse(entry.afterJson) as object), publicKey: own.publicKeyPem });
    return parsed.success && parsed.data.fingerprint === own.fingerprint && manifestSignatureValid(parsed.data) ? JSON.stringify(parsed.data) : null;
  } catch {
    return null;
  }
}

async function approvalOf(tx: Tx, sessionId: string, host: ZipHost = {}): Promise<{ part: ApprovalPart; files: Map<string, Uint8Array> }> {
  const files = new Map<string, Uint8Array>();
  const attachments = await tx.selectFrom('attachment').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute();
  const part: ApprovalPart = {
    minutesVersions: await tx.selectFrom('minutesVersion').selectAll().where('sessionId', '=', sessionId).orderBy('version').execute(),
    signatories: await tx.selectFrom('signatory').selectAll().where('sessionId', '=', sessionId).orderBy('position').execute(),
    corrigenda: await tx.selectFrom('corrigendum').selectAll().where('sessionId', '=', sessionId).orderBy('number').execute(),
    sealRecords: await tx.selectFrom('sealRecord').selectAll().where('sessionId', '=', sessionId).orderBy('signedAt').orderBy('id').execute(),
    attachments: attachments.map(({ bytes, ...a }) => {
      const path = `attachments/${a.kind}-${a.id}.${extOf(a.mime)}`;
      files.set(path, new Uint8Array(bytes));
      return { ...a, path };
    }),
    logo: null,
    workingDocuments: [],
  };
  const documents = await tx.selectFrom('workingDocument').selectAll().where('sessionId', '=', sessionId).orderBy('symbol').orderBy('language').orderBy('version').orderBy('id').execute();
  for (const { bytes, ...d } of documents) {
    const path = `documents/${d.id}.${WORKING_DOCUMENT_TYPES[d.mime]}`;
    files.set(path, new Uint8Array(bytes));
    part.workingDocuments.push({ ...d, path });
  }
  const own = host.dataDir ? installationPublicKey(host.dataDir) : null;
  for (const r of part.sealRecords) if (!r.manifestJson) r.manifestJson = await manifestFromAudit(tx, r.id, own);
  return { part, files };
}

export interface SessionZip {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

export async function exportSessionZip(ctx: CoreContext, input: unknown, host: ZipHost = {}): Promise<SessionZip> {
  const { sessionId } = validate(exportZipSchema, input);
  return inTransaction(ctx, async (tx) => {
    const bundle = await exportSessionBundle(tx, sessionId, ctx.now());
    const { part, files } = await approvalOf(tx, sessionId, host);
    const settings = await readOrganisationSettings(tx);
    if (settings.logoBase64) {
      const logo = new Uint8Array(Buffer.from(settings.logoBase64, 'base64'));
      const mime = logo[0] === 0x89 ? 'image/png' : 'image/jpeg';
      const path = `attachments/logo.${extOf(mime)}`;
      files.set(path, logo);
      part.logo = { path, mime, sha256: sha256(logo) };
    }
    const zip = new JSZip();
    const hashes: Record<string, string> = {};
    const put = (path: string, content: Uint8Array | string) => {
      zip.file(path, content, { date: new Date(bundle.exportedAt) });
      hashes[path] = sha256(content);
    };
    put('session.json', `${JSON.stringify(bundle, null, 2)}\n`);
    put('approval.json', `${JSON.stringify(part, null, 2)}\n`);
    for (const [path, bytes] of files) put(path, bytes);
    const version = part.workingDocuments.length ? ZIP_VERSION_WITH_DOCUMENTS : ZIP_VERSION;
    zip.file('hashes.json', `${JSON.stringify({ format: ZIP_FORMAT, version, files: hashes }, null, 2)}\n`, {
      date: new Date(bundle.exportedAt),
    });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const s = bundle.session;
    return { fileName: `session-${s.kind}-${s.number}.zip`, bytes, sha256: sha256(bytes) };
  });
}

interface ReadZip {
  bundle: SessionBundle;
  approval: ApprovalPart;
  files: Map<string, Uint8Array>;
}

/** What an archive may inflate to in all (the attachments are limited well below this). */
const MAX_UNZIPPED_BYTES = 400_000_000;
const MAX_ENTRIES = 10_000;

/** Open the archive and check it whole before anything is trusted: sizes, names, hashes, shapes, attachment bytes. */
async function readZip(bytes: Uint8Array): Promise<ReadZip> {
  if (bytes.length > MAX_ZIP_BYTES) throw new ValidationError('zip', `the archive is larger than ${MAX_ZIP_BYTES} bytes`, 'archive_too_big', { max: MAX_ZIP_BYTES });
  // Inflated under a byte cap, entry by entry (zip-read.ts): never trusting the sizes the archive declares.
  const entries = readZipEntries(bytes, { maxTotalBytes: MAX_UNZIPPED_BYTES, maxEntries: MAX_ENTRIES });
  const hashBytes = entries.get('hashes.json');
  if (!hashBytes) throw new ValidationError('zip', 'not a session archive: hashes.json is missing', 'archive_not_session');
  let hashesJson: unknown;
  try {
    hashesJson = JSON.parse(Buffer.from(hashBytes).toString('utf8'));
  } catch (err) {
    throw new ValidationError('zip', `hashes.json cannot be read: ${(err as Error).message}`, 'archive_damaged');
  }
  const hashes = validate(hashesSchema, hashesJson, 'hashes.json');
  const contents = new Map<string, Uint8Array>();
  for (const [name, data] of entries) {
    if (name === 'hashes.json') continue;
    const expected = hashes.files[name];
    if (!expected) throw new ValidationError('zip', `${name} is not listed in hashes.json`, 'archive_altered');
    if (sha256(data) !== expected) throw new ValidationError('zip', `${name} does not match its hash: the archive was altered or damaged`, 'archive_altered');
    contents.set(name, data);
  }
  for (const name of Object.keys(hashes.files)) {
    if (!contents.has(name)) throw new ValidationError('zip', `${name} is listed in hashes.json but missing`, 'archive_altered');
  }
  // Strict UTF-8, as for a bundle file: invalid bytes are refused naming the field, never turned into U+FFFD.
  const text = (name: string) => {
    const b = contents.get(name);
    if (!b) throw new ValidationError('zip', `${name} is missing`, 'archive_altered');
    try {
      return parseBundleBytes(b, name);
    } catch (err) {
      // Not JSON at all: the archive is what is wrong (a UTF-8 fault keeps the field it sits in).
      if (err instanceof ValidationError && err.field === 'file') throw new ValidationError('zip', err.message, err.issues[0]?.code ?? 'archive_damaged');
      throw err;
    }
  };
  const bundle = validate(sessionBundleSchema, text('session.json'), 'session.json');
  const approval = validate(approvalPartSchema, text('approval.json'), 'approval.json');
  for (const a of approval.attachments) {
    const b = contents.get(a.path);
    if (!b || sha256(b) !== a.sha256) throw new ValidationError('zip', `attachment ${a.path} is missing or does not match its SHA-256`, 'archive_altered');
    if (a.sessionId !== bundle.session.id) throw new ValidationError('zip', `attachment ${a.id} belongs to another session`, 'archive_other_session');
    if (!bytesMatchType(b, a.mime)) throw new ValidationError('zip', `attachment ${a.path} is not a ${a.mime} file (its first bytes say otherwise)`, 'archive_altered');
  }
  if (approval.logo) {
    const logo = contents.get(approval.logo.path);
    if (!logo || sha256(logo) !== approval.logo.sha256 || !bytesMatchType(logo, approval.logo.mime)) {
      throw new ValidationError('zip', `the logo ${approval.logo.path} is missing, does not match its SHA-256, or is not a ${approval.logo.mime} file`, 'archive_altered');
    }
  }
  checkWorkingDocuments(bundle, approval, contents);
  const rowsBySession: [string, { sessionId: string }[]][] = [
    ['minutesVersions', approval.minutesVersions],
    ['signatories', approval.signatories],
    ['corrigenda', approval.corrigenda],
    ['sealRecords', approval.sealRecords],
  ];
  for (const [name, rows] of rowsBySession) {
    if (rows.some((r) => r.sessionId !== bundle.session.id)) throw new ValidationError('zip', `approval.json ${name}: a row of another session`, 'archive_other_session');
  }
  return { bundle, approval, files: contents };
}

/** Each working document: its bytes there, matching its SHA-256 and size, of its declared type, on an item of this session, once. */
function checkWorkingDocuments(bundle: SessionBundle, approval: ApprovalPart, contents: Map<string, Uint8Array>): void {
  const items = new Set(bundle.agendaItems.map((i) => i.id));
  const seen = new Set<string>();
  for (const d of approval.workingDocuments) {
    const where = `working document ${d.symbol} (${d.language}, version ${d.version})`;
    if (!d.path.startsWith('documents/')) throw new ValidationError('zip', `${where}: its file must be under documents/`, 'archive_damaged');
    const b = contents.get(d.path);
    if (!b || sha256(b) !== d.sha256 || b.length !== d.byteSize) throw new ValidationError('zip', `${where}: ${d.path} is missing or does not match its SHA-256 and size`, 'archive_altered');
    if (sniffWorkingDocument(b) !== d.mime) throw new ValidationError('zip', `${where}: ${d.path} is not a ${d.mime} file (its bytes say otherwise)`, 'archive_altered');
    if (d.sessionId !== bundle.session.id || !items.has(d.agendaItemId)) throw new ValidationError('zip', `${where}: not on an agenda item of this session`, 'archive_other_session');
    const key = `${d.symbol}\u0000${d.language}\u0000${d.version}`;
    if (seen.has(key)) throw new ValidationError('zip', `${where}: listed twice`, 'archive_damaged');
    seen.add(key);
  }
}

export async function importSessionZip(ctx: CoreContext, input: unknown, host: ZipHost = {}): Promise<ZipImportResult> {
  const data = validate(importZipSchema, input);
  if (data.publicKeyPem !== undefined) {
    try {
      parsePublicKey(data.publicKeyPem.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new ValidationError('publicKeyPem', `not an Ed25519 public key: ${(err as Error).message}`, 'not_public_key');
    }
  }
  const bytes = data.zipBytes ?? new Uint8Array(Buffer.from(data.zipBase64!, 'base64'));
  const incoming = await readZip(bytes);
  const s = incoming.bundle.session;
  const keys = trustedKeys(host.dataDir ? installationPublicKey(host.dataDir)?.publicKeyPem : null, data.publicKeyPem?.replace(/^\uFEFF/, ''));

  return inTransaction(ctx, async (tx) => {
    const existing = await tx
      .selectFrom('councilSession')
      .select(['id', 'lockedAt'])
      .where((eb) => eb.or([eb('id', '=', s.id), eb.and([eb('kind', '=', s.kind), eb('number', '=', s.number)])]))
      .execute();
    if (existing.length > 1) throw new ConflictError('zip', 'the archive matches two sessions here (by id and by number)', 'archive_two_sessions');
    const here = existing[0];
    if (here && !data.choice) {
      const local = { bundle: await exportSessionBundle(tx, here.id, ctx.now()), approval: (await approvalOf(tx, here.id)).part };
      const { sessionFieldsChanged, differences } = diffSessions(local, incoming);
      return {
        status: 'exists',
        existingSessionId: here.id,
        existingLocked: here.lockedAt !== null,
        identical: sessionFieldsChanged.length === 0 && differences.length === 0,
        sessionFieldsChanged,
        differences,
        choices: ['replace', 'keep'],
      };
    }
    if (here && data.choice === 'keep') return { status: 'kept', existingSessionId: here.id };
    if (!here && data.choice) throw new ValidationError('choice', 'the session is not here yet: import it without a choice', 'archive_session_absent');

    if (here) await clearApprovalRows(ctx, tx, here.id, here.lockedAt !== null);
    // The bundle importer puts the record in unlocked and sets the lock last; the approval tables below
    // are not under the lock triggers (corrigenda are append-only), so they can follow it.
    const nested = nestedContext(ctx, tx);
    const result = await importSessionBundle(nested, incoming.bundle, { replace: Boolean(here), sealCheckedByZip: true });
    const warnings = [...result.warnings];
    const rows = { ...result.rows, ...(await insertApprovalRows(tx, incoming, warnings)) };
    const seal = await sealOfLocked(ctx, tx, incoming, keys, data.unverifiedCopy === true);
    await recordAudit(ctx, tx, {
      action: here ? 'bundle.zip.replace' : 'bundle.zip.import',
      entity: 'council_session',
      entityId: s.id,
      sessionId: s.id,
      after: { kind: s.kind, number: s.number, lockedAt: s.lockedAt, rows, ...seal },
    });
    return { status: 'imported', sessionId: s.id, replaced: Boolean(here), locked: s.lockedAt !== null && !seal.unverifiedCopy, rows, warnings, ...seal };
  });
}

/**
 * A locked session stays locked only with a seal that verifies against the record just written and a
 * trusted key; else the import is refused (the transaction, and so every row, rolls back), or, when asked,
 * the session is unlocked and marked an unverified copy.
 */
async function sealOfLocked(
  ctx: CoreContext,
  tx: Tx,
  z: ReadZip,
  keys: TrustedImportKey[],
  asCopy: boolean,
): Promise<{ verifiedBy?: TrustedImportKey; unverifiedCopy?: { reason: string; detail: string } }> {
  const s = z.bundle.session;
  if (s.lockedAt === null) return {};
  const check = await checkImportedSeal(tx, s.id, z.approval.sealRecords.map((r) => r.manifestJson), keys);
  if (check.verified) return { verifiedBy: check.key };
  if (!asCopy) throw new SealNotVerifiedError(check.reason, check.detail, check.reason === 'wrong_key' || check.reason === 'no_trusted_key' ? 'publicKeyPem' : 'zip');
  await withLockOverride(tx, s.id, 'imported as an unverified copy', async () => {
    await tx.updateTable('councilSession').set({ lockedAt: null }).where('id', '=', s.id).execute();
  });
  await tx
    .insertInto('unverifiedCopy')
    .values({ sessionId: s.id, reason: check.reason, detail: check.detail, claimedLockedAt: s.lockedAt, importedAt: nowIso(ctx) })
    .execute();
  return { unverifiedCopy: { reason: check.reason, detail: check.detail } };
}

/** Before replacing: the approval rows of the session here go (a locked one is unlocked, audited). */
async function clearApprovalRows(ctx: CoreContext, tx: Tx, sessionId: string, locked: boolean): Promise<void> {
  await withLockOverride(tx, sessionId, 'replaced by a session archive', async () => {
    if (locked) await tx.updateTable('councilSession').set({ lockedAt: null }).where('id', '=', sessionId).execute();
    await tx.deleteFrom('sealRecord').where('sessionId', '=', sessionId).execute();
    await tx.deleteFrom('minutesVersion').where('sessionId', '=', sessionId).execute();
    await tx.deleteFrom('signatory').where('sessionId', '=', sessionId).execute();
    await tx.deleteFrom('corrigendum').where('sessionId', '=', sessionId).execute();
    await tx.deleteFrom('attachment').where('sessionId', '=', sessionId).execute();
    await tx.deleteFrom('workingDocument').where('sessionId', '=', sessionId).execute();
    await tx.deleteFrom('unverifiedCopy').where('sessionId', '=', sessionId).execute();
  });
  if (locked) {
    await recordAudit(ctx, tx, {
      action: 'session.unlock',
      entity: 'council_session',
      entityId: sessionId,
      sessionId,
      after: { lockedAt: null, reason: 'replaced by a session archive' },
    });
  }
}

async function insertApprovalRows(tx: Tx, z: ReadZip, warnings: string[]): Promise<Record<string, number>> {
  const a = z.approval;
  for (const att of a.attachments) {
    const { path, ...row } = att;
    await tx.insertInto('attachment').values({ ...row, bytes: z.files.get(path)! }).execute();
  }
  if (a.signatories.length) await tx.insertInto('signatory').values(a.signatories).execute();
  if (a.corrigenda.length) await tx.insertInto('corrigendum').values(a.corrigenda).execute();
  for (const v of a.minutesVersions) {
    // Approved at a sitting of a later session that this laptop may not have: keep the words, drop the link.
    let row = v;
    if (v.approvedBySittingId) {
      const sitting = await tx.selectFrom('sitting').select('id').where('id', '=', v.approvedBySittingId).executeTakeFirst();
      if (!sitting) {
        row = { ...v, approvedBySittingId: null, approvedAtSession: v.approvedAtSession ?? `sitting ${v.approvedBySittingId}` };
        warnings.push(`minutes version ${v.version}: the approving sitting is not in this database; kept as text`);
      }
    }
    await tx.insertInto('minutesVersion').values(row).execute();
  }
  if (a.sealRecords.length) await tx.insertInto('sealRecord').values(a.sealRecords).execute();
  // Written after the record, which the bundle importer may already have locked: under the override.
  if (a.workingDocuments.length) {
    await withLockOverride(tx, z.bundle.session.id, 'working documents of an imported session archive', async () => {
      for (const { path, ...row } of a.workingDocuments) await tx.insertInto('workingDocument').values({ ...row, bytes: z.files.get(path)! }).execute();
    });
  }
  return {
    workingDocument: a.workingDocuments.length,
    attachment: a.attachments.length,
    signatory: a.signatories.length,
    corrigendum: a.corrigenda.length,
    minutesVersion: a.minutesVersions.length,
    sealRecord: a.sealRecords.length,
  };
}
