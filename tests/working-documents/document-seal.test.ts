// Sealing a generated session document when the settings say so: the decisions once the minutes are
// approved (the record hash in the manifest), the agenda as issued; `council verify` says VALID, or
// exactly what differs; the API hands the document and its manifest to save, and checks an upload.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/cli/commands/documents';
import '../../src/cli/commands/verify';
import { runCli } from '../../src/cli/council';
import { createDispatcher } from '../../src/api/dispatch';
import { ensureSealKey } from '../../src/seal/keys';
import { updateOrganisationSettings } from '../../src/settings/service';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';
import { readDocx } from '../minutes/sample';
import { approvedSession } from '../seal/world';

let t: TempDb;
let lines: string[];
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
const cli = async (...argv: string[]) => {
  lines = [];
  return runCli([...argv, '--db', t.path], io);
};
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const enable = (kinds: string[]) => updateOrganisationSettings(t.ctx, { sealedDocuments: kinds });

describe('council document --seal and council verify', () => {
  it('refuses to seal when the settings do not ask for it, and the decisions before the minutes are approved', async () => {
    insertSessionRecord(t.sqlite, 66);
    const out = path.join(t.dir, 'decisions.docx');
    expect(await cli('document', 'decisions', '66', '--lang', 'ar', '--out', out, '--seal')).toBe(1);
    expect(lines.join('\n')).toMatch(/sealedDocuments/);
    await enable(['decisions', 'agenda']);
    expect(await cli('document', 'decisions', '66', '--lang', 'ar', '--out', out, '--seal')).toBe(1);
    expect(lines.join('\n')).toMatch(/once the minutes are approved/);
    expect(fs.existsSync(out)).toBe(false);
    // The agenda is sealed as issued, before the session: no record in its manifest.
    const agenda = path.join(t.dir, 'agenda.docx');
    expect(await cli('document', 'agenda', '66', '--lang', 'en', '--out', agenda, '--seal')).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(agenda + '.seal.json', 'utf8')) as { format: string; record: unknown; document: unknown };
    expect(manifest).toMatchObject({ format: 'council-document-seal/1', record: null, document: { kind: 'agenda', lang: 'en' } });
    expect(await cli('verify', agenda)).toBe(0);
  });

  it('seals the approved decisions with the installation key: VALID, then each change named', async () => {
    const { ids } = await approvedSession(t);
    await enable(['decisions']);
    const out = path.join(t.dir, 'decisions-ar.docx');
    expect(await cli('document', 'decisions', '66', '--lang', 'ar', '--out', out, '--seal')).toBe(0);
    // A real Word document, the decisions of the session, read back independently.
    const v = readDocx(out);
    expect(v.paragraphs.some((p) => p.text.startsWith('قرارات'))).toBe(true);
    const sealRow = t.sqlite.prepare('select minutes_version_id, file_name from seal_record where file_name like ?').get('decisions-%') as { minutes_version_id: string | null };
    expect(sealRow.minutes_version_id).toBeNull();

    expect(await cli('verify', out)).toBe(0);
    expect(lines).toContain('VALID');
    expect(lines.some((l) => l.includes('document decisions (ar)'))).toBe(true);

    // One byte of the document.
    const bytes = fs.readFileSync(out);
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 30) ^ 1, flipped.length - 30);
    fs.writeFileSync(out, flipped);
    expect(await cli('verify', out)).toBe(1);
    expect(lines.some((l) => l.startsWith('document_changed:'))).toBe(true);
    fs.writeFileSync(out, bytes);

    // The manifest says it is another document: the signature no longer holds.
    const mPath = out + '.seal.json';
    const manifestText = fs.readFileSync(mPath, 'utf8');
    fs.writeFileSync(mPath, manifestText.replace('"kind": "decisions"', '"kind": "follow-up"'));
    expect(await cli('verify', out)).toBe(1);
    expect(lines.some((l) => l.startsWith('signature_invalid:'))).toBe(true);
    // A field the signature does not cover.
    fs.writeFileSync(mPath, manifestText.replace('"format": "council-document-seal/1",', '"format": "council-document-seal/1", "approvedBy": "x",'));
    expect(await cli('verify', out)).toBe(1);
    expect(lines.some((l) => l.startsWith('manifest_invalid:'))).toBe(true);
    fs.writeFileSync(mPath, manifestText);

    // Another laptop's key trusted instead of this one's.
    const other = ensureSealKey(tempDir());
    const otherPem = path.join(t.dir, 'other.pem');
    fs.writeFileSync(otherPem, other.publicKeyPem);
    expect(await cli('verify', out, '--key', otherPem)).toBe(1);
    expect(lines.some((l) => l.startsWith('wrong_key:'))).toBe(true);

    // The record changed behind the lock's back (raw SQL through the override).
    t.sqlite.prepare('insert into session_lock_override (session_id, reason) values (?, ?)').run(ids.sessionId, 'test');
    t.sqlite.prepare("update decision set text_ar = text_ar || ' معدل' where id = ?").run(ids.decisionId);
    t.sqlite.prepare('delete from session_lock_override').run();
    expect(await cli('verify', out)).toBe(1);
    expect(lines.some((l) => l.startsWith('record_changed:'))).toBe(true);
  });
});

describe('seal.document and seal.verify through the API', () => {
  it('gives the sealed document and its manifest, and verifies the pair uploaded back', async () => {
    const { ids } = await approvedSession(t);
    const dataDir = path.join(t.dir, 'data');
    const dispatch = createDispatcher(t.ctx, { seal: { dataDir } });
    const off = await dispatch('seal.document', { sessionId: ids.sessionId, kind: 'decisions', lang: 'en' });
    expect(off).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'kind', issues: [{ code: 'document_seal_not_enabled' }] } });
    await enable(['decisions', 'follow-up']);
    const bad = await dispatch('seal.document', { sessionId: ids.sessionId, kind: 'decisions', lang: 'en', extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const r = await dispatch('seal.document', { sessionId: ids.sessionId, kind: 'decisions', lang: 'en' });
    if (!r.ok) throw new Error(r.error.message);
    const sealed = r.value as { document: { fileName: string; base64: string }; manifest: { base64: string }; fingerprint: string };
    expect(sealed.document.fileName).toBe('decisions-ordinary-66-en.docx');
    expect(sealed.fingerprint).toBe(ensureSealKey(dataDir).fingerprint);
    const manifestText = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
    const verified = await dispatch('seal.verify', { fileName: sealed.document.fileName, fileBase64: sealed.document.base64, manifestText });
    expect(verified).toMatchObject({ ok: true, value: { valid: true, keyChecked: true, sealed: { document: { kind: 'decisions', lang: 'en' } } } });
    const altered = Buffer.from(sealed.document.base64, 'base64');
    altered.writeUInt8(altered.readUInt8(altered.length - 30) ^ 1, altered.length - 30);
    const changed = await dispatch('seal.verify', { fileName: sealed.document.fileName, fileBase64: altered.toString('base64'), manifestText });
    expect(changed).toMatchObject({ ok: true, value: { valid: false, problems: [{ code: 'document_changed' }] } });
  });
});
