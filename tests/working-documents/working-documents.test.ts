// Working documents on a real SQLite file: each kind attached and read back byte for byte, look-alikes
// refused by their bytes, one symbol+language+version per session, the lock and the session links held by
// the database itself (raw SQL too), and `council check`'s hash comparison.
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, LockedSessionError, ValidationError } from '../../src/errors';
import {
  attachWorkingDocument,
  downloadWorkingDocument,
  listWorkingDocuments,
  removeWorkingDocument,
  workingDocumentHashProblems,
} from '../../src/working-documents/service';
import { removeAgendaItem } from '../../src/agenda/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord, lockSession, snapshot, type RecordIds } from '../lock/fixture';
import { b64, plainZip, smallDocx, smallPdf, smallXlsx } from './files';
import { png } from '../approval/images';
import '../../src/cli/commands/check';
import { runCli } from '../../src/cli/council';

let t: TempDb;
let ids: RecordIds;
beforeEach(async () => {
  t = await openTempDb();
  ids = insertSessionRecord(t.sqlite, 66);
});
afterEach(async () => {
  await t.cleanup();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const attach = (bytes: Buffer, extra: Record<string, unknown> = {}) =>
  attachWorkingDocument(t.ctx, { agendaItemId: ids.agendaItemId, symbol: 'EC/66/4', language: 'ar', fileName: 'doc.pdf', contentBase64: b64(bytes), ...extra });

async function refusedWith<E>(kind: new (...a: never[]) => E, fn: () => Promise<unknown>): Promise<E> {
  const before = snapshot(t.sqlite);
  const err = await fn().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(kind);
  expect(snapshot(t.sqlite)).toEqual(before);
  return err as E;
}

describe('attaching a working document', () => {
  it('stores a PDF, a .docx and an .xlsx with their type from the bytes, SHA-256 and size, and gives back the same bytes', async () => {
    const files = { pdf: smallPdf(), docx: await smallDocx(), xlsx: await smallXlsx() };
    const pdf = await attach(files.pdf, { symbol: 'EC/66/4/Rev.1', title: 'مشروع الميزانية', fileName: 'budget.pdf' });
    const docx = await attach(files.docx, { symbol: 'EC/66/5', language: 'en', version: 2, fileName: 'report' });
    const xlsx = await attach(files.xlsx, { symbol: 'EC/66/6', language: 'fr', fileName: 'annexe.xlsx' });
    expect(pdf).toMatchObject({ mime: 'application/pdf', byteSize: files.pdf.length, sha256: sha(files.pdf), version: 1, title: 'مشروع الميزانية', sessionId: ids.sessionId });
    expect(docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(xlsx.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const list = await listWorkingDocuments(t.ctx, { sessionId: ids.sessionId });
    expect(list.map((d) => d.symbol)).toEqual(['EC/66/4/Rev.1', 'EC/66/5', 'EC/66/6']);
    expect(list[0]).not.toHaveProperty('bytes');
    const got = await downloadWorkingDocument(t.ctx, { documentId: docx.id });
    expect(got.fileName).toBe('report.docx');
    expect(Buffer.from(got.base64, 'base64').equals(files.docx)).toBe(true);
    // The blob in the file is the bytes given.
    const raw = t.sqlite.prepare('select bytes, byte_size from working_document where id = ?').get(xlsx.id) as { bytes: Buffer; byte_size: number };
    expect(raw.bytes.equals(files.xlsx)).toBe(true);
    expect(raw.byte_size).toBe(files.xlsx.length);
  });

  it('refuses a file whose bytes are not a PDF, .docx or .xlsx, whatever its name, and stores nothing', async () => {
    for (const bytes of [png(32, 32), await plainZip(), await smallXlsx('application/vnd.ms-excel.sheet.macroEnabled.main+xml'), Buffer.from('%PDX-1.4 nearly')]) {
      const err = await refusedWith(ValidationError, () => attach(bytes, { fileName: 'looks-right.pdf' }));
      expect(err.field).toBe('contentBase64');
      expect(err.issues[0]?.code).toBe('file_type_not_allowed');
    }
  });

  it('refuses a file over the size cap', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30_000_000)]);
    const err = await refusedWith(ValidationError, () => attach(big));
    expect(err.issues[0]?.code).toBe('file_too_big');
  });

  it('takes one symbol + language + version once per session; another version or language is another document', async () => {
    await attach(smallPdf());
    const err = await refusedWith(ConflictError, () => attach(smallPdf('again')));
    expect(err.field).toBe('version');
    await attach(smallPdf(), { version: 2 });
    await attach(smallPdf(), { language: 'en' });
    // The database holds the rule too.
    expect(() =>
      t.sqlite
        .prepare(`insert into working_document select '${randomUUID()}', session_id, agenda_item_id, symbol, language, version, title, mime, file_name, byte_size, sha256, bytes, created_at from working_document limit 1`)
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('refuses strict inputs: an unknown field, a symbol on two lines', async () => {
    expect((await refusedWith(ValidationError, () => attach(smallPdf(), { comment: 'x' }))).message).toMatch(/comment/);
    expect((await refusedWith(ValidationError, () => attach(smallPdf(), { symbol: 'EC/66\n4' }))).field).toBe('symbol');
  });

  it('keeps the agenda item from being removed while a document hangs on it', async () => {
    t.sqlite.exec(`delete from note; delete from vote_ballot; delete from vote; delete from reservation; delete from referral; delete from action_item; delete from decision; delete from motion;`);
    await attach(smallPdf());
    const err = await removeAgendaItem(t.ctx, { id: ids.agendaItemId }).catch((e: unknown) => e);
    expect((err as ConflictError).message).toMatch(/1 working documents/);
  });
});

describe('the lock and the session links, in the database', () => {
  it('a locked session takes no new document and loses none, through the service and through raw SQL', async () => {
    const doc = await attach(smallPdf());
    lockSession(t.sqlite, ids.sessionId);
    expect((await refusedWith(LockedSessionError, () => attach(smallPdf(), { version: 2 }))).field).toBe('sessionId');
    await refusedWith(LockedSessionError, () => removeWorkingDocument(t.ctx, { documentId: doc.id }));
    expect(() => t.sqlite.prepare('delete from working_document').run()).toThrow(/LOCKED_SESSION/);
    expect(() => t.sqlite.prepare("update working_document set title = 'x'").run()).toThrow(/LOCKED_SESSION/);
    expect(() => t.sqlite.prepare("update working_document set bytes = x'00'").run()).toThrow(/LOCKED_SESSION/);
    expect(() =>
      t.sqlite.prepare(`insert or replace into working_document select * from working_document`).run(),
    ).toThrow(/LOCKED_SESSION/);
    // The download still works: a locked document is read, never changed.
    expect((await downloadWorkingDocument(t.ctx, { documentId: doc.id })).sha256).toBe(doc.sha256);
  });

  it('a document cannot be put on an agenda item of another session, nor moved to another session', async () => {
    const other = insertSessionRecord(t.sqlite, 67);
    const doc = await attach(smallPdf());
    expect(() => t.sqlite.prepare('update working_document set session_id = ? where id = ?').run(other.sessionId, doc.id)).toThrow(/SESSION_MISMATCH/);
    expect(() => t.sqlite.prepare('update working_document set agenda_item_id = ? where id = ?').run(other.agendaItemId, doc.id)).toThrow(/SESSION_MISMATCH/);
    expect(() =>
      t.sqlite
        .prepare(`insert into working_document select ?, ?, ?, 'EC/67/1', language, version, title, mime, file_name, byte_size, sha256, bytes, created_at from working_document`)
        .run(randomUUID(), ids.sessionId, other.agendaItemId),
    ).toThrow(/SESSION_MISMATCH/);
    expect(() => t.sqlite.prepare('update agenda_item set session_id = ? where id = ?').run(other.sessionId, ids.agendaItemId)).toThrow();
  });
});

describe('council check of the stored hashes', () => {
  it('names a document whose bytes no longer match their SHA-256', async () => {
    const doc = await attach(smallPdf());
    expect(await workingDocumentHashProblems(t.db)).toEqual([]);
    const tampered = smallPdf('EC/66/9');
    // Changed behind the app's back, keeping the recorded size so only the hash tells.
    t.sqlite.prepare('update working_document set bytes = ?, byte_size = ? where id = ?').run(tampered, tampered.length, doc.id);
    const problems = await workingDocumentHashProblems(t.db);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ session: 'ordinary:66' });
    expect(problems[0]!.message).toMatch(/EC\/66\/4 \(ar, version 1\)/);
    const err = await downloadWorkingDocument(t.ctx, { documentId: doc.id }).catch((e: unknown) => e);
    expect((err as ConflictError).field).toBe('documentId');
  });

  it('`council check` reads the file and says which document is damaged (exit 1), and ok before', async () => {
    const doc = await attach(smallPdf());
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    expect(await runCli(['check', '--db', t.path], io)).toBe(0);
    expect(lines).toContain('working documents: 1 stored, every SHA-256 matches');
    t.sqlite.prepare("update working_document set sha256 = ? where id = ?").run('0'.repeat(64), doc.id);
    lines.length = 0;
    expect(await runCli(['check', '--db', t.path], io)).toBe(1);
    expect(lines).toContain('working documents: 1 damaged');
    expect(lines.some((l) => l.includes('session ordinary:66: working document EC/66/4 (ar, version 1)'))).toBe(true);
  });
});
