// The tamper suite: one sealed document, then many ways of changing what it proves — the document, the
// manifest, the key, the database, the session .zip — each tried on its own. Every variant must be
// detected (a verification that is not VALID, or an import that is refused). The untouched control must
// stay VALID, so the suite cannot pass by refusing everything.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import type { CoreContext } from '../../src/core/context';
import { openDatabase, type CouncilDatabase } from '../../src/database/open';
import { LockedBundleError, SealNotVerifiedError, ValidationError } from '../../src/errors';
import { ensureSealKey, fingerprintOf, type SealKey } from '../../src/seal/keys';
import { signManifest, type SealManifest } from '../../src/seal/manifest';
import { sealFile, sha256Hex } from '../../src/seal/sign';
import { verifySealedContent, type VerifyResult } from '../../src/seal/verify';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import type { RecordIds } from '../lock/fixture';
import { smallDocx } from './docx';
import { approvedSession } from './world';

let t: TempDb;
let ids: RecordIds;
let key: SealKey;
let docx: Buffer;
let manifestText: string;
let manifest: SealManifest;
let dbCopySource: string;
const forger = generateKeyPairSync('ed25519');
const forgerPem = forger.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const opened: { db: CouncilDatabase; dir: string }[] = [];

beforeAll(async () => {
  t = await openTempDb();
  ({ ids } = await approvedSession(t));
  const { version } = { version: (t.sqlite.prepare('select id from minutes_version where session_id = ?').get(ids.sessionId) as { id: string }) };
  const dataDir = path.join(t.dir, 'data');
  const file = path.join(t.dir, 'minutes.docx');
  fs.writeFileSync(file, await smallDocx());
  await sealFile(t.ctx, { versionId: version.id, filePath: file }, { dataDir });
  key = ensureSealKey(dataDir);
  docx = fs.readFileSync(file);
  manifestText = fs.readFileSync(file + '.seal.json', 'utf8');
  manifest = JSON.parse(manifestText) as SealManifest;
  t.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  dbCopySource = t.path;
});
afterAll(async () => {
  for (const o of opened) {
    await o.db.close();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
  await t.cleanup();
});

async function verify(
  content: { doc?: Uint8Array | null; manifest?: string | null },
  options: { publicKeyPem?: string; ctx?: CoreContext } = {},
): Promise<VerifyResult> {
  return verifySealedContent(
    { filePath: 'minutes.docx', manifestPath: 'minutes.docx.seal.json', fileBytes: content.doc === undefined ? docx : content.doc, manifestText: content.manifest === undefined ? manifestText : content.manifest },
    { publicKeyPem: options.publicKeyPem ?? key.publicKeyPem, installationFingerprint: key.fingerprint, ctx: options.ctx ?? t.ctx },
  );
}

/** A copy of the sealed database, changed with raw SQL as someone with the file would (the lock's
 *  override row inserted and removed around the change: the seal, not the lock, must catch it). */
async function tamperedDb(...statements: string[]): Promise<CoreContext> {
  const dir = tempDir('tamper-');
  fs.copyFileSync(dbCopySource, path.join(dir, 'council.sqlite'));
  const db = await openDatabase({ path: path.join(dir, 'council.sqlite') });
  opened.push({ db, dir });
  db.sqlite.exec('pragma recursive_triggers = off; pragma foreign_keys = off');
  db.sqlite.exec('drop trigger if exists corrigendum_no_update; drop trigger if exists corrigendum_no_delete');
  db.sqlite.transaction(() => {
    db.sqlite.prepare('insert into session_lock_override values (?, ?)').run(ids.sessionId, 'tamper');
    for (const s of statements) db.sqlite.prepare(s.replaceAll(':s', `'${ids.sessionId}'`)).run();
    db.sqlite.prepare('delete from session_lock_override').run();
  })();
  return { db: db.db, now: () => new Date() };
}

const flip = (b: Uint8Array, at: number) => {
  const c = Buffer.from(b);
  const i = at < 0 ? c.length + at : at;
  c[i] = c[i]! ^ 0x01;
  return c;
};
const edited = (change: (m: Record<string, unknown>) => void) => {
  const m = JSON.parse(manifestText) as Record<string, unknown>;
  change(m);
  return JSON.stringify(m);
};
/** The manifest changed and signed again by `by` (the forger, unless given), with that key in it. */
const resigned = (change: (m: SealManifest) => SealManifest, by: KeyObject = forger.privateKey, pem = forgerPem) => {
  const { signature: _s, ...rest } = change(structuredClone(manifest));
  return JSON.stringify(signManifest({ ...rest, publicKey: pem, fingerprint: fingerprintOf(pem) }, by));
};

async function docxWithWord(from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'nodebuffer' });
}

