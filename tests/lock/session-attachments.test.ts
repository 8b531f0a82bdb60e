// An attachment with no session (the organisation's logo, a picture filed before any session) belongs to
// none: a row of any session may name it, it may be moved to no session under such a row, and a file
// holding such a row is not reported as inconsistent (migration 0006's one exception, pinned where the
// mutation run found it untested).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSessionMismatches } from '../../src/database/migrations/0006_session_consistency';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from './fixture';

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const AT = '2024-11-13T10:00:00.000Z';
const attachment = (id: string, sessionId: string | null) =>
  t.sqlite.prepare(`insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at) values (?, ?, 'signature', 'image/png', 's.png', 1, 'x', x'00', ?)`).run(id, sessionId, AT);
const signatory = (sessionId: string, attachmentId: string) =>
  t.sqlite
    .prepare(`insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at) values ('sig-1', ?, 'chair', 1, 'أحمد', 'ر', 'C', 'P', ?, ?, ?)`)
    .run(sessionId, attachmentId, AT, AT);

describe('an attachment of no session', () => {
  it('may be named by a row of any session, and such a file is consistent', async () => {
    const { sessionId } = insertSessionRecord(t.sqlite, 66);
    attachment('att-none', null);
    signatory(sessionId, 'att-none');
    expect(await findSessionMismatches(t.db)).toEqual([]);
  });

  it('may be taken out of its session under a row that names it; moved to another session it may not', async () => {
    const { sessionId } = insertSessionRecord(t.sqlite, 66);
    const other = insertSessionRecord(t.sqlite, 67);
    attachment('att-1', sessionId);
    signatory(sessionId, 'att-1');
    t.sqlite.prepare(`update attachment set session_id = null where id = 'att-1'`).run();
    expect(() => t.sqlite.prepare(`update attachment set session_id = ? where id = 'att-1'`).run(other.sessionId)).toThrow(/SESSION_MISMATCH/);
    // And one of another session named by this session's row is reported.
    t.sqlite.pragma('foreign_keys = OFF');
    t.sqlite.exec('drop trigger signatory_signature_attachment_id_session_update');
    t.sqlite.prepare(`update signatory set signature_attachment_id = 'att-2' where id = 'sig-1'`).run();
    attachment('att-2', other.sessionId);
    expect((await findSessionMismatches(t.db)).map((r) => [r.table, r.column, r.parentTable])).toEqual([['signatory', 'signature_attachment_id', 'attachment']]);
  });
});
