// A locked session arrives from a .zip only with a seal that verifies against the imported record and a key
// the user trusts (this installation's, or one named with --key / publicKeyPem). An archive whose record was
// edited and whose hashes.json was recomputed is refused, naming why; on request it is imported as an
// unlocked copy marked unverified.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/cli/commands/check';
import '../../src/cli/commands/verify';
import '../../src/cli/commands/zip';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import { runCli } from '../../src/cli/council';
import { generateMinutesHtml, minutesModel } from '../../src/minutes/generate';
import { getSession, listSessions } from '../../src/sessions/service';
import { SealNotVerifiedError } from '../../src/errors';
import { ensureSealKey } from '../../src/seal/keys';
import { seedMemberStates } from '../../src/member-states/seed';
import { sealFile } from '../../src/seal/sign';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { smallDocx } from '../seal/docx';
import { approvedSession } from '../seal/world';
import { rezip } from './rezip';

let a: TempDb;
let b: TempDb;
let zipBytes: Uint8Array;
let docx: string;
let keyA: string;
let sessionId: string;
let lines: string[];
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
const cli = async (db: TempDb, ...argv: string[]) => {
  lines = [];
  return runCli([...argv, '--db', db.path], io);
};

beforeEach(async () => {
  a = await openTempDb();
  b = await openTempDb();
  // Both laptops hold the same member-state list (the seeded one): the record names states as this laptop does.
  await seedMemberStates(a.ctx);
  const { ids, version } = await approvedSession(a);
  sessionId = ids.sessionId;
  docx = path.join(a.dir, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  // Laptop A's key lives beside its database (the CLI's data folder).
  await sealFile(a.ctx, { versionId: version.id, filePath: docx }, { dataDir: a.dir });
  keyA = path.join(a.dir, 'a-public.pem');
  fs.writeFileSync(keyA, ensureSealKey(a.dir).publicKeyPem);
  zipBytes = (await exportSessionZip(a.ctx, { sessionId })).bytes;
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

const forgedText = (f: Map<string, Buffer>) =>
  f.set('session.json', Buffer.from(f.get('session.json')!.toString('utf8').replace('The Council adopts the budget', 'The Council rejects the budget')));
const write = (bytes: Uint8Array, name: string) => {
  const file = path.join(b.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const sessionsIn = (db: TempDb) => db.sqlite.prepare('select count(*) as n from council_session').get();

describe('importing a locked session from a .zip', () => {
  it('refuses an edited record with recomputed hashes (record_changed), even with the trusted key, writing nothing', async () => {
    const forged = await rezip(zipBytes, forgedText);
    const err = await importSessionZip(b.ctx, { zipBytes: forged, publicKeyPem: fs.readFileSync(keyA, 'utf8') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SealNotVerifiedError);
    expect(err).toMatchObject({ reason: 'record_changed', code: 'CONFLICT', field: 'zip', issueCode: 'import_record_changed' });
    expect(sessionsIn(b)).toEqual({ n: 0 });
    expect(await cli(b, 'import-zip', write(forged, 'forged.zip'), '--key', keyA)).toBe(1);
    expect(lines.join('\n')).toMatch(/refused: .*record_changed/);
    expect(sessionsIn(b)).toEqual({ n: 0 });
  });

  it('refuses the seals removed, or a manifest edited after signing', async () => {
    const key = fs.readFileSync(keyA, 'utf8');
    const seals = await rezip(zipBytes, (f) => {
      const j = JSON.parse(f.get('approval.json')!.toString('utf8')) as { sealRecords: unknown[] };
      j.sealRecords = [];
      f.set('approval.json', Buffer.from(JSON.stringify(j)));
    });
    await expect(importSessionZip(b.ctx, { zipBytes: seals, publicKeyPem: key })).rejects.toMatchObject({ reason: 'no_seal' });
    const manifest = await rezip(zipBytes, (f) => {
      const j = JSON.parse(f.get('approval.json')!.toString('utf8')) as { sealRecords: { manifestJson: string }[] };
      const m = JSON.parse(j.sealRecords[0]!.manifestJson) as { record: { sha256: string } };
      m.record.sha256 = '0'.repeat(64);
      j.sealRecords[0]!.manifestJson = JSON.stringify(m);
      f.set('approval.json', Buffer.from(JSON.stringify(j)));
    });
    await expect(importSessionZip(b.ctx, { zipBytes: manifest, publicKeyPem: key })).rejects.toMatchObject({ reason: 'seal_invalid' });
    expect(sessionsIn(b)).toEqual({ n: 0 });
  });

  it("refuses a seal by a key this laptop does not trust (wrong_key), or when it has no key and none is given", async () => {
    const file = write(zipBytes, 's.zip');
    expect(await cli(b, 'import-zip', file)).toBe(1);
    expect(lines.join('\n')).toMatch(/no_trusted_key/);
    ensureSealKey(b.dir);
    const err = await importSessionZip(b.ctx, { zipBytes }, { dataDir: b.dir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'wrong_key', field: 'publicKeyPem', issueCode: 'import_wrong_key' });
    expect(await cli(b, 'import-zip', file)).toBe(1);
    expect(lines.join('\n')).toMatch(/wrong_key/);
    expect(sessionsIn(b)).toEqual({ n: 0 });
  });

  it('imports a valid sealed archive locked with the trusted key, and `council verify` says VALID there', async () => {
    ensureSealKey(b.dir);
    expect(await cli(b, 'import-zip', write(zipBytes, 's.zip'), '--key', keyA), lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toMatch(/, locked/);
    expect(lines.join('\n')).toMatch(/seal verified with key .* \(not this installation's key\)/);
    expect(b.sqlite.prepare('select locked_at is not null as locked from council_session where id = ?').get(sessionId)).toEqual({ locked: 1 });
    expect(await cli(b, 'verify', docx, '--key', keyA), lines.join('\n')).toBe(0);
    expect(lines).toContain('VALID');
    // On the sealing laptop itself its own key is trusted without naming it.
    const again = await importSessionZip(a.ctx, { zipBytes, choice: 'replace' }, { dataDir: a.dir });
    expect(again).toMatchObject({ status: 'imported', locked: true, verifiedBy: { thisInstallation: true } });
  });

  it('imports a forged archive on request as an unlocked copy marked unverified, shown by `council check`', async () => {
    const forged = write(await rezip(zipBytes, forgedText), 'forged.zip');
    expect(await cli(b, 'import-zip', forged, '--key', keyA, '--unverified-copy')).toBe(0);
    expect(lines.join('\n')).toMatch(/UNVERIFIED COPY.*record_changed/);
    expect(b.sqlite.prepare('select locked_at from council_session where id = ?').get(sessionId)).toEqual({ locked_at: null });
    expect(b.sqlite.prepare('select reason, claimed_locked_at is not null as claimed from unverified_copy').all()).toEqual([{ reason: 'record_changed', claimed: 1 }]);
    // Everywhere the session is shown: the list and the session itself, the minutes' header and mark, `council check`.
    const [listed] = await listSessions(b.ctx, {});
    expect(listed).toMatchObject({ id: sessionId, lockedAt: null, unverifiedCopy: { reason: 'record_changed' } });
    expect(await getSession(b.ctx, { id: sessionId })).toMatchObject({ unverifiedCopy: { reason: 'record_changed' } });
    const html = await generateMinutesHtml(b.ctx, sessionId, { lang: 'en' });
    expect(html).toContain('UNVERIFIED COPY');
    expect(html).not.toContain('DRAFT');
    expect((await minutesModel(b.ctx, sessionId, { lang: 'fr' })).draftLabel).toBe('COPIE NON VÉRIFIÉE');
    expect(await cli(b, 'check')).toBe(1);
    expect(lines.join('\n')).toMatch(/unverified copies: 1/);
    expect(lines.join('\n')).toMatch(/session ordinary:66: UNVERIFIED COPY/);
    // Replacing it with the genuine archive takes the mark away.
    expect(await cli(b, 'import-zip', write(zipBytes, 's.zip'), '--key', keyA, '--replace')).toBe(0);
    expect(b.sqlite.prepare('select count(*) as n from unverified_copy').get()).toEqual({ n: 0 });
    expect(b.sqlite.prepare('select locked_at is not null as locked from council_session').get()).toEqual({ locked: 1 });
  });
});
