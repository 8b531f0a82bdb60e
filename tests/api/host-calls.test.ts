// The calls that need the host (seal, backups, restore) and the session .zip and the signed scan, through
// the dispatcher as IPC and the browser host call it, on real SQLite files: seal and export the minutes
// (the fingerprint in the footer), verify what the user picks (valid, or exactly what differs), refuse a
// PDF where the host cannot print, move a session to a second database, restore a backup under the
// running dispatcher.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCallName } from '../../src/api/contract';
import { createDispatcher, type Dispatcher } from '../../src/api/dispatch';
import { openLiveCouncil, type LiveCouncil } from '../../src/backup/live';
import { openCouncil } from '../../src/core/council';
import { createSampleSession, tableSnapshot } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-db';

const fakePdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Laptop {
  dir: string;
  live: LiveCouncil;
  dispatch: Dispatcher;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the views loosely
  call<T = any>(name: ApiCallName, input: unknown): Promise<T>;
  snapshot(): string;
}

const open: Laptop[] = [];
async function laptop(options: { printer?: boolean } = {}): Promise<Laptop> {
  const dir = tempDir('council-host-');
  const live = await openLiveCouncil({ open: () => openCouncil({ path: path.join(dir, 'council.sqlite'), now: () => new Date('2026-11-12T10:00:00Z') }) });
  const dispatch = createDispatcher(live.ctx, {
    backups: live.backups,
    seal: { dataDir: dir, ...(options.printer ? { printToPdf: async () => new Uint8Array(fakePdf) } : {}) },
  });
  const l: Laptop = {
    dir,
    live,
    dispatch,
    async call(name, input) {
      const r = await dispatch(name, input);
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.field} ${r.error.message}`), { payload: r.error });
      return r.value as never;
    },
    snapshot: () => JSON.stringify(tableSnapshot(live.current().database.sqlite)),
  };
  open.push(l);
  return l;
}

async function refusal(l: Laptop, name: ApiCallName, input: unknown) {
  const before = l.snapshot();
  const r = await l.dispatch(name, input);
  expect(r.ok).toBe(false);
  expect(l.snapshot()).toBe(before);
  return (r as { ok: false; error: { code: string; field: string; message: string } }).error;
}

async function approved(l: Laptop) {
  const sample = await createSampleSession(l.live.ctx(), { members: 14, sittings: 1 });
  const v = await l.call('minutesVersions.create', { sessionId: sample.sessionId, language: 'ar' });
  await l.call('minutesVersions.circulate', { versionId: v.id });
  await l.call('minutesVersions.approve', { versionId: v.id, approvedAtSession: 'الدورة 67' });
  return { sessionId: sample.sessionId, versionId: v.id as string };
}

let a: Laptop;
beforeEach(async () => {
  a = await laptop();
});
afterEach(async () => {
  for (const l of open.splice(0)) {
    await l.live.close();
    fs.rmSync(l.dir, { recursive: true, force: true });
  }
});

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

describe('seal.minutes and seal.verify', () => {
  it('seals the approved minutes with the fingerprint in the footer; verifies valid, then names each difference', async () => {
    const { versionId } = await approved(a);
    const key = await a.call('seal.key', {});
    expect(key.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(key.pdfAvailable).toBe(false);
    expect(fs.statSync(path.join(a.dir, 'seal', 'seal-ed25519-private.pem')).mode & 0o077).toBe(0);

    const sealed = await a.call('seal.minutes', { versionId, format: 'docx' });
    expect(sealed.document.fileName).toBe('minutes-ordinary-66-v1-ar.docx');
    expect(sealed.manifest.fileName).toBe('minutes-ordinary-66-v1-ar.docx.seal.json');
    const doc = Buffer.from(sealed.document.base64, 'base64');
    const xml = await (await JSZip.loadAsync(doc)).file('word/document.xml')!.async('string');
    // The text, runs joined: the renderer may split a fingerprint that ends in a digit into two runs.
    expect(xml.replace(/<[^>]+>/g, '').replace(/[\u2066-\u2069]/g, '')).toContain(`بصمة الختم الرقمي: ${key.fingerprint}`);
    const manifestText = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
    expect(JSON.parse(manifestText).fingerprint).toBe(key.fingerprint);
    expect((await a.call('minutesVersions.list', { sessionId: (await a.call('minutesVersions.list', { sessionId: JSON.parse(manifestText).session.id }))[0].sessionId }))[0].status).toBe('signed');

    const verify = (over: Record<string, unknown> = {}) => a.call('seal.verify', { fileName: 'm.docx', fileBase64: b64(doc), manifestText, ...over });
    const ok = await verify();
    expect(ok).toMatchObject({ valid: true, problems: [], keyChecked: true });
    expect(ok.sealed.session.number).toBe(66);

    const tampered = Buffer.from(doc);
    const at = tampered.length - 30;
    tampered[at] = tampered[at]! ^ 0xff;
    expect((await verify({ fileBase64: b64(tampered) })).problems.map((p: { code: string }) => p.code)).toEqual(['document_changed']);
    const edited = manifestText.replace(/"signedAt": "[^"]+"/, '"signedAt": "2020-01-01T00:00:00.000Z"');
    expect((await verify({ manifestText: edited })).problems.map((p: { code: string }) => p.code)).toEqual(['signature_invalid']);
    expect((await verify({ manifestText: undefined })).problems.map((p: { code: string }) => p.code)).toEqual(['not_signed']);
    const foreign = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect((await verify({ publicKeyPem: foreign })).problems.map((p: { code: string }) => p.code)).toEqual(['wrong_key']);
    expect((await refusal(a, 'seal.verify', { fileName: 'm.docx', fileBase64: b64(doc), manifestText, publicKeyPem: '-----BEGIN PUBLIC KEY-----\nxx\n' })).field).toBe('publicKeyPem');
    expect((await refusal(a, 'seal.verify', { fileName: 'm.docx', fileBase64: '***' })).field).toBe('fileBase64');
  });

  it("verifies minutes sealed on another laptop against that laptop's public key, and says which key was used", async () => {
    const { sessionId, versionId } = await approved(a);
    const sealed = await a.call('seal.minutes', { versionId, format: 'docx' });
    const keyA = await a.call('seal.key', {});
    const manifestText = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
    const b = await laptop();
    await b.call('bundles.importZip', { zipBase64: (await a.call('bundles.exportZip', { sessionId })).base64, publicKeyPem: keyA.publicKeyPem });
    const keyB = await b.call('seal.key', {});
    const verify = (over: Record<string, unknown> = {}) => b.call('seal.verify', { fileName: 'm.docx', fileBase64: sealed.document.base64, manifestText, ...over });

    // Without a key, B trusts only its own: the seal is A's, so "wrong key", and the result names B's key.
    const own = await verify();
    expect(own.problems.map((p: { code: string }) => p.code)).toEqual(['wrong_key']);
    expect(own.trustedKey).toEqual({ fingerprint: keyB.fingerprint, thisInstallation: true });
    // With A's exported public key (as the .pem file's text, CRLF and a BOM as an editor may leave them): valid.
    const given = await verify({ publicKeyPem: '\uFEFF' + keyA.publicKeyPem.replace(/\n/g, '\r\n') });
    expect(given).toMatchObject({ valid: true, problems: [], keyChecked: true, trustedKey: { fingerprint: keyA.fingerprint, thisInstallation: false } });
    // On A, its own key given explicitly is recognised as the installation's.
    const onA = await a.call('seal.verify', { fileName: 'm.docx', fileBase64: sealed.document.base64, manifestText, publicKeyPem: keyA.publicKeyPem });
    expect(onA).toMatchObject({ valid: true, trustedKey: { fingerprint: keyA.fingerprint, thisInstallation: true } });

    const pem = (body: string) => `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const priv = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    for (const bad of [pem('AAAA'), pem('not base64 at all!'), rsa, priv, priv + keyA.publicKeyPem, pem('A'.repeat(10_001)), '', 42]) {
      const e = await refusal(b, 'seal.verify', { fileName: 'm.docx', fileBase64: sealed.document.base64, manifestText, publicKeyPem: bad });
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'publicKeyPem' });
    }
  });

  it('refuses a PDF where the host cannot print, and a draft; seals a PDF where it can', async () => {
    const { versionId, sessionId } = await approved(a);
    const e = await refusal(a, 'seal.minutes', { versionId, format: 'pdf' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'format' });
    const draft = await a.call('minutesVersions.create', { sessionId, language: 'ar' }).catch((err: { payload: { code: string } }) => err.payload);
    expect(draft.code).toBe('CONFLICT'); // approved: no new version without corrigenda, so no draft to seal
    expect(await refusal(a, 'seal.minutes', { versionId: crypto.randomUUID(), format: 'docx' })).toMatchObject({ code: 'NOT_FOUND', field: 'versionId' });

    const p = await laptop({ printer: true });
    const approvedP = await approved(p);
    expect((await p.call('seal.key', {})).pdfAvailable).toBe(true);
    const sealed = await p.call('seal.minutes', { versionId: approvedP.versionId, format: 'pdf' });
    expect(sealed.document.fileName).toBe('minutes-ordinary-66-v1-ar.pdf');
    expect(Buffer.from(sealed.document.base64, 'base64').equals(fakePdf)).toBe(true);
    const r = await p.call('seal.verify', { fileName: 'm.pdf', fileBase64: sealed.document.base64, manifestText: Buffer.from(sealed.manifest.base64, 'base64').toString('utf8') });
    expect(r.valid).toBe(true);
  });

  it('a host without the seal refuses its calls naming "call"', async () => {
    const bare = createDispatcher(a.live.ctx);
    for (const name of ['seal.key', 'seal.minutes', 'seal.verify', 'backups.restore'] as const) {
      const r = await bare(name, name === 'seal.key' ? {} : name === 'backups.restore' ? { fileName: 'x' } : name === 'seal.minutes' ? { versionId: crypto.randomUUID(), format: 'docx' } : { fileName: 'x', fileBase64: 'AA==' });
      expect(r.ok ? null : r.error.field).toBe('call');
    }
  });
});

