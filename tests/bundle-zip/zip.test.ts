// Moving a session between laptops as one .zip: everything arrives (record, approval, files), a locked
// session arrives locked and still verifies against its seal, an existing session is never overwritten
// without a choice, and an altered archive is refused.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSignedScan } from '../../src/approval/attachments';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import { addCorrigendum } from '../../src/corrigenda/service';
import { ValidationError } from '../../src/errors';
import { ensureSealKey } from '../../src/seal/keys';
import { sealFile, sha256Hex } from '../../src/seal/sign';
import { verifySealedFile } from '../../src/seal/verify';
import { updateOrganisationSettings } from '../../src/settings/service';
import { setSignatory } from '../../src/signatories/service';
import { seedMemberStates } from '../../src/member-states/seed';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { png } from '../approval/images';
import { snapshot } from '../lock/fixture';
import { smallDocx } from '../seal/docx';
import { approvedSession } from '../seal/world';

let a: TempDb; // the laptop the session was recorded on
let b: TempDb; // the laptop it moves to
beforeEach(async () => {
  a = await openTempDb();
  b = await openTempDb();
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

const scan = Buffer.from('%PDF-1.4\n% signed by hand\n%%EOF\n');

/** Laptop A's public key, which B's user names when importing A's locked session (B has no key of A's). */
let keyPem = '';

async function recordedOnA() {
  // The laptops hold the same member-state list (each with its own ids): the seal names states as printed.
  await seedMemberStates(a.ctx);
  await updateOrganisationSettings(a.ctx, { logoBase64: png(64, 64).toString('base64') });
  const { ids, version } = await approvedSession(a);
  await setSignatory(a.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'محمد', signatureImageBase64: png(200, 80).toString('base64') });
  await addCorrigendum(a.ctx, { sessionId: ids.sessionId, textAr: 'تصويب', textEn: 'Correction', textFr: 'Rectificatif', reason: 'typo' });
  await fileSignedScan(a.ctx, { sessionId: ids.sessionId, fileName: 'signed.pdf', contentBase64: scan.toString('base64') });
  const docx = path.join(a.dir, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  const dataDir = path.join(a.dir, 'data');
  await sealFile(a.ctx, { versionId: version.id, filePath: docx }, { dataDir });
  keyPem = ensureSealKey(dataDir).publicKeyPem;
  return { ids, version, docx, key: ensureSealKey(dataDir) };
}

describe('exportSessionZip', () => {
  it('puts the record, the approval tables, the files and their hashes in one archive', async () => {
    const { ids } = await recordedOnA();
    const out = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    expect(out.fileName).toBe('session-ordinary-66.zip');
    const zip = await JSZip.loadAsync(out.bytes);
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(names).toContain('session.json');
    expect(names).toContain('approval.json');
    expect(names).toContain('attachments/logo.png');
    expect(names.filter((n) => n.startsWith('attachments/signature-'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('attachments/scan-'))).toHaveLength(1);
    const hashes = JSON.parse(await zip.file('hashes.json')!.async('string'));
    expect(Object.keys(hashes.files).sort()).toEqual(names.filter((n) => n !== 'hashes.json'));
    const approval = JSON.parse(await zip.file('approval.json')!.async('string'));
    expect(approval.minutesVersions[0].status).toBe('signed');
    expect(approval.corrigenda).toHaveLength(1);
    expect(approval.sealRecords).toHaveLength(1);
  });
});

describe('importSessionZip', () => {
  it('brings a locked session to another laptop locked, with its files, and its seal still verifies there', async () => {
    const { ids, docx, key } = await recordedOnA();
    const { bytes } = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    // Laptop B made its own member-state ids for the same states.
    await seedMemberStates(b.ctx);
    const result = await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: bytes });
    expect(result).toMatchObject({ status: 'imported', sessionId: ids.sessionId, replaced: false, locked: true });
    const session = b.sqlite.prepare('select locked_at from council_session where id = ?').get(ids.sessionId) as { locked_at: string };
    expect(session.locked_at).toBeTruthy();
    expect(() => b.sqlite.prepare('update note set text = ? where session_id = ?').run('x', ids.sessionId)).toThrow(/LOCKED_SESSION/);
    const scanRow = b.sqlite.prepare(`select bytes from attachment where kind = 'scan'`).get() as { bytes: Buffer };
    expect(Buffer.from(scanRow.bytes).equals(scan)).toBe(true);
    expect(b.sqlite.prepare('select count(*) n from corrigendum').get()).toEqual({ n: 1 });
    expect(b.sqlite.prepare('select status from minutes_version').get()).toEqual({ status: 'signed' });
    const v = await verifySealedFile(docx, { publicKeyPem: key.publicKeyPem, ctx: b.ctx });
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
  });

  it('a session moved to a laptop with its own member-state ids re-imports as identical (ballots keyed by ISO code)', async () => {
    const { ids } = await recordedOnA();
    await seedMemberStates(b.ctx); // b made its own ids for the same states, as a real second laptop does
    const zip = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    expect(await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: zip.bytes })).toMatchObject({ status: 'imported' });
    expect(b.sqlite.prepare('select count(*) n from vote_ballot').get()).toEqual({ n: 1 });
    const again = await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: zip.bytes });
    expect(again).toMatchObject({ status: 'exists', identical: true, differences: [] });
  });

  it('writes nothing for a session already here: says what differs; keep keeps, replace replaces', async () => {
    const { ids } = await recordedOnA();
    const first = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: first.bytes });

    let before = snapshot(b.sqlite);
    const same = await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBase64: Buffer.from(first.bytes).toString('base64') });
    expect(same).toMatchObject({ status: 'exists', identical: true, differences: [], existingLocked: true, choices: ['replace', 'keep'] });
    expect(snapshot(b.sqlite)).toEqual(before);

    const c2 = await addCorrigendum(a.ctx, { sessionId: ids.sessionId, textAr: 'تصويب ٢', textEn: 'Second', textFr: 'Second', reason: 'date' });
    a.sqlite.prepare('update action_item set status = ? where session_id = ?').run('done', ids.sessionId);
    const second = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const diff = await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: second.bytes });
    expect(diff.status).toBe('exists');
    if (diff.status !== 'exists') return;
    expect(diff.identical).toBe(false);
    expect(diff.differences).toEqual([
      { table: 'actionItems', added: [], removed: [], changed: [ids.actionItemId] },
      { table: 'corrigenda', added: [c2.id], removed: [], changed: [] },
    ]);
    expect(snapshot(b.sqlite)).toEqual(before);

    expect(await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: second.bytes, choice: 'keep' })).toEqual({ status: 'kept', existingSessionId: ids.sessionId });
    expect(snapshot(b.sqlite)).toEqual(before);

    const replaced = await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: second.bytes, choice: 'replace' });
    expect(replaced).toMatchObject({ status: 'imported', replaced: true, locked: true });
    expect(b.sqlite.prepare('select count(*) n from corrigendum').get()).toEqual({ n: 2 });
    expect(b.sqlite.prepare('select count(*) n from session_lock_override').get()).toEqual({ n: 0 });
    expect(() => b.sqlite.prepare('delete from decision').run()).toThrow(/LOCKED_SESSION/);
    before = snapshot(b.sqlite);
    expect((await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes: second.bytes })).status).toBe('exists');
    expect(snapshot(b.sqlite)).toEqual(before);
  });

  it('refuses an altered archive, a choice for a session not here, and garbage, writing nothing', async () => {
    const { ids } = await recordedOnA();
    const { bytes } = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const zip = await JSZip.loadAsync(bytes);
    const json = await zip.file('session.json')!.async('string');
    zip.file('session.json', json.replace('The Council adopts the budget', 'The Council rejects the budget'));
    const altered = await zip.generateAsync({ type: 'uint8array' });
    const before = snapshot(b.sqlite);
    const refuse = async (input: unknown, field: string, message: RegExp) => {
      const err = await importSessionZip(b.ctx, input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe(field);
      expect((err as ValidationError).message).toMatch(message);
      expect(snapshot(b.sqlite)).toEqual(before);
    };
    await refuse({ zipBytes: altered }, 'zip', /session.json does not match its hash/);
    await refuse({ zipBytes: bytes, choice: 'replace' }, 'choice', /not here/);
    await refuse({ zipBytes: new Uint8Array([1, 2, 3]) }, 'zip', /not a .zip/);
    await refuse({}, 'zipBase64', /once/);
  });
});

