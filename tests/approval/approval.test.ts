// Versions of the minutes, approval (which locks), corrigenda after the lock, signatories, the signed scan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSignedScan, listAttachments, readAttachment } from '../../src/approval/attachments';
import {
  approveMinutes,
  circulateMinutes,
  createMinutesVersion,
  listMinutesVersions,
  markMinutesSigned,
  unlockSession,
} from '../../src/approval/service';
import { addCorrigendum, listCorrigenda } from '../../src/corrigenda/service';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { assertSessionWritable } from '../../src/sessions/guard';
import { inTransaction } from '../../src/core/context';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord, snapshot, type RecordIds } from '../lock/fixture';

let t: TempDb;
let ids: RecordIds;
beforeEach(async () => {
  t = await openTempDb();
  ids = insertSessionRecord(t.sqlite);
});
afterEach(async () => t.cleanup());

const auditActions = () =>
  (t.sqlite.prepare('select action from audit_entry order by id').all() as { action: string }[]).map((r) => r.action);

async function expectRefused(p: Promise<unknown>, type: new (...a: never[]) => Error, field: string) {
  const before = snapshot(t.sqlite);
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(type);
  expect((err as { field: string }).field).toBe(field);
  expect(snapshot(t.sqlite)).toEqual(before);
}

describe('minutes versions', () => {
  it('go draft → circulated → approved → signed, each step audited; approval locks the session', async () => {
    const v = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' });
    expect(v).toMatchObject({ version: 1, status: 'draft', corrigendaCount: 0 });
    t.setNow('2026-11-20T10:00:00.000Z');
    const c = await circulateMinutes(t.ctx, { versionId: v.id });
    expect(c).toMatchObject({ status: 'circulated', circulatedAt: '2026-11-20T10:00:00.000Z' });
    t.setNow('2027-05-12T09:00:00.000Z');
    const a = await approveMinutes(t.ctx, { versionId: v.id, approvedAtSession: 'at its 67th session' });
    expect(a).toMatchObject({ status: 'approved', approvedAt: '2027-05-12T09:00:00.000Z', approvedAtSession: 'at its 67th session' });
    const session = t.sqlite.prepare('select locked_at from council_session where id = ?').get(ids.sessionId);
    expect(session).toEqual({ locked_at: '2027-05-12T09:00:00.000Z' });
    const s = await markMinutesSigned(t.ctx, { versionId: v.id });
    expect(s.status).toBe('signed');
    expect(auditActions()).toEqual([
      'minutes.version.create',
      'minutes.version.circulate',
      'session.lock',
      'minutes.version.approve',
      'minutes.version.sign',
    ]);
    await expect(inTransaction(t.ctx, (tx) => assertSessionWritable(tx, ids.sessionId))).rejects.toBeInstanceOf(LockedSessionError);
  });

  it('refuses skipping a step, moving a superseded version, and bad references, leaving everything as it was', async () => {
    const v1 = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' });
    await expectRefused(approveMinutes(t.ctx, { versionId: v1.id, approvedBySittingId: ids.sittingId }), ConflictError, 'versionId');
    await expectRefused(markMinutesSigned(t.ctx, { versionId: v1.id }), ConflictError, 'versionId');
    const v2 = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar+en' });
    expect(v2.version).toBe(2);
    await expectRefused(circulateMinutes(t.ctx, { versionId: v1.id }), ConflictError, 'versionId');
    await circulateMinutes(t.ctx, { versionId: v2.id });
    await expectRefused(
      approveMinutes(t.ctx, { versionId: v2.id, approvedBySittingId: '00000000-0000-4000-8000-000000000000' }),
      NotFoundError,
      'approvedBySittingId',
    );
    await expectRefused(approveMinutes(t.ctx, { versionId: v2.id }), ValidationError, 'approvedBySittingId');
    await expectRefused(createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'de' }), ValidationError, 'language');
    await expectRefused(
      createMinutesVersion(t.ctx, { sessionId: '00000000-0000-4000-8000-000000000000', language: 'ar' }),
      NotFoundError,
      'sessionId',
    );
    expect((await listMinutesVersions(t.ctx, { sessionId: ids.sessionId })).map((v) => [v.version, v.status])).toEqual([
      [1, 'draft'],
      [2, 'circulated'],
    ]);
  });

  it('after approval, a new version only to carry a corrigendum', async () => {
    const v1 = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' });
    await circulateMinutes(t.ctx, { versionId: v1.id });
    await approveMinutes(t.ctx, { versionId: v1.id, approvedBySittingId: ids.sittingId });
    await expectRefused(createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' }), ConflictError, 'sessionId');
    const c = await addCorrigendum(t.ctx, {
      sessionId: ids.sessionId,
      textAr: 'يقرأ القرار ق.م.ت/66/1: «يعتمد المجلس الميزانية المعدلة»',
      textEn: 'Decision EC/66/1 should read: "The Council adopts the amended budget"',
      textFr: 'La décision CE/66/1 doit se lire : « Le Conseil adopte le budget modifié »',
      reason: 'the word "amended" was omitted',
      decisionId: ids.decisionId,
    });
    expect(c.number).toBe(1);
    const v2 = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar', note: 'with corrigendum 1' });
    expect(v2).toMatchObject({ version: 2, status: 'draft', corrigendaCount: 1 });
    // The same corrigendum does not justify a third version.
    await expectRefused(createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' }), ConflictError, 'sessionId');
    // The new version goes through the same steps; approving it again leaves the lock as it was.
    const lockedAt = t.sqlite.prepare('select locked_at from council_session').get();
    await circulateMinutes(t.ctx, { versionId: v2.id });
    await approveMinutes(t.ctx, { versionId: v2.id, approvedAtSession: 'at its 68th session' });
    expect(t.sqlite.prepare('select locked_at from council_session').get()).toEqual(lockedAt);
  });

  it('unlocking needs a reason, is audited, and opens the record again', async () => {
    const v1 = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' });
    await circulateMinutes(t.ctx, { versionId: v1.id });
    await approveMinutes(t.ctx, { versionId: v1.id, approvedBySittingId: ids.sittingId });
    await expectRefused(unlockSession(t.ctx, { sessionId: ids.sessionId, reason: 'oops' }), ValidationError, 'reason');
    await unlockSession(t.ctx, { sessionId: ids.sessionId, reason: 'approved at the wrong sitting by mistake' });
    expect(auditActions().at(-1)).toBe('session.unlock');
    expect(t.sqlite.prepare('select count(*) n from session_lock_override').get()).toEqual({ n: 0 });
    t.sqlite.prepare(`update note set text = 'x' where id = ?`).run(ids.noteId);
    await expectRefused(unlockSession(t.ctx, { sessionId: ids.sessionId, reason: 'again, but it is not locked' }), ValidationError, 'sessionId');
  });
});

