// Importing a session .zip, pinned where the mutation run (docs/mutation.md) found it loose: the key the
// user names (a BOM before it is taken, anything else refused on its field), a session here found by id
// or by its number, two sessions matched refused, a choice with nothing here refused on its field, the
// audit of an import and of a replacement (an unlocked session is not "unlocked" again), the counts, and
// minutes approved at a sitting this laptop does not have kept as words with a warning.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import { seedMemberStates } from '../../src/member-states/seed';
import { ensureSealKey } from '../../src/seal/keys';
import { sealFile } from '../../src/seal/sign';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';
import { smallDocx } from '../seal/docx';
import { approvedSession } from '../seal/world';
import { editJson, rezip } from './rezip';

let a: TempDb;
let b: TempDb;
beforeEach(async () => {
  a = await openTempDb();
  b = await openTempDb();
  await seedMemberStates(a.ctx);
  await seedMemberStates(b.ctx);
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

const audits = (db: TempDb) =>
  (db.sqlite.prepare(`select action, entity, after_json from audit_entry where action like 'bundle.zip.%' or action = 'session.unlock' order by id`).all() as { action: string; entity: string; after_json: string }[]).map(
    (r) => ({ ...r, after_json: JSON.parse(r.after_json) as unknown }),
  );
const refusal = (e: unknown) => {
  const err = e as { constructor: { name: string }; field: string; message: string; issueCode?: string; issues?: { code: string }[] };
  return { type: err.constructor.name, field: err.field, message: err.message, code: err.issueCode ?? err.issues?.[0]?.code };
};

async function sealedOnA() {
  const { ids, version } = await approvedSession(a);
  const docx = path.join(a.dir, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  await sealFile(a.ctx, { versionId: version.id, filePath: docx }, { dataDir: a.dir });
  return { ids, key: ensureSealKey(a.dir).publicKeyPem, bytes: (await exportSessionZip(a.ctx, { sessionId: ids.sessionId })).bytes };
}

describe('the key named for a locked session', () => {
  it('is taken with a byte-order mark before it; anything that is not a key is refused on its field', async () => {
    const { bytes, key } = await sealedOnA();
    const garbage = await importSessionZip(b.ctx, { zipBytes: bytes, publicKeyPem: 'not a key' }).catch((e: unknown) => e);
    expect(refusal(garbage)).toMatchObject({ type: 'ValidationError', field: 'publicKeyPem', code: 'not_public_key' });
    expect((garbage as Error).message).toMatch(/^not an Ed25519 public key: /);
    // A mark inside the key is not a key.
    const inner = key.replace('\n', '\n\uFEFF');
    expect(refusal(await importSessionZip(b.ctx, { zipBytes: bytes, publicKeyPem: inner }).catch((e: unknown) => e))).toMatchObject({ field: 'publicKeyPem', code: 'not_public_key' });
    const result = await importSessionZip(b.ctx, { zipBytes: bytes, publicKeyPem: `\uFEFF${key}` });
    expect(result).toMatchObject({ status: 'imported', locked: true, verifiedBy: { thisInstallation: false } });
  });
});

describe('an unlocked session', () => {
  it('is imported, found again by id, replaced without an unlock, each audited with its counts', async () => {
    const ids = insertSessionRecord(a.sqlite, 70);
    const { bytes } = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const first = await importSessionZip(b.ctx, { zipBytes: bytes });
    const rows = { attachment: 0, corrigendum: 0, minutesVersion: 0, sealRecord: 0, signatory: 0, workingDocument: 0 };
    expect(first).toMatchObject({ status: 'imported', sessionId: ids.sessionId, replaced: false, locked: false, warnings: [], rows: expect.objectContaining(rows) });
    expect(await importSessionZip(b.ctx, { zipBytes: bytes })).toMatchObject({ status: 'exists', existingSessionId: ids.sessionId, existingLocked: false, identical: true });
    // Only a field of the session itself differs: not identical.
    const moved = await rezip(bytes, (f) => editJson(f, 'session.json', (j) => ((j.session as { venueCityEn: string }).venueCityEn = 'Somewhere else')));
    expect(await importSessionZip(b.ctx, { zipBytes: moved })).toMatchObject({ status: 'exists', identical: false, differences: [], sessionFieldsChanged: ['venueCityEn'] });
    // The bundle importer's warnings reach the result (a follow-up of an action this laptop does not have).
    const followUp = { id: '38a54a74-bb21-4d62-befb-063f4ebad565', reportedAtSessionId: ids.sessionId, actionItemId: '2598757f-ca4f-486a-92f5-0de4f2f0db10', at: '2024-11-12T09:35:00.000Z', text: 'x', status: 'in_progress' };
    const withFollowUp = await rezip(bytes, (f) => editJson(f, 'session.json', (j) => (j.followUpUpdates = [followUp])));
    const again = await importSessionZip(b.ctx, { zipBytes: withFollowUp, choice: 'replace' });
    expect(again).toMatchObject({ status: 'imported', replaced: true, locked: false });
    expect((again as { warnings: string[] }).warnings).toEqual([expect.stringMatching(/^followUpUpdates\.0: action 2598757f-ca4f-486a-92f5-0de4f2f0db10 is not in this database/)]);
    expect(audits(b)).toEqual([
      { action: 'bundle.zip.import', entity: 'council_session', after_json: { kind: 'ordinary', number: 70, lockedAt: null, rows: (first as { rows: unknown }).rows } },
      { action: 'bundle.zip.replace', entity: 'council_session', after_json: { kind: 'ordinary', number: 70, lockedAt: null, rows: (again as { rows: unknown }).rows } },
    ]);
  });

  it('is found by its kind and number under another id; two sessions matched are refused; a choice with none here too', async () => {
    const ids = insertSessionRecord(a.sqlite, 70);
    const { bytes } = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const choice = await importSessionZip(b.ctx, { zipBytes: bytes, choice: 'keep' }).catch((e: unknown) => e);
    expect(refusal(choice)).toEqual({ type: 'ValidationError', field: 'choice', message: 'the session is not here yet: import it without a choice', code: 'archive_session_absent' });
    insertSessionRecord(b.sqlite, 69); // another session, matched by neither
    const mine = insertSessionRecord(b.sqlite, 70);
    expect(await importSessionZip(b.ctx, { zipBytes: bytes })).toMatchObject({ status: 'exists', existingSessionId: mine.sessionId });
    // The archive's id is one session here, its number another.
    const other = insertSessionRecord(b.sqlite, 71);
    const crossed = await rezip(bytes, (f) => editJson(f, 'session.json', (j) => ((j.session as { id: string }).id = other.sessionId)));
    expect(refusal(await importSessionZip(b.ctx, { zipBytes: crossed }).catch((e: unknown) => e))).toEqual({
      type: 'ConflictError', field: 'zip', message: 'the archive matches two sessions here (by id and by number)', code: 'archive_two_sessions',
    });
  });
});

describe('a locked session', () => {
  it('replaced is unlocked first, audited with why; one approved at a sitting not here keeps the words, with a warning', async () => {
    const { bytes, key } = await sealedOnA();
    await importSessionZip(b.ctx, { zipBytes: bytes, publicKeyPem: key });
    const missing = '00000000-0000-4000-8000-0000000000aa';
    const moved = await rezip(bytes, (f) =>
      editJson(f, 'approval.json', (j) => {
        const v = (j.minutesVersions as { approvedBySittingId: string | null; approvedAtSession: string | null }[])[0]!;
        v.approvedBySittingId = missing;
        v.approvedAtSession = null;
      }),
    );
    const replaced = await importSessionZip(b.ctx, { zipBytes: moved, publicKeyPem: key, choice: 'replace' });
    expect(replaced).toMatchObject({ status: 'imported', replaced: true, locked: true });
    expect((replaced as { warnings: string[] }).warnings).toContain('minutes version 1: the approving sitting is not in this database; kept as text');
    expect(b.sqlite.prepare('select approved_by_sitting_id s, approved_at_session t from minutes_version').get()).toEqual({ s: null, t: `sitting ${missing}` });
    const unlock = audits(b).filter((r) => r.action === 'session.unlock');
    expect(unlock).toEqual([{ action: 'session.unlock', entity: 'council_session', after_json: { lockedAt: null, reason: 'replaced by a session archive' } }]);
  });
});