type Variant = [string, () => Promise<VerifyResult>];
const variants: Variant[] = [];
const docVariant = (name: string, make: () => Promise<Uint8Array | null> | Uint8Array | null) =>
  variants.push([`document: ${name}`, async () => verify({ doc: await make() })]);
const manifestVariant = (name: string, make: () => Promise<string | null> | string | null) =>
  variants.push([`manifest: ${name}`, async () => verify({ manifest: await make() })]);
const dbVariant = (name: string, ...sql: string[]) => variants.push([`database: ${name}`, async () => verify({}, { ctx: await tamperedDb(...sql) })]);

// The document.
docVariant('first byte flipped', () => flip(docx, 0));
docVariant('a middle byte flipped', () => flip(docx, Math.floor(docx.length / 2)));
docVariant('last byte flipped', () => flip(docx, -1));
docVariant('one byte appended', () => Buffer.concat([docx, Buffer.from([0])]));
docVariant('truncated by one byte', () => docx.subarray(0, docx.length - 1));
docVariant('emptied', () => Buffer.alloc(0));
docVariant('missing', () => null);
docVariant('one word changed inside word/document.xml', () => docxWithWord('adopts', 'rejects'));
docVariant('one letter changed inside word/document.xml', () => docxWithWord('budget', 'budgel'));
docVariant('another document', () => smallDocx('The Council adopts the budget.'));
// The manifest, edited without the key.
manifestVariant('missing', () => null);
manifestVariant('not JSON', () => manifestText.slice(0, -3));
manifestVariant("file hash set to a forged document's", () => edited((m) => ((m.file as { sha256: string }).sha256 = sha256Hex(Buffer.from('x')))));
manifestVariant('file name changed', () => edited((m) => ((m.file as { name: string }).name = 'other.docx')));
manifestVariant('file size changed', () => edited((m) => ((m.file as { bytes: number }).bytes += 1)));
manifestVariant('file kind changed', () => edited((m) => ((m.file as { kind: string }).kind = 'pdf')));
manifestVariant('session number changed', () => edited((m) => ((m.session as { number: number }).number = 67)));
manifestVariant('session id changed', () => edited((m) => ((m.session as { id: string }).id = 'another')));
manifestVariant('minutes version changed', () => edited((m) => (m.minutesVersion = 2)));
manifestVariant('record hash changed', () => edited((m) => ((m.record as { sha256: string }).sha256 = '0'.repeat(64))));
manifestVariant('record format moved back to /3', () => edited((m) => ((m.record as { format: string }).format = 'council-record/3')));
manifestVariant('corrigenda count changed', () => edited((m) => ((m.record as { corrigenda: number }).corrigenda = 1)));
manifestVariant('signing time changed', () => edited((m) => (m.signedAt = '2020-01-01T00:00:00.000Z')));
manifestVariant('signature bit flipped', () =>
  edited((m) => (m.signature = flip(Buffer.from(m.signature as string, 'base64'), 3).toString('base64'))),
);
manifestVariant('signature removed', () => edited((m) => delete m.signature));
manifestVariant('an unsigned field added at the top', () => edited((m) => (m.approvedBy = 'the Council, unanimously')));
manifestVariant('an unsigned field added to file', () => edited((m) => ((m.file as Record<string, unknown>).note = 'final')));
manifestVariant('an unsigned field added to record', () => edited((m) => ((m.record as Record<string, unknown>).scope = 'all')));
manifestVariant('an unsigned field added to session', () => edited((m) => ((m.session as Record<string, unknown>).title = 'x')));
manifestVariant('seal format changed', () => edited((m) => (m.format = 'council-seal/2')));
// The key.
manifestVariant("public key swapped for the forger's (fingerprint kept)", () => edited((m) => (m.publicKey = forgerPem)));
manifestVariant("public key and fingerprint swapped for the forger's (not re-signed)", () =>
  edited((m) => {
    m.publicKey = forgerPem;
    m.fingerprint = fingerprintOf(forgerPem);
  }),
);
variants.push(['key: a forged document with a manifest re-signed by the forger', async () => {
  const forged = await smallDocx('The Council rejects the budget');
  return verify({ doc: forged, manifest: resigned((m) => ({ ...m, file: { ...m.file, sha256: sha256Hex(forged), bytes: forged.length } })) });
}]);
variants.push(['key: the untouched document re-signed by the forger', async () => verify({ manifest: resigned((m) => m) })]);
variants.push(["key: the seal checked against another laptop's key", async () => verify({}, { publicKeyPem: forgerPem })]);
// The database, changed under the seal.
dbVariant('a decision text', `update decision set text_en = 'The Council rejects the budget' where session_id = :s`);
dbVariant('a note', `update note set text = 'لم يفتتح الرئيس الجلسة' where session_id = :s`);
dbVariant('a vote count', `update vote set yes = yes + 1 where session_id = :s`);
dbVariant('a ballot', `update vote_ballot set choice = 'no' where session_id = :s`);
dbVariant('the time zone (every clock time shifts)', `update council_session set time_zone = 'Pacific/Kiritimati' where id = :s`);
dbVariant("a named state's English name", `update member_state set name_en = 'Another State' where iso_code = 'MA'`);
dbVariant("a named state's Arabic name", `update member_state set name_ar = 'دولة أخرى' where iso_code = 'EG'`);
dbVariant("a named state's French name", `update member_state set name_fr = 'Autre État' where iso_code = 'MA'`);
dbVariant('the venue', `update council_session set venue_city_en = 'Basra' where id = :s`);
dbVariant('a delegate removed', `delete from delegate where session_id = :s`);
dbVariant('an attendance event added', `insert into attendance_event select 'extra', session_id, sitting_id, delegation_id, 'departure', recorded_at, at from attendance_event where session_id = :s`);
dbVariant('an agenda item title', `update agenda_item set title_ar = 'بند آخر' where session_id = :s`);
dbVariant('a reservation removed', `delete from reservation where session_id = :s`);
dbVariant('an action item description', `update action_item set description = 'لا شيء' where session_id = :s`);
dbVariant('a signatory name', `insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at) values ('sig', :s, 'chair', 1, 'Someone Else', 'a', 'e', 'f', null, '2026-11-10', '2026-11-10')`);
dbVariant('a referral moved to another body', `update referral set body_name = 'another body' where session_id = :s`);
dbVariant('the lock date', `update council_session set locked_at = '2020-01-01T00:00:00.000Z' where id = :s`);
dbVariant('the session deleted', `delete from council_session where id = :s`);

