// Every refusal of readZip (src/bundle/zip.ts), each on an archive changed in one way, with its field,
// message and code, and nothing written: found loose by the mutation run (docs/mutation.md), where only
// the first check an archive failed was ever asserted.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import { addCorrigendum } from '../../src/corrigenda/service';
import { sealFile } from '../../src/seal/sign';
import { seedMemberStates } from '../../src/member-states/seed';
import { updateOrganisationSettings } from '../../src/settings/service';
import { setSignatory } from '../../src/signatories/service';
import { png } from '../approval/images';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';
import { smallDocx } from '../seal/docx';
import { approvedSession } from '../seal/world';
import { editJson, rezip, type ZipFiles } from './rezip';

let a: TempDb;
let b: TempDb;
let bytes: Uint8Array;
let sessionId: string;
beforeEach(async () => {
  a = await openTempDb();
  b = await openTempDb();
  await seedMemberStates(a.ctx);
  await updateOrganisationSettings(a.ctx, { logoBase64: png(64, 64).toString('base64') });
  sessionId = insertSessionRecord(a.sqlite, 70).sessionId;
  await setSignatory(a.ctx, { sessionId, roleKey: 'chair', fullName: 'محمد', signatureImageBase64: png(200, 80).toString('base64') });
  bytes = (await exportSessionZip(a.ctx, { sessionId })).bytes;
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

type Files = ZipFiles;
const sha = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');
/** The archive with `change` applied; hashes.json recomputed unless `keepHashes`. */
const changed = (change: (f: Files) => void, keepHashes = false) => rezip(bytes, change, { keepHashes });
const json = editJson;
const approvalRows = (j: Record<string, unknown>, key: string) => j[key] as Record<string, unknown>[];

async function refusal(zipBytes: Uint8Array) {
  const err = (await importSessionZip(b.ctx, { zipBytes }).catch((e: unknown) => e)) as { constructor: { name: string }; field: string; message: string; issues: { code: string }[] };
  expect(b.sqlite.prepare('select count(*) n from council_session').get()).toEqual({ n: 0 });
  return { type: err.constructor.name, field: err.field, message: err.message, code: err.issues?.[0]?.code };
}

describe('an archive refused whole, nothing written', () => {
  it('over 200 MB, before reading it', async () => {
    expect(await refusal(new Uint8Array(200_000_001))).toEqual({ type: 'ValidationError', field: 'zip', message: 'the archive is larger than 200000000 bytes', code: 'archive_too_big' });
    expect((await refusal(new Uint8Array(200_000_000))).code).not.toBe('archive_too_big');
  });

  it('without hashes.json, or with one that is not JSON or not of its shape', async () => {
    expect(await refusal(await changed((f) => f.delete('hashes.json')))).toEqual({ type: 'ValidationError', field: 'zip', message: 'not a session archive: hashes.json is missing', code: 'archive_not_session' });
    const notJson = await refusal(await changed((f) => f.set('hashes.json', Buffer.from('{ nope')), true));
    expect(notJson).toMatchObject({ field: 'zip', code: 'archive_damaged' });
    expect(notJson.message).toMatch(/^hashes\.json cannot be read: /);
    expect((await refusal(await changed((f) => f.set('hashes.json', Buffer.from('{"format":"x"}')), true))).field).toMatch(/^hashes\.json\./);
  });

  it('with a file not listed, a file changed, or a file listed and missing', async () => {
    expect(await refusal(await changed((f) => f.set('extra.txt', Buffer.from('x')), true))).toEqual({ type: 'ValidationError', field: 'zip', message: 'extra.txt is not listed in hashes.json', code: 'archive_altered' });
    expect(await refusal(await changed((f) => f.set('session.json', Buffer.concat([f.get('session.json')!, Buffer.from(' ')])), true))).toEqual({
      type: 'ValidationError', field: 'zip', message: 'session.json does not match its hash: the archive was altered or damaged', code: 'archive_altered',
    });
    expect(await refusal(await changed((f) => f.delete('approval.json'), true))).toEqual({ type: 'ValidationError', field: 'zip', message: 'approval.json is listed in hashes.json but missing', code: 'archive_altered' });
    // Missing and unlisted both: the part itself is what is missing.
    expect(await refusal(await changed((f) => f.delete('session.json')))).toEqual({ type: 'ValidationError', field: 'zip', message: 'session.json is missing', code: 'archive_altered' });
  });

  it('with a part that is not JSON (on the archive) or not valid UTF-8 inside a value (on that value)', async () => {
    expect(await refusal(await changed((f) => f.set('session.json', Buffer.from('{ nope'))))).toMatchObject({ type: 'ValidationError', field: 'zip', code: 'not_json' });
    const bad = await refusal(
      await changed((f) => {
        const text = f.get('session.json')!.toString('utf8');
        const at = text.indexOf('"venueCityAr": "') + '"venueCityAr": "'.length;
        f.set('session.json', Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]));
      }),
    );
    expect(bad).toMatchObject({ field: 'session.venueCityAr', code: 'invalid_utf8' });
    expect((await refusal(await changed((f) => json(f, 'session.json', (j) => delete j.session)))).field).toMatch(/^session\.json\./);
    expect((await refusal(await changed((f) => json(f, 'approval.json', (j) => delete j.signatories)))).field).toMatch(/^approval\.json\./);
  });

  it('with an attachment that is not what approval.json says, or of another session', async () => {
    const sig = (f: Files) => [...f.keys()].find((n) => n.startsWith('attachments/signature-'))!;
    const swapped = await refusal(await changed((f) => f.set(sig(f), png(201, 80))));
    expect(swapped).toEqual({ type: 'ValidationError', field: 'zip', message: expect.stringMatching(/^attachment attachments\/signature-.*\.png is missing or does not match its SHA-256$/), code: 'archive_altered' });
    const other = await refusal(await changed((f) => json(f, 'approval.json', (j) => (approvalRows(j, 'attachments')[0]!.sessionId = '00000000-0000-4000-8000-000000000001'))));
    expect(other).toEqual({ type: 'ValidationError', field: 'zip', message: expect.stringMatching(/^attachment .* belongs to another session$/), code: 'archive_other_session' });
  });

  it('with a logo changed, or not the picture it says', async () => {
    const logo = await refusal(await changed((f) => f.set('attachments/logo.png', png(65, 64))));
    expect(logo).toEqual({ type: 'ValidationError', field: 'zip', message: 'the logo attachments/logo.png is missing, does not match its SHA-256, or is not a image/png file', code: 'archive_altered' });
    const notPng = Buffer.from('GIF89a not a png');
    const typed = await refusal(await changed((f) => {
      f.set('attachments/logo.png', notPng);
      json(f, 'approval.json', (j) => ((j.logo as { sha256: string }).sha256 = sha(notPng)));
    }));
    expect(typed.code).toBe('archive_altered');
  });

  it('with a row of another session in any list of approval.json', async () => {
    const { ids, version } = await approvedSession(a, 71);
    await addCorrigendum(a.ctx, { sessionId: ids.sessionId, textAr: 'تصويب', textEn: 'Correction', textFr: 'Rectificatif', reason: 'typo' });
    await setSignatory(a.ctx, { sessionId: ids.sessionId, roleKey: 'chair', fullName: 'محمد' });
    const docx = path.join(a.dir, 'minutes-71.docx');
    fs.writeFileSync(docx, await smallDocx());
    await sealFile(a.ctx, { versionId: version.id, filePath: docx }, { dataDir: a.dir });
    bytes = (await exportSessionZip(a.ctx, { sessionId: ids.sessionId })).bytes;
    for (const key of ['minutesVersions', 'signatories', 'corrigenda', 'sealRecords']) {
      const archive = await changed((f) => json(f, 'approval.json', (j) => (approvalRows(j, key)[0]!.sessionId = '00000000-0000-4000-8000-000000000001')));
      expect(await refusal(archive), key).toEqual({ type: 'ValidationError', field: 'zip', message: `approval.json ${key}: a row of another session`, code: 'archive_other_session' });
    }
  });
});
