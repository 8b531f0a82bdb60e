// Migration 0004's session time zone is not part of record formats 1-3: a seal made before the column
// existed hashes the same record afterwards, whatever zone the session is given.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { loadSessionRecord, recordSha256, RECORD_FORMATS } from '../../src/seal/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';

describe('the session time zone and the record hash', () => {
  let t: TempDb;
  beforeEach(async () => {
    t = await openTempDb();
  });
  afterEach(async () => t.cleanup());

  it('leaves the hash of every record format unchanged when the zone is set', async () => {
    const ids = insertSessionRecord(t.sqlite);
    const hashes = async () =>
      Promise.all(RECORD_FORMATS.map((f) => inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, ids.sessionId, f)))));
    const before = await hashes();
    const record = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, ids.sessionId));
    expect(Object.keys(record.session)).not.toContain('timeZone');
    t.sqlite.prepare('update council_session set time_zone = ? where id = ?').run('Asia/Baghdad', ids.sessionId);
    expect(await hashes()).toEqual(before);
    // A change to another column of the session row still changes it (the comparison can fail).
    t.sqlite.prepare('update council_session set venue_city_en = ? where id = ?').run('Basra', ids.sessionId);
    expect((await hashes())[2]).not.toBe(before[2]);
  });
});