describe('scans.file and attachments.list', () => {
  it('files the signed scan with its hash; refuses what is not a PDF or an image', async () => {
    const { sessionId } = await approved(a);
    const scan = await a.call('scans.file', { sessionId, fileName: 'signed.pdf', contentBase64: b64(fakePdf) });
    expect(scan).toMatchObject({ kind: 'scan', mime: 'application/pdf', byteSize: fakePdf.length });
    expect(scan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await a.call('attachments.list', { sessionId })).map((x: { id: string }) => x.id)).toEqual([scan.id]);
    expect(await refusal(a, 'scans.file', { sessionId, fileName: 'x.txt', contentBase64: b64('hello there') })).toMatchObject({ field: 'contentBase64' });
  });
});

describe('bundles.exportZip and bundles.importZip', () => {
  it('moves a locked session to a fresh database; a second import shows it identical and writes only on a choice', async () => {
    const { sessionId, versionId } = await approved(a);
    const sealed = await a.call('seal.minutes', { versionId, format: 'docx' });
    const zip = await a.call('bundles.exportZip', { sessionId });
    expect(zip).toMatchObject({ fileName: 'session-ordinary-66.zip', mimeType: 'application/zip' });

    const b = await laptop();
    const key = await a.call('seal.key', {});
    // A's seal is refused on B until A's key is named (or the copy asked for, unverified): B has no key yet,
    // then only its own.
    expect(await refusal(b, 'bundles.importZip', { zipBase64: zip.base64 })).toMatchObject({ code: 'CONFLICT', field: 'publicKeyPem', issues: [{ code: 'import_no_trusted_key' }] });
    await b.call('seal.key', {});
    expect(await refusal(b, 'bundles.importZip', { zipBase64: zip.base64 })).toMatchObject({ code: 'CONFLICT', field: 'publicKeyPem', issues: [{ code: 'import_wrong_key' }] });
    expect(await refusal(b, 'bundles.importZip', { zipBase64: zip.base64, publicKeyPem: 'not a key' })).toMatchObject({ code: 'VALIDATION', field: 'publicKeyPem' });
    const imported = await b.call('bundles.importZip', { zipBase64: zip.base64, publicKeyPem: key.publicKeyPem });
    expect(imported).toMatchObject({ status: 'imported', sessionId, locked: true, replaced: false, verifiedBy: { fingerprint: key.fingerprint, thisInstallation: false } });
    // The seal verifies on the new laptop against the first laptop's key.
    const manifestText = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
    expect((await b.call('seal.verify', { fileName: 'm.docx', fileBase64: sealed.document.base64, manifestText, publicKeyPem: key.publicKeyPem })).valid).toBe(true);

    const before = b.snapshot();
    const again = await b.call('bundles.importZip', { zipBase64: zip.base64 });
    expect(again).toMatchObject({ status: 'exists', existingSessionId: sessionId, identical: true, choices: ['replace', 'keep'] });
    expect(b.snapshot()).toBe(before);
    expect(await b.call('bundles.importZip', { zipBase64: zip.base64, choice: 'keep' })).toMatchObject({ status: 'kept' });
    expect(b.snapshot()).toBe(before);
    expect(await b.call('bundles.importZip', { zipBase64: zip.base64, choice: 'replace', publicKeyPem: key.publicKeyPem })).toMatchObject({ status: 'imported', replaced: true, locked: true });

    expect(await refusal(b, 'bundles.importZip', { zipBase64: b64('not a zip at all') })).toMatchObject({ field: 'zip' });
    expect(await refusal(b, 'bundles.importZip', { zipBase64: zip.base64, choice: 'merge' })).toMatchObject({ field: 'choice' });
  });
});

