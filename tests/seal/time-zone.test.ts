// Migration 0004's session time zone is not part of record formats 1-3: a seal made before the column
// existed hashes the same record afterwards, whatever zone the session is given.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { loadSessionRecord, recordSha256, RECORD_FORMATS } from '../../src/seal/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { ensureStates, insertSessionRecord } from '../lock/fixture';

describe('the session time zone and the record hash', () => {
  let t: TempDb;
  beforeEach(async () => {
    t = await openTempDb();
  });
  afterEach(async () => t.cleanup());

  it('leaves the hash of formats 1-3 unchanged when the zone is set', async () => {
    const ids = insertSessionRecord(t.sqlite);
    const old = RECORD_FORMATS.filter((f) => f !== 'council-record/4' && f !== 'council-record/5');
    const hashes = async () =>
      Promise.all(old.map((f) => inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, ids.sessionId, f)))));
    const before = await hashes();
    const record = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId, 'council-record/3'));
    expect(Object.keys(record.session)).not.toContain('timeZone');
    t.sqlite.prepare('update council_session set time_zone = ? where id = ?').run('Asia/Baghdad', ids.sessionId);
    expect(await hashes()).toEqual(before);
    // A change to another column of the session row still changes it (the comparison can fail).
    t.sqlite.prepare('update council_session set venue_city_en = ? where id = ?').run('Basra', ids.sessionId);
    expect((await hashes())[2]).not.toBe(before[2]);
  });
});

describe('council-record/4 covers what the minutes print', () => {
  let t: TempDb;
  beforeEach(async () => {
    t = await openTempDb();
  });
  afterEach(async () => t.cleanup());
  const hashOf = async (sessionId: string, f: (typeof RECORD_FORMATS)[number]) =>
    inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, sessionId, f)));

  it('the time zone (every clock time shifts with it) changes the hash', async () => {
    const ids = insertSessionRecord(t.sqlite);
    const before = await hashOf(ids.sessionId, 'council-record/4');
    t.sqlite.prepare('update council_session set time_zone = ? where id = ?').run('Asia/Baghdad', ids.sessionId);
    expect(await hashOf(ids.sessionId, 'council-record/4')).not.toBe(before);
  });

  for (const col of ['name_ar', 'name_en', 'name_fr']) {
    it(`a named state's ${col} changes the hash; a state the record does not name does not`, async () => {
      const ids = insertSessionRecord(t.sqlite);
      const stranger = ensureStates(t.sqlite, ['TN'])[0]!;
      const before = await hashOf(ids.sessionId, 'council-record/4');
      const v3 = await hashOf(ids.sessionId, 'council-record/3');
      t.sqlite.prepare(`update member_state set ${col} = ${col === 'protocol_order' ? '99' : `${col} || ' (renamed)'`} where id = ?`).run(stranger);
      expect(await hashOf(ids.sessionId, 'council-record/4')).toBe(before);
      // stateIds[1] is named only by the reservation, stateIds[0] by the delegation, the ballot and the chair.
      t.sqlite.prepare(`update member_state set ${col} = ${col === 'protocol_order' ? '98' : `${col} || ' (renamed)'`} where id = ?`).run(ids.stateIds[1]);
      expect(await hashOf(ids.sessionId, 'council-record/4')).not.toBe(before);
      // Format 3 left the names out: its seals stay computed as they were made.
      expect(await hashOf(ids.sessionId, 'council-record/3')).toBe(v3);
    });
  }
});
