// Migration 0006: a row belongs to its parent's session. A ballot labelled session 67 on a vote of session
// 66 (or any such pair) is refused on insert and on update, a parent cannot move away from its children,
// and a file that already holds such rows is not migrated: the error names them.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CouncilSqliteDialect } from '../../src/database/dialect';
import { migrateTo, openDatabase } from '../../src/database/open';
import { SESSION_LINKS } from '../../src/database/migrations/0006_session_consistency';
import { LATER_SESSION_LINKS } from '../../src/database/migrations/0012_later_tables_and_sealed_imports';
import type { Database } from '../../src/database/schema';
import { RecordInconsistentError } from '../../src/errors';
import { registerSearchFunctions } from '../../src/search/sqlite-functions';
import { registerCouncilFunctions } from '../../src/database/functions';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { insertLaterRows, insertSessionRecord, snapshot, type RecordIds } from './fixture';

const AT = '2026-11-10T08:00:00.000Z';
type RowObj = Record<string, unknown>;

/** The rows of the tables the fixture leaves empty, one per session: minutes, signatory, corrigendum, seal. */
function insertApprovalRows(db: BetterSqlite3.Database, r: RecordIds): Record<string, string> {
  const ids = { minutes: randomUUID(), attachment: randomUUID(), signatory: randomUUID(), corrigendum: randomUUID(), seal: randomUUID() };
  const run = (q: string, ...a: unknown[]) => db.prepare(q).run(...a);
  run(
    `insert into minutes_version (id, session_id, version, language, status, created_at, approved_by_sitting_id)
     values (?, ?, 1, 'ar', 'draft', ?, ?)`,
    ids.minutes, r.sessionId, AT, r.sittingId,
  );
  run(
    `insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at)
     values (?, ?, 'signature', 'image/png', 's.png', 1, 'x', x'00', ?)`,
    ids.attachment, r.sessionId, AT,
  );
  run(
    `insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at)
     values (?, ?, 'chair', 1, 'n', 'a', 'e', 'f', ?, ?, ?)`,
    ids.signatory, r.sessionId, ids.attachment, AT, AT,
  );
  run(`insert into corrigendum (id, session_id, number, decision_id, text_ar, text_en, text_fr, reason, created_at) values (?, ?, 1, ?, 'ت', 'c', 'c', 'typo', ?)`, ids.corrigendum, r.sessionId, r.decisionId, AT);
  run(
    `insert into seal_record (id, session_id, minutes_version_id, file_kind, file_name, file_sha256, record_sha256, fingerprint, signature, signed_at)
     values (?, ?, ?, 'docx', 'm.docx', 'a', 'b', 'c', 'd', ?)`,
    ids.seal, r.sessionId, ids.minutes, AT,
  );
  return ids;
}

const PK: Record<string, string[]> = {
  agenda_adoption: ['session_id'],
  vote_ballot: ['vote_id', 'member_state_id'],
  open_roll_call: ['motion_id'],
  open_roll_call_ballot: ['motion_id', 'member_state_id'],
};
/** 0006's links and 0012's (tables made after 0006), with the parent's key column. */
const ALL_LINKS: (readonly [string, string, string, string])[] = [...SESSION_LINKS.map(([c, col, p]) => [c, col, p, 'id'] as const), ...LATER_SESSION_LINKS];