describe('corrigenda', () => {
  const body = { textAr: 'تصويب', textEn: 'Correction', textFr: 'Rectificatif', reason: 'typo' };
  it('are refused before approval (the record itself is corrected then)', async () => {
    await expectRefused(addCorrigendum(t.ctx, { sessionId: ids.sessionId, ...body }), ConflictError, 'sessionId');
  });
  it('name a decision of the same session only, and are numbered in order', async () => {
    t.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2027-01-01T00:00:00.000Z', ids.sessionId);
    const other = insertSessionRecord(t.sqlite, 67);
    await expectRefused(
      addCorrigendum(t.ctx, { sessionId: ids.sessionId, ...body, decisionId: other.decisionId }),
      NotFoundError,
      'decisionId',
    );
    await expectRefused(addCorrigendum(t.ctx, { sessionId: ids.sessionId, ...body, textEn: ' ' }), ValidationError, 'textEn');
    await addCorrigendum(t.ctx, { sessionId: ids.sessionId, ...body });
    await addCorrigendum(t.ctx, { sessionId: ids.sessionId, ...body, decisionId: ids.decisionId });
    expect((await listCorrigenda(t.ctx, { sessionId: ids.sessionId })).map((c) => c.number)).toEqual([1, 2]);
    expect(auditActions().filter((a) => a === 'corrigendum.add')).toHaveLength(2);
  });
});

describe('the signed scan', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  it('is filed with a locked session, typed by its bytes, with its SHA-256', async () => {
    t.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2027-01-01T00:00:00.000Z', ids.sessionId);
    const view = await fileSignedScan(t.ctx, { sessionId: ids.sessionId, fileName: 'scan.jpg', contentBase64: pdf.toString('base64') });
    expect(view).toMatchObject({ kind: 'scan', mime: 'application/pdf', byteSize: pdf.length });
    expect(view.sha256).toBe((await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'));
    expect(await listAttachments(t.ctx, { sessionId: ids.sessionId })).toHaveLength(1);
    const back = await readAttachment(t.ctx, { attachmentId: view.id });
    expect(Buffer.from(back.bytes).equals(pdf)).toBe(true);
    expect(auditActions()).toContain('minutes.scan.file');
  });
  it('refuses what is not a PDF, JPEG or PNG, and what is not base64', async () => {
    const exe = Buffer.from('MZ\x90\x00 this is not a scan');
    await expectRefused(
      fileSignedScan(t.ctx, { sessionId: ids.sessionId, fileName: 'scan.pdf', contentBase64: exe.toString('base64') }),
      ValidationError,
      'contentBase64',
    );
    await expectRefused(
      fileSignedScan(t.ctx, { sessionId: ids.sessionId, fileName: 'scan.pdf', contentBase64: 'not base64!' }),
      ValidationError,
      'contentBase64',
    );
  });
});