/** The archive with the uncompressed size of `name` rewritten (local header and central directory). */
function withDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(bytes);
  const wanted = Buffer.from(name, 'utf8');
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + out.readUInt16LE(i + 26)).equals(wanted)) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + out.readUInt16LE(i + 28)).equals(wanted)) out.writeUInt32LE(size, i + 24);
  }
  return new Uint8Array(out);
}

describe('importSessionZip and a hostile archive', () => {
  it('refuses an archive that would inflate beyond the limit before inflating it, and a damaged entry, with a typed error', async () => {
    const { ids } = await recordedOnA();
    const { bytes } = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const before = snapshot(b.sqlite);
    const refusal = async (zipBytes: Uint8Array) => {
      const err = await importSessionZip(b.ctx, { publicKeyPem: keyPem, zipBytes }).catch((e: unknown) => e);
      expect(snapshot(b.sqlite)).toEqual(before);
      return err as ValidationError;
    };
    // A "zip bomb": 4 GB declared for one entry. Refused from the sizes alone.
    const bomb = await refusal(withDeclaredSize(bytes, 'session.json', 0xfffffff0));
    expect(bomb).toBeInstanceOf(ValidationError);
    expect(bomb.field).toBe('zip');
    expect(bomb.message).toMatch(/bytes uncompressed/);
    // An entry whose declared size is not what it inflates to: a damaged archive, said as such.
    const json = (await (await JSZip.loadAsync(bytes)).file('session.json')!.async('uint8array')).length;
    const damaged = await refusal(withDeclaredSize(bytes, 'session.json', json + 1));
    expect(damaged).toBeInstanceOf(ValidationError);
    expect(damaged.field).toBe('zip');
    expect(damaged.message).toMatch(/session\.json/);
    // Hashes that match, but a session.json that is not JSON (an archive made by hand).
    const garbage = Buffer.from('{ not json');
    const forged = new JSZip();
    forged.file('session.json', garbage);
    forged.file('approval.json', '{}');
    const real = JSON.parse(await (await JSZip.loadAsync(bytes)).file('hashes.json')!.async('string')) as Record<string, unknown>;
    const hashes = { ...real, files: { 'session.json': sha256Hex(garbage), 'approval.json': sha256Hex(Buffer.from('{}')) } };
    forged.file('hashes.json', JSON.stringify(hashes));
    const notJson = await refusal(await forged.generateAsync({ type: 'uint8array' }));
    expect(notJson).toBeInstanceOf(ValidationError);
    expect(notJson.field).toBe('zip');
  });
});