describe('backups.restore', () => {
  it('restores a listed backup under the running dispatcher; the state before is itself a backup', async () => {
    const taken = await a.call('backups.now', {});
    await a.call('settings.update', { secretaryName: 'بعد النسخة' });
    const restored = await a.call('backups.restore', { fileName: taken.fileName });
    expect(restored.restoredFrom).toBe(taken.fileName);
    expect(restored.beforeRestore).toMatch(/^council-before-restore-/);
    expect(restored.keptAside[0]).toMatch(/^council\.replaced-.*\.sqlite$/);
    expect(fs.existsSync(path.join(a.dir, restored.keptAside[0]))).toBe(true);
    // The same dispatcher now answers from the restored file.
    expect((await a.call('settings.get', {})).secretaryName).not.toBe('بعد النسخة');
    const list = await a.call('backups.list', {});
    expect(list.map((b: { reason: string }) => b.reason).sort()).toEqual(['before-restore', 'manual']);
    // Undo: restore the before-restore backup.
    await a.call('backups.restore', { fileName: restored.beforeRestore });
    expect((await a.call('settings.get', {})).secretaryName).toBe('بعد النسخة');
  });

  it('refuses an unknown name and a damaged backup, leaving the open database as it was', async () => {
    expect(await refusal(a, 'backups.restore', { fileName: '../council.sqlite' })).toMatchObject({ code: 'NOT_FOUND', field: 'fileName' });
    const taken = await a.call('backups.now', {});
    const file = path.join(a.live.backupDir, taken.fileName);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192); // overwrite a page
    bytes.fill(0x42, 100, 200);
    fs.writeFileSync(file, bytes);
    await a.call('settings.update', { secretaryName: 'قبل' });
    expect(await refusal(a, 'backups.restore', { fileName: taken.fileName })).toMatchObject({ code: 'VALIDATION', field: 'fileName' });
    expect((await a.call('settings.get', {})).secretaryName).toBe('قبل');
  });

  it('the schedule is stopped while restoring and runs again after', async () => {
    a.live.startSchedule();
    const taken = await a.call('backups.now', {});
    await a.call('backups.restore', { fileName: taken.fileName });
    expect(a.live.scheduled()).toBe(true);
    await a.live.close();
    expect(a.live.scheduled()).toBe(false);
    open.splice(open.indexOf(a), 1);
    fs.rmSync(a.dir, { recursive: true, force: true });
  });
});
