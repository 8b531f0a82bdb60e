// The canonical JSON and the record it hashes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { canonicalJson } from '../../src/seal/canonical';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined members, keeps array order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, 1, { d: null, c: 'x' }], u: undefined })).toBe('{"a":[3,1,{"c":"x","d":null}],"b":1}');
  });
  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: { q: 'ق', p: 'é' } })).toBe(canonicalJson({ y: { p: 'é', q: 'ق' }, x: 1 }));
  });
  it('escapes strings as JSON does and sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ 'é': 1, z: 2, 'ق': 3, 'a"\n': 4 })).toBe('{"a\\"\\n":4,"z":2,"é":1,"ق":3}');
  });
  it('refuses what it cannot encode exactly', () => {
    expect(() => canonicalJson(1.5)).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ b: new Uint8Array(2) })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });
});

describe('loadSessionRecord', () => {
  let t: TempDb;
  beforeEach(async () => {
    t = await openTempDb();
  });
  afterEach(async () => t.cleanup());

  it('names member states by ISO code, leaves out action_item.status, camelCase columns', async () => {
    const ids = insertSessionRecord(t.sqlite);
    const record = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId));
    expect(record.session.chairStateId).toBe('iso:MA');
    // Rows are in id order (random UUIDs): the fixture's two member delegations, by ISO code either way.
    expect(record.tables.delegation!.map((d) => d.memberStateId).filter(Boolean).sort()).toEqual(['iso:EG', 'iso:MA']);
    expect(record.tables.reservation![0]!.memberStateId).toBe('iso:EG');
    expect(record.tables.vote_ballot![0]!.memberStateId).toBe('iso:MA');
    expect(record.tables.action_item![0]).not.toHaveProperty('status');
    expect(record.tables.decision![0]!.textEn).toBe('The Council adopts the budget');
    for (const rows of Object.values(record.tables)) for (const r of rows) expect(Object.keys(r).every((k) => !k.includes('_'))).toBe(true);
  });

  it('hashes the same after another session is added, differently after one word of this one changes', async () => {
    const ids = insertSessionRecord(t.sqlite);
    const hash = async () => recordSha256(await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId)));
    const first = await hash();
    insertSessionRecord(t.sqlite, 67);
    expect(await hash()).toBe(first);
    t.sqlite.prepare(`update note set text = 'افتتح الرئيس الجلسة الأولى' where id = ?`).run(ids.noteId);
    expect(await hash()).not.toBe(first);
  });

  it('council-record/2 orders ballots by vote and ISO code; /1 (by local state id) is still computed for older seals', async () => {
    const ids = insertSessionRecord(t.sqlite);
    const v2 = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId, 'council-record/2'));
    const v1 = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId, 'council-record/1'));
    expect((await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId))).format).toBe('council-record/5');
    expect(v2.format).toBe('council-record/2');
    expect(v1.format).toBe('council-record/1');
    const keys = v2.tables.vote_ballot!.map((r) => `${String(r.voteId)}\u0000${String(r.memberStateId)}`);
    expect(keys).toEqual([...keys].sort());
    // The format is part of what is hashed, so a /1 seal is never checked against a /2 record.
    expect(recordSha256(v1)).not.toBe(recordSha256(v2));
  });
});
