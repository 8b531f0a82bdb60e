// The session .zip as written, pinned where the mutation run (docs/mutation.md) found it loose: each
// file's name by its type (a JPEG signature .jpg, a scan .pdf, a JPEG logo), every entry dated at the
// export (the same session exported twice gives the same entries), and a seal made before migration 0012
// (no stored manifest) completed from its audit entry only with this installation's own key.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSignedScan } from '../../src/approval/attachments';
import { exportSessionZip } from '../../src/bundle/zip';
import type { CoreContext } from '../../src/core/context';
import { ensureSealKey } from '../../src/seal/keys';
import { signManifest } from '../../src/seal/manifest';
import { sealFile } from '../../src/seal/sign';
import { updateOrganisationSettings } from '../../src/settings/service';
import { setSignatory } from '../../src/signatories/service';
import { seedMemberStates } from '../../src/member-states/seed';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { jpegHeader, png } from '../approval/images';
import { smallDocx } from '../seal/docx';
import { approvedSession } from '../seal/world';

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const EXPORTED_AT = new Date('2020-01-02T03:04:06.000Z');

async function entries(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  return Object.values(zip.files).filter((f) => !f.dir);
}

async function sealedSession(dataDir: string) {
  await seedMemberStates(t.ctx);
  const { ids, version } = await approvedSession(t);
  const docx = path.join(t.dir, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  const { manifest } = await sealFile(t.ctx, { versionId: version.id, filePath: docx }, { dataDir });
  return { ids, manifest };
}

describe('the session archive', () => {
  it('names each file by its type, and dates every entry at the export', async () => {
    await seedMemberStates(t.ctx);
    await updateOrganisationSettings(t.ctx, { logoBase64: jpegHeader(64, 64).toString('base64') });
    const { ids } = await approvedSession(t);
    await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'محمد', signatureImageBase64: jpegHeader(200, 80).toString('base64') });
    await setSignatory(t.ctx, { sessionId: ids.sessionId, roleKey: 'director_general', fullName: 'سامي', signatureImageBase64: png(200, 80).toString('base64') });
    await fileSignedScan(t.ctx, { sessionId: ids.sessionId, fileName: 'signed.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
    const ctx: CoreContext = { ...t.ctx, now: () => EXPORTED_AT };
    const out = await exportSessionZip(ctx, { sessionId: ids.sessionId });
    const files = await entries(out.bytes);
    const attachments = files.map((f) => f.name).filter((n) => n.startsWith('attachments/')).map((n) => n.replace(/-[0-9a-f-]{36}\./, '-ID.')).sort();
    expect(attachments).toEqual(['attachments/logo.jpg', 'attachments/scan-ID.pdf', 'attachments/signature-ID.jpg', 'attachments/signature-ID.png']);
    const approval = JSON.parse(await files.find((f) => f.name === 'approval.json')!.async('string'));
    expect(approval.logo).toMatchObject({ path: 'attachments/logo.jpg', mime: 'image/jpeg' });
    // DOS time in the archive: to two seconds, in local time as JSZip writes and reads it.
    for (const f of files) expect(Math.abs(f.date.getTime() - EXPORTED_AT.getTime()), f.name).toBeLessThanOrEqual(2000);
  });
});

describe('a seal recorded before its manifest was stored (migration 0012)', () => {
  it('is completed from its audit entry with this installation key, and left empty without it or with another', async () => {
    const dataDir = path.join(t.dir, 'data');
    const { ids, manifest } = await sealedSession(dataDir);
    t.sqlite.prepare('update seal_record set manifest_json = null').run();
    const manifestIn = async (host: { dataDir?: string }) => {
      const files = await entries((await exportSessionZip(t.ctx, { sessionId: ids.sessionId }, host)).bytes);
      return JSON.parse(await files.find((f) => f.name === 'approval.json')!.async('string')).sealRecords[0].manifestJson as string | null;
    };
    expect(JSON.parse((await manifestIn({ dataDir }))!)).toEqual(manifest);
    expect(await manifestIn({})).toBeNull();
    expect(await manifestIn({ dataDir: path.join(t.dir, 'another-laptop') })).toBeNull();
    // An audit entry that no longer matches its signature gives nothing either (edited with the file's
    // append-only trigger dropped, as someone holding the file could).
    t.sqlite.exec('drop trigger audit_entry_no_update');
    const audit = (after: object) => t.sqlite.prepare(`update audit_entry set after_json = ? where action = 'minutes.seal'`).run(JSON.stringify(after));
    const { publicKey: _key, signature: _sig, ...signed } = manifest;
    audit({ ...signed, signature: manifest.signature, signedAt: '2030-01-01T00:00:00.000Z' });
    expect(await manifestIn({ dataDir })).toBeNull();
    // Signed by this installation's key, but naming another key's fingerprint: not this installation's seal.
    const own = ensureSealKey(dataDir);
    const forged = signManifest({ ...signed, publicKey: own.publicKeyPem, fingerprint: '0000 '.repeat(15) + '0000' }, own.privateKey);
    const { publicKey: _k2, ...forgedEntry } = forged;
    audit(forgedEntry);
    expect(await manifestIn({ dataDir })).toBeNull();
  });
});