describe('a child row belongs to its parent session (triggers of 0006 and 0012)', () => {
  let t: TempDb;
  let a: RecordIds;
  let b: RecordIds;
  let aa: Record<string, string>;
  let ba: Record<string, string>;
  beforeEach(async () => {
    t = await openTempDb();
    a = insertSessionRecord(t.sqlite, 66);
    b = insertSessionRecord(t.sqlite, 67);
    aa = insertApprovalRows(t.sqlite, a);
    ba = insertApprovalRows(t.sqlite, b);
    insertLaterRows(t.sqlite, a);
    insertLaterRows(t.sqlite, b);
  });
  afterEach(async () => t.cleanup());

  /** The id of `table`'s row in session r (the fixture has one of each). */
  const idIn = (table: string, r: RecordIds, extra: Record<string, string>): string => {
    const key: Record<string, string> = {
      delegation: r.delegationId, sitting: r.sittingId, agenda_item: r.agendaItemId, motion: r.motionId, vote: r.voteId,
      decision: r.decisionId, attachment: extra.attachment!, minutes_version: extra.minutes!, open_roll_call: r.motionId,
    };
    return key[table]!;
  };
  const childRow = (table: string, r: RecordIds): RowObj => t.sqlite.prepare(`select * from ${table} where session_id = ? limit 1`).get(r.sessionId) as RowObj;

  it('covers the links between rows of one session', () => {
    expect(SESSION_LINKS.length).toBeGreaterThanOrEqual(23);
    // Every table made after 0006 that points at another row of the session (0008-0011).
    expect(new Set(LATER_SESSION_LINKS.map(([child]) => child))).toEqual(new Set(['sitting_head', 'open_roll_call', 'open_roll_call_ballot', 'speaker']));
  });

  for (const [child, column, parent, parentKey] of ALL_LINKS) {
    it(`${child}.${column} -> ${parent}: refused on insert, on update and when the parent moves`, () => {
      const before = snapshot(t.sqlite);
      const row = childRow(child, b);
      const where = (PK[child] ?? ['id']).map((c) => `${c} = @${c}`).join(' and ');
      // Update: session 67's row pointed at session 66's parent.
      expect(() => t.sqlite.prepare(`update ${child} set ${column} = @to where ${where}`).run({ ...row, to: idIn(parent, a, aa) }), 'update').toThrow(
        'SESSION_MISMATCH',
      );
      // Insert: a copy labelled session 67 whose parent is session 66's (fresh keys, so only the trigger can refuse).
      const copy: RowObj = { ...row, [column]: idIn(parent, a, aa) };
      if ('id' in copy) copy.id = randomUUID();
      if (child === 'vote_ballot' || child === 'open_roll_call_ballot') copy.member_state_id = b.stateIds[2];
      const cols = Object.keys(copy);
      expect(
        () => t.sqlite.prepare(`insert into ${child} (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')})`).run(copy),
        'insert',
      ).toThrow('SESSION_MISMATCH');
      // The child's own session changed under its parent.
      if (child !== 'agenda_adoption') {
        const own = childRow(child, a);
        expect(() => t.sqlite.prepare(`update ${child} set session_id = @to where ${where}`).run({ ...own, to: b.sessionId }), 'move child').toThrow(
          'SESSION_MISMATCH',
        );
      }
      // The parent moved to another session, leaving its children behind.
      expect(() => t.sqlite.prepare(`update ${parent} set session_id = ? where ${parentKey} = ?`).run(b.sessionId, idIn(parent, a, aa)), 'move parent').toThrow(
        'SESSION_MISMATCH',
      );
      expect(snapshot(t.sqlite)).toEqual(before);
    });
  }

  it("minutes are approved at a later session's sitting: that link is not tied to the session", () => {
    t.sqlite.prepare('update minutes_version set approved_by_sitting_id = ? where id = ?').run(b.sittingId, aa.minutes);
    expect(t.sqlite.prepare('select approved_by_sitting_id as s from minutes_version where id = ?').get(aa.minutes)).toEqual({ s: b.sittingId });
  });

  it('rows of one session pointing at their own parents are accepted, and a logo without a session may be used anywhere', () => {
    const logo = randomUUID();
    t.sqlite
      .prepare(`insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at) values (?, null, 'logo', 'image/png', 'l.png', 1, 'x', x'00', ?)`)
      .run(logo, AT);
    t.sqlite.prepare('update signatory set signature_attachment_id = ? where id = ?').run(logo, ba.signatory);
    t.sqlite.prepare(`update note set speaker_delegation_id = ? where session_id = ?`).run(b.delegationId, b.sessionId);
    expect(t.sqlite.prepare('select count(*) as n from note where speaker_delegation_id = ?').get(b.delegationId)).toEqual({ n: 1 });
  });
});

describe('a file that already contradicts itself is not migrated', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('stops with RecordInconsistentError naming each row, and leaves the file at its version', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'council.sqlite');
    const raw = new BetterSqlite3(file);
    registerSearchFunctions(raw);
    const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(raw), plugins: [new CamelCasePlugin()] });
    await migrateTo(db, '0004_session_time_zone');
    const a = insertSessionRecord(raw, 66);
    const b = insertSessionRecord(raw, 65);
    // The audit's case: a ballot labelled session 65 on a vote of session 66.
    raw.prepare(`update vote_ballot set session_id = ? where vote_id = ?`).run(b.sessionId, a.voteId);
    await db.destroy();

    const err = await openDatabase({ path: file }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RecordInconsistentError);
    const rows = (err as RecordInconsistentError).rows;
    // Both of the ballot's links name session 66: its vote and its delegation.
    expect(rows.map((r) => `${r.table}.${r.column}`)).toEqual(['vote_ballot.vote_id', 'vote_ballot.delegation_id']);
    expect(rows[0]).toEqual(
      {
        table: 'vote_ballot',
        key: `vote ${a.voteId}, state ${a.stateIds[0]}`,
        sessionId: b.sessionId,
        column: 'vote_id',
        parentTable: 'vote',
        parentId: a.voteId,
        parentSessionId: a.sessionId,
      },
    );
    expect((err as Error).message).toContain(a.voteId);
    const check = new BetterSqlite3(file, { readonly: true });
    try {
      const applied = (check.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
      expect(applied).not.toContain('0006_session_consistency');
      expect(check.prepare(`select count(*) as n from sqlite_master where type = 'trigger' and name like '%_session_insert'`).get()).toEqual({ n: 0 });
    } finally {
      check.close();
    }
  });

  it('0012 stops on a sitting head or speaker of another session than its sitting, naming each, before changing anything', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'council.sqlite');
    const raw = new BetterSqlite3(file);
    registerCouncilFunctions(raw);
    const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(raw), plugins: [new CamelCasePlugin()] });
    await migrateTo(db, '0011_search_reservations_referrals_actions');
    const a = insertSessionRecord(raw, 66);
    const b = insertSessionRecord(raw, 65);
    const later = insertLaterRows(raw, a);
    raw.prepare(`update sitting_head set session_id = ? where id = ?`).run(b.sessionId, later.sittingHeadId);
    await db.destroy();

    const err = await openDatabase({ path: file }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RecordInconsistentError);
    const rows = (err as RecordInconsistentError).rows;
    expect(rows.map((r) => `${r.table}.${r.column}`)).toEqual(['sitting_head.sitting_id', 'sitting_head.delegation_id']);
    expect(rows[0]).toMatchObject({ key: later.sittingHeadId, sessionId: b.sessionId, parentTable: 'sitting', parentId: a.sittingId, parentSessionId: a.sessionId });
    const check = new BetterSqlite3(file, { readonly: true });
    try {
      const applied = (check.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
      expect(applied).toContain('0011_search_reservations_referrals_actions');
      expect(applied).not.toContain('0012_later_tables_and_sealed_imports');
      expect(check.prepare(`select count(*) as n from sqlite_master where name = 'unverified_copy'`).get()).toEqual({ n: 0 });
    } finally {
      check.close();
    }
  });
});
