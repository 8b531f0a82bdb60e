// Signatories from the organisation's roles, with a checked signature image.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sniffFile, signatureImageProblem } from '../../src/approval/file-types';
import { approveMinutes, circulateMinutes, createMinutesVersion, markMinutesSigned } from '../../src/approval/service';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { listSignatories, removeSignatory, setSignatory, signatoriesForMinutes } from '../../src/signatories/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord, snapshot, type RecordIds } from '../lock/fixture';
import { jpegHeader, png } from './images';

describe('file types by their bytes', () => {
  it('knows PNG and JPEG sizes, and PDF', () => {
    expect(sniffFile(png(300, 120))).toEqual({ mime: 'image/png', width: 300, height: 120 });
    expect(sniffFile(jpegHeader(640, 200))).toEqual({ mime: 'image/jpeg', width: 640, height: 200 });
    expect(sniffFile(Buffer.from('%PDF-1.7 ...'))).toEqual({ mime: 'application/pdf' });
    expect(sniffFile(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffFile(png(10, 10).subarray(0, 20))).toBeNull();
  });
  it('limits signature images by size and dimensions', () => {
    expect(signatureImageProblem(png(300, 120))).toBeNull();
    expect(signatureImageProblem(png(8, 8))).toMatch(/between/);
    expect(signatureImageProblem(jpegHeader(9000, 100))).toMatch(/between/);
    expect(signatureImageProblem(Buffer.from('%PDF-1.7'))).toMatch(/PNG or JPEG/);
    expect(signatureImageProblem(Buffer.concat([png(100, 100), Buffer.alloc(1_000_001)]))).toMatch(/larger/);
  });
});

describe('signatories', () => {
  let t: TempDb;
  let ids: RecordIds;
  beforeEach(async () => {
    t = await openTempDb();
    ids = insertSessionRecord(t.sqlite);
  });
  afterEach(async () => t.cleanup());

  async function expectRefused(p: Promise<unknown>, type: new (...a: never[]) => Error, field: string) {
    const before = snapshot(t.sqlite);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as { field: string }).field).toBe(field);
    expect(snapshot(t.sqlite)).toEqual(before);
  }

  it('take their titles from the roles in settings, in the roles order, with a signature image', async () => {
    const image = png(300, 120);
    await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'director_general', fullName: 'عادل الصقر' });
    const chair = await setSignatory(t.ctx, {
      sessionId: ids.sessionId,
      roleKey: 'chair',
      fullName: 'محمد بن علي',
      signatureImageBase64: image.toString('base64'),
    });
    expect(chair).toMatchObject({ position: 1, titleAr: 'رئيس المجلس التنفيذي', titleEn: 'Chair of the Executive Council' });
    expect(chair.signature).toMatchObject({ mime: 'image/png', byteSize: image.length });
    const list = await listSignatories(t.ctx, { sessionId: ids.sessionId });
    expect(list.map((s) => s.roleKey)).toEqual(['chair', 'director_general']);
    const forMinutes = await signatoriesForMinutes(t.ctx, ids.sessionId);
    expect(Buffer.from(forMinutes[0]!.signatureImage!.bytes).equals(image)).toBe(true);
    expect(forMinutes[1]!.signatureImage).toBeNull();
    // Updating the name keeps the image; null removes it.
    const renamed = await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'محمد بن علي الهاشمي' });
    expect(renamed.signature).not.toBeNull();
    const bare = await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'x', signatureImageBase64: null });
    expect(bare.signature).toBeNull();
    await removeSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'director_general' });
    expect(await listSignatories(t.ctx, { sessionId: ids.sessionId })).toHaveLength(1);
  });

  it('refuse an unknown role, a bad image, and any change once the minutes are signed', async () => {
    await expectRefused(setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'treasurer', fullName: 'x' }), NotFoundError, 'roleKey');
    await expectRefused(
      setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'x', signatureImageBase64: png(5, 5).toString('base64') }),
      ValidationError,
      'signatureImageBase64',
    );
    await expectRefused(
      setSignatory(t.ctx, {
        sessionId: ids.sessionId,
        roleKey: 'chair',
        fullName: 'x',
        signatureImageBase64: Buffer.from('<svg/>').toString('base64'),
      }),
      ValidationError,
      'signatureImageBase64',
    );
    await expectRefused(setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: '' }), ValidationError, 'fullName');
    await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'محمد' });
    const v = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' });
    await circulateMinutes(t.ctx, { versionId: v.id });
    await approveMinutes(t.ctx, { versionId: v.id, approvedBySittingId: ids.sittingId });
    // Approved but not signed: the signature block can still be completed.
    await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'director_general', fullName: 'عادل' });
    await markMinutesSigned(t.ctx, { versionId: v.id });
    await expectRefused(setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'y' }), ConflictError, 'sessionId');
    await expectRefused(removeSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair' }), ConflictError, 'sessionId');
  });
});
