// Golden records of the older formats (council-record/1-4): seals made with them are still verified, so
// their canonical form must never drift either. The Agadir sample, and the same with two corrigenda and a
// signatory with a signature image (fixed ids and instants, written as a file holding them would be),
// hashed under each format and each corrigenda count. Pinned once the columns added after those formats
// were left out while empty (tests/database/migrations.test.ts: each format hashes alike before and after
// migrating a file of its time).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { importSessionBundle } from '../../src/bundle/import';
import { loadSessionRecord, recordSha256, type RecordFormat } from '../../src/seal/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';

let t: TempDb;
let sessionId: string;
beforeEach(async () => {
  t = await openTempDb();
  const sample = (name: string) => JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.json`), 'utf8')) as unknown;
  await importSessionBundle(t.ctx, sample('baghdad-65'));
  ({ sessionId } = await importSessionBundle(t.ctx, sample('agadir-66')));
});
afterEach(async () => t.cleanup());

const FORMATS: RecordFormat[] = ['council-record/1', 'council-record/2', 'council-record/3', 'council-record/4'];
async function hashes(): Promise<string[]> {
  const out: string[] = [];
  for (const format of FORMATS) {
    for (const upTo of [undefined, 1]) {
      const scope = upTo === undefined ? {} : { corrigendaUpTo: upTo };
      out.push(`${format} ${upTo ?? '-'} ${await inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, sessionId, format, scope)))}`);
    }
  }
  return out;
}

it('the older formats of the Agadir sample hash to the same values on every build', async () => {
  expect(await hashes()).toEqual([
    'council-record/1 - cba2d8b0a639e015d37328598bb9b9015c6d594f6af243302a3804d7623f1a13',
    'council-record/1 1 cba2d8b0a639e015d37328598bb9b9015c6d594f6af243302a3804d7623f1a13',
    'council-record/2 - ba17939b0bb5df141ea97e1faf68be14deea8f9b5e6e049f9354d12bc3626dac',
    'council-record/2 1 ba17939b0bb5df141ea97e1faf68be14deea8f9b5e6e049f9354d12bc3626dac',
    'council-record/3 - da1c9bca7206cbf0ac329c4c1127ae9d3bf6e33697201036d1aa92db0dd39c88',
    'council-record/3 1 da1c9bca7206cbf0ac329c4c1127ae9d3bf6e33697201036d1aa92db0dd39c88',
    'council-record/4 - 362d26ed93a9f65184a99a392c15615cd6e80df96971c3a1683311267d676f1e',
    'council-record/4 1 362d26ed93a9f65184a99a392c15615cd6e80df96971c3a1683311267d676f1e',
  ]);
});

it('with corrigenda and a signed signatory, under each format and count', async () => {
  const AT = '2024-11-13T10:00:00.000Z';
  const image = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
  const sha = createHash('sha256').update(image).digest('hex');
  t.sqlite.prepare(`insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at) values ('att-sig', ?, 'signature', 'image/png', 'sig.png', ?, ?, ?, ?)`).run(sessionId, image.length, sha, image, AT);
  t.sqlite
    .prepare(`insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at) values ('sig-1', ?, 'chair', 1, 'أحمد', 'رئيس المجلس', 'Chair', 'Président', 'att-sig', ?, ?)`)
    .run(sessionId, AT, AT);
  for (const n of [2, 1]) {
    t.sqlite.prepare(`insert into corrigendum (id, session_id, number, text_ar, text_en, text_fr, reason, created_at) values (?, ?, ?, 'تصويب', 'Correction', 'Rectificatif', 'typo', ?)`).run(`co-${n}`, sessionId, n, AT);
  }
  expect(await hashes()).toEqual(GOLDEN_WITH_APPROVAL);
});

const GOLDEN_WITH_APPROVAL = [
  'council-record/1 - ebe26686ed41eeba604e226317b2ad6b1c328c47721d0577817bfad8418f3017',
  'council-record/1 1 ebe26686ed41eeba604e226317b2ad6b1c328c47721d0577817bfad8418f3017',
  'council-record/2 - 587b79331477850259be4322f9ddcec76c56fd60945859a62e83789ccd723693',
  'council-record/2 1 587b79331477850259be4322f9ddcec76c56fd60945859a62e83789ccd723693',
  'council-record/3 - a1615763afa844dd61cfa027485bc4125be6087a07cb64be8d1a35b96e05d56a',
  'council-record/3 1 b670d5c60f43a1b0c0844b4a40387e285d0190e385fb9aa16ef3088919b36149',
  'council-record/4 - dace5ea5321baf45d944781d32d0974cd9efbff1b6bbbabfcd3387652dd7be7a',
  'council-record/4 1 dbbfc6d98acc622a8cad07c85db3d5704eaf47f9956ec8fd5184386dc1a9ddc7',
];

it("format 4 hashes a signature image of this session only, as it always did (one filed with no session is none)", async () => {
  const AT = '2024-11-13T10:00:00.000Z';
  const image = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 9]);
  const sha = createHash('sha256').update(image).digest('hex');
  t.sqlite.prepare(`insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at) values ('att-none', null, 'signature', 'image/png', 'sig.png', ?, ?, ?, ?)`).run(image.length, sha, image, AT);
  t.sqlite
    .prepare(`insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at) values ('sig-1', ?, 'chair', 1, 'أحمد', 'رئيس المجلس', 'Chair', 'Président', 'att-none', ?, ?)`)
    .run(sessionId, AT, AT);
  const record = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, sessionId, 'council-record/4'));
  expect((record.tables.signatory as { signatureSha256: string | null }[])[0]!.signatureSha256).toBeNull();
});

it('format 4 writes every state it names by ISO code and holds the later texts once filled', async () => {
  const state = (iso: string) => (t.sqlite.prepare('select id from member_state where iso_code = ?').get(iso) as { id: string }).id;
  t.sqlite.prepare('update council_session set rapporteur_state_id = ? where id = ?').run(state('TN'), sessionId);
  t.sqlite.prepare('update action_item set responsible_state_id = ? where session_id = ?').run(state('MA'), sessionId);
  t.sqlite.prepare(`update motion set consolidated_ar = 'نص معدل' where session_id = ?`).run(sessionId);
  t.sqlite.prepare(`update delegation set credentials_issued_by = 'وزارة الخارجية' where session_id = ?`).run(sessionId);
  t.sqlite.prepare(`update note set text_en = 'In English' where session_id = ?`).run(sessionId);
  const record = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, sessionId, 'council-record/4'));
  expect(record.session.rapporteurStateId).toBe('iso:TN');
  const rows = (table: string) => record.tables[table] as Record<string, unknown>[];
  expect(new Set(rows('action_item').map((r) => r.responsibleStateId))).toEqual(new Set(['iso:MA']));
  expect(rows('motion').every((r) => r.consolidatedAr === 'نص معدل' && r.consolidatedEn === '' && r.consolidatedFr === '')).toBe(true);
  expect(rows('delegation').every((r) => r.credentialsIssuedBy === 'وزارة الخارجية')).toBe(true);
  expect(rows('note').every((r) => r.textEn === 'In English' && !('textFr' in r))).toBe(true);
  expect(record.memberStates!.map((s) => s.iso)).toContain('TN');
});

it('formats 1-4 refuse a session not in the file, on sessionId', async () => {
  const err = (await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, 'nope', 'council-record/4')).catch((e: unknown) => e)) as { field: string; message: string };
  expect({ field: err.field, message: err.message }).toEqual({ field: 'sessionId', message: 'session not found: nope' });
});