describe('the tamper suite', () => {
  it('has at least 40 variants', () => expect(variants.length + ZIP_VARIANTS.length + ZIP_FORGED_VARIANTS.length).toBeGreaterThanOrEqual(40));

  it('the untouched document, manifest, key and database are VALID (control)', async () => {
    const r = await verify({});
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('a change to action_item.status alone (follow-up progress) stays VALID (control)', async () => {
    const r = await verify({}, { ctx: await tamperedDb(`update action_item set status = 'done' where session_id = :s`) });
    expect(r.problems).toEqual([]);
  });

  for (const [name, run] of variants) {
    it(`detects ${name}`, async () => {
      const r = await run();
      expect(r.valid, JSON.stringify(r.problems)).toBe(false);
      expect(r.problems.length).toBeGreaterThan(0);
    });
  }
});

// The session .zip: an archive edited after export is refused as a whole (hashes.json, then each file's
// hash); one edited with its hashes recomputed is refused by the seal check (SealNotVerifiedError), even
// with the sealing laptop's key named.
async function rezip(bytes: Uint8Array, change: (files: Map<string, Buffer>) => void): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const files = new Map<string, Buffer>();
  for (const e of Object.values(src.files)) if (!e.dir) files.set(e.name, await e.async('nodebuffer'));
  change(files);
  const out = new JSZip();
  for (const [n, b] of files) out.file(n, b);
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const editJson = (files: Map<string, Buffer>, name: string, change: (j: Record<string, unknown>) => void) => {
  const j = JSON.parse(files.get(name)!.toString('utf8')) as Record<string, unknown>;
  change(j);
  files.set(name, Buffer.from(JSON.stringify(j)));
};
const ZIP_VARIANTS: [string, (f: Map<string, Buffer>) => void][] = [
  ['a decision text edited', (f) => f.set('session.json', Buffer.from(f.get('session.json')!.toString('utf8').replace('The Council adopts the budget', 'The Council rejects the budget')))],
  ['the lock removed from the session', (f) => editJson(f, 'session.json', (j) => ((j.session as Record<string, unknown>).lockedAt = null))],
  ['the seal records removed', (f) => editJson(f, 'approval.json', (j) => (j.sealRecords = []))],
  ["a file's hash in hashes.json replaced", (f) => editJson(f, 'hashes.json', (j) => ((j.files as Record<string, string>)['session.json'] = '0'.repeat(64)))],
  ['a file added that hashes.json does not list', (f) => f.set('attachments/extra.pdf', Buffer.from('%PDF-1.4'))],
  ['a listed file removed', (f) => f.delete('approval.json')],
];

/** The archive changed and its hashes.json recomputed, as a forger who read the format would. */
const withHashes = (change: (f: Map<string, Buffer>) => void) => (f: Map<string, Buffer>) => {
  change(f);
  const h = JSON.parse(f.get('hashes.json')!.toString('utf8')) as { files: Record<string, string> };
  for (const [n, data] of f) if (n !== 'hashes.json') h.files[n] = createHash('sha256').update(data).digest('hex');
  f.set('hashes.json', Buffer.from(JSON.stringify(h)));
};
const editApproval = (f: Map<string, Buffer>, change: (j: { sealRecords: { manifestJson?: string | null }[] }) => void) =>
  editJson(f, 'approval.json', (j) => change(j as unknown as { sealRecords: { manifestJson?: string | null }[] }));
const editManifest = (f: Map<string, Buffer>, change: (m: Record<string, unknown>) => void) =>
  editApproval(f, (j) => {
    const m = JSON.parse(j.sealRecords[0]!.manifestJson!) as Record<string, unknown>;
    change(m);
    j.sealRecords[0]!.manifestJson = JSON.stringify(m);
  });
const ZIP_FORGED_VARIANTS: [string, (f: Map<string, Buffer>) => void, string][] = [
  ['a decision text edited, hashes recomputed', withHashes(ZIP_VARIANTS[0]![1]), 'record_changed'],
  ['a note reworded, hashes recomputed', withHashes((f) => editJson(f, 'session.json', (j) => ((j.notes as { text: string }[])[0]!.text = 'لم يفتتح الرئيس الجلسة'))), 'record_changed'],
  ['a delegate removed, hashes recomputed', withHashes((f) => editJson(f, 'session.json', (j) => (j.delegates = []))), 'record_changed'],
  ['the seal manifests removed, hashes recomputed', withHashes((f) => editApproval(f, (j) => j.sealRecords.forEach((r) => (r.manifestJson = null)))), 'no_seal'],
  ["the manifest's record hash set to the forged record's, hashes recomputed", withHashes((f) => editManifest(f, (m) => ((m.record as { sha256: string }).sha256 = 'f'.repeat(64)))), 'seal_invalid'],
  ["the manifest re-signed by the forger with the forger's key, hashes recomputed", withHashes((f) => editApproval(f, (j) => (j.sealRecords[0]!.manifestJson = resigned((m) => m)))), 'wrong_key'],
];

describe('the tamper suite: the session .zip', () => {
  let zipBytes: Uint8Array;
  beforeAll(async () => {
    zipBytes = (await exportSessionZip(t.ctx, { sessionId: ids.sessionId })).bytes;
  });
  it('the untouched archive imports, locked (control)', async () => {
    const target = await openTempDb();
    try {
      // With the sealing laptop's key named (the target has none of its own that sealed it).
      expect(await importSessionZip(target.ctx, { zipBytes, publicKeyPem: key.publicKeyPem })).toMatchObject({ status: 'imported', locked: true });
    } finally {
      await target.cleanup();
    }
  });
  for (const [name, change] of ZIP_VARIANTS) {
    it(`refuses an archive with ${name}, writing nothing`, async () => {
      const target = await openTempDb();
      try {
        const err = await importSessionZip(target.ctx, { zipBytes: await rezip(zipBytes, change) }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ValidationError);
        expect(target.sqlite.prepare('select count(*) as n from council_session').get()).toEqual({ n: 0 });
      } finally {
        await target.cleanup();
      }
    });
  }
});

describe('the tamper suite: a session .zip forged with its hashes recomputed', () => {
  let zipBytes: Uint8Array;
  beforeAll(async () => {
    zipBytes = (await exportSessionZip(t.ctx, { sessionId: ids.sessionId })).bytes;
  });
  for (const [name, change, reason] of ZIP_FORGED_VARIANTS) {
    it(`refuses an archive with ${name} (${reason}), writing nothing, even with the sealing key named`, async () => {
      const target = await openTempDb();
      try {
        const err = await importSessionZip(target.ctx, { zipBytes: await rezip(zipBytes, change), publicKeyPem: key.publicKeyPem }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SealNotVerifiedError);
        expect((err as SealNotVerifiedError).reason).toBe(reason);
        expect(target.sqlite.prepare('select count(*) as n from council_session').get()).toEqual({ n: 0 });
      } finally {
        await target.cleanup();
      }
    });
  }
});

describe('the session .zip: its JSON is read as strictly as a bundle file', () => {
  it('refuses invalid UTF-8 in session.json even with its hashes recomputed, naming the field, writing nothing', async () => {
    const zipBytes = (await exportSessionZip(t.ctx, { sessionId: ids.sessionId })).bytes;
    const broken = await rezip(zipBytes, (f) => {
      const text = f.get('session.json')!.toString('utf8');
      const at = Buffer.byteLength(text.slice(0, text.indexOf('The Council adopts the budget')));
      const bytes = Buffer.from(text);
      bytes[at] = 0xff; // a byte that is never valid UTF-8
      f.set('session.json', bytes);
      editJson(f, 'hashes.json', (j) => ((j.files as Record<string, string>)['session.json'] = createHash('sha256').update(bytes).digest('hex')));
    });
    const target = await openTempDb();
    try {
      const err = (await importSessionZip(target.ctx, { zipBytes: broken }).catch((e: unknown) => e)) as ValidationError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.message).toMatch(/not valid UTF-8: byte 0xFF/);
      expect(err.issues[0]).toMatchObject({ code: 'invalid_utf8' });
      expect(target.sqlite.prepare('select count(*) as n from council_session').get()).toEqual({ n: 0 });
    } finally {
      await target.cleanup();
    }
  });
});

// A JSON session bundle carries no seal: whatever a forger edits in a locked session's bundle (or nothing),
// it never arrives locked. It is refused naming session.lockedAt, or, asked for, comes in unlocked and marked.
const BUNDLE_VARIANTS: [string, (b: Record<string, unknown>) => void][] = [
  ['untouched', () => undefined],
  ['a decision text edited', (b) => ((b.decisions as { textEn: string | null; textAr: string }[]).forEach((d) => (d.textAr = 'قرار لم يتخذه المجلس')))],
  ['a note reworded', (b) => ((b.notes as { text: string }[])[0]!.text = 'لم يفتتح الرئيس الجلسة')],
  ['a delegate removed', (b) => (b.delegates = [])],
  ['its lockedAt moved', (b) => ((b.session as { lockedAt: string }).lockedAt = '2020-01-01T00:00:00.000Z')],
];

describe('the tamper suite: a JSON session bundle of a locked session', () => {
  let text: string;
  beforeAll(async () => {
    text = JSON.stringify(await exportSessionBundle(t.db, ids.sessionId));
  });
  for (const [name, change] of BUNDLE_VARIANTS) {
    it(`${name}: refused (session.lockedAt), writing nothing; as an unverified copy, unlocked and marked`, async () => {
      const bundle = JSON.parse(text) as Record<string, unknown>;
      change(bundle);
      const target = await openTempDb();
      try {
        const err = await importSessionBundle(target.ctx, bundle).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LockedBundleError);
        expect((err as LockedBundleError).field).toBe('session.lockedAt');
        expect(target.sqlite.prepare('select count(*) as n from council_session').get()).toEqual({ n: 0 });
        await importSessionBundle(target.ctx, bundle, { unverifiedCopy: true });
        expect(target.sqlite.prepare('select locked_at from council_session').all()).toEqual([{ locked_at: null }]);
        expect(target.sqlite.prepare('select reason from unverified_copy').all()).toEqual([{ reason: 'no_seal' }]);
      } finally {
        await target.cleanup();
      }
    });
  }
  it('with its lock removed, it imports as an unlocked session, claiming nothing (control)', async () => {
    const bundle = JSON.parse(text) as { session: { lockedAt: string | null } };
    bundle.session.lockedAt = null;
    const target = await openTempDb();
    try {
      await importSessionBundle(target.ctx, bundle);
      expect(target.sqlite.prepare('select locked_at from council_session').all()).toEqual([{ locked_at: null }]);
      expect(target.sqlite.prepare('select count(*) as n from unverified_copy').get()).toEqual({ n: 0 });
    } finally {
      await target.cleanup();
    }
  });
});
