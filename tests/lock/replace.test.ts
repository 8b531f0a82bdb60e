// Every way SQL can write a row, tried on the real file against a locked session: UPDATE, DELETE, INSERT,
// UPSERT (insert ... on conflict do update) and REPLACE (insert or replace). REPLACE deletes the
// conflicting row without firing delete triggers unless recursive_triggers is on: that let a locked
// session's row be replaced (and its record rewritten) or rows moved out of it with no trace.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { LOCKED_TABLES } from '../../src/database/migrations/0003_approval_and_seal';
import { LATER_LOCKED_TABLES } from '../../src/database/migrations/0012_later_tables_and_sealed_imports';
import { registerCouncilFunctions } from '../../src/database/functions';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertLaterRows, insertSessionRecord, lockSession, snapshot, type RecordIds } from './fixture';

let t: TempDb;
let ids: RecordIds;
let other: RecordIds;
beforeEach(async () => {
  t = await openTempDb();
  ids = insertSessionRecord(t.sqlite, 66);
  other = insertSessionRecord(t.sqlite, 67);
  insertLaterRows(t.sqlite, ids);
  lockSession(t.sqlite, ids.sessionId);
});
afterEach(async () => t.cleanup());

type RowObj = Record<string, unknown>;
const PK: Record<string, string[]> = {
  agenda_adoption: ['session_id'],
  vote_ballot: ['vote_id', 'member_state_id'],
  council_session: ['id'],
  open_roll_call: ['motion_id'],
  open_roll_call_ballot: ['motion_id', 'member_state_id'],
};
const pkOf = (table: string) => PK[table] ?? ['id'];

function oneRow(db: BetterSqlite3.Database, table: string, sessionId: string): RowObj {
  const col = table === 'council_session' ? 'id' : 'session_id';
  return db.prepare(`select * from ${table} where ${col} = ? limit 1`).get(sessionId) as RowObj;
}

function insertSql(table: string, row: RowObj, verb: string, tail = ''): string {
  const cols = Object.keys(row);
  return `${verb} into ${table} (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')}) ${tail}`;
}

/** The locked row with one text column changed: what a forger would like the record to say. */
function forged(table: string, row: RowObj): RowObj {
  const copy = { ...row };
  const pk = pkOf(table);
  const col =
    table === 'council_session'
      ? 'venue_city_en'
      : Object.keys(copy).find((c) => typeof copy[c] === 'string' && !pk.includes(c) && !c.endsWith('_id') && !['status', 'kind', 'rule', 'outcome', 'language', 'event', 'role', 'responsible_kind', 'target'].includes(c) && !c.endsWith('_at') && !c.endsWith('_date'));
  if (col) copy[col] = `${String(copy[col])} (forged)`;
  return copy;
}

const TABLES = ['council_session', ...LOCKED_TABLES, ...LATER_LOCKED_TABLES];

/** Each write is tried on its own connection to the file, as another tool (or an attacker) would. */
function rawConnection(): BetterSqlite3.Database {
  const db = new BetterSqlite3(t.path);
  return db;
}

describe('no SQL statement gets past the lock (raw SQL on the real file)', () => {
  for (const table of TABLES) {
    it(`${table}: UPDATE, DELETE, INSERT, UPSERT and REPLACE are refused`, () => {
      const before = snapshot(t.sqlite);
      const row = oneRow(t.sqlite, table, ids.sessionId);
      const pk = pkOf(table);
      const attempts: [string, () => unknown][] = [];
      const f = forged(table, row);
      const setCol = Object.keys(f).find((c) => f[c] !== row[c]);
      attempts.push(['REPLACE of the locked row', () => t.sqlite.prepare(insertSql(table, f, 'insert or replace')).run(f)]);
      attempts.push(['REPLACE (short form)', () => t.sqlite.prepare(insertSql(table, f, 'replace')).run(f)]);
      if (setCol) {
        attempts.push(['UPDATE', () => t.sqlite.prepare(`update ${table} set ${setCol} = @${setCol} where ${pk.map((c) => `${c} = @${c}`).join(' and ')}`).run(f)]);
        attempts.push(['UPDATE OR REPLACE', () => t.sqlite.prepare(`update or replace ${table} set ${setCol} = @${setCol} where ${pk.map((c) => `${c} = @${c}`).join(' and ')}`).run(f)]);
        attempts.push([
          'UPSERT',
          () => t.sqlite.prepare(insertSql(table, f, 'insert', `on conflict(${pk.join(', ')}) do update set ${setCol} = excluded.${setCol}`)).run(f),
        ]);
      }
      attempts.push(['DELETE', () => t.sqlite.prepare(`delete from ${table} where ${pk.map((c) => `${c} = @${c}`).join(' and ')}`).run(row)]);
      if (table !== 'council_session') {
        // A fresh row into the locked session, and the locked row moved out to the open session by REPLACE.
        const fresh = { ...row };
        if ('id' in fresh) fresh.id = randomUUID();
        if (table === 'vote_ballot' || table === 'open_roll_call_ballot') fresh.member_state_id = ids.stateIds[2];
        if (table === 'open_roll_call') fresh.motion_id = randomUUID();
        attempts.push(['INSERT', () => t.sqlite.prepare(insertSql(table, fresh, 'insert')).run(fresh)]);
        const moved = { ...row, session_id: other.sessionId };
        attempts.push(['REPLACE moving the row out', () => t.sqlite.prepare(insertSql(table, moved, 'insert or replace')).run(moved)]);
        attempts.push([
          'UPSERT moving the row out',
          () => t.sqlite.prepare(insertSql(table, moved, 'insert', `on conflict(${pk.join(', ')}) do update set session_id = excluded.session_id`)).run(moved),
        ]);
      } else {
        // The session row replaced by an unlocked copy, then written freely.
        const unlocked = { ...row, locked_at: null };
        attempts.push(['REPLACE with locked_at null', () => t.sqlite.prepare(insertSql(table, unlocked, 'insert or replace')).run(unlocked)]);
      }
      for (const [name, attempt] of attempts) {
        // Moving a row out may also trip a unique key or the session-consistency triggers (0006) first:
        // any refusal will do there, as long as nothing changed.
        expect(attempt, `${table}: ${name}`).toThrow(name.includes('moving') ? /./ : /LOCKED_SESSION/);
      }
      expect(snapshot(t.sqlite)).toEqual(before);
    });
  }

  it('another connection to the file gets the same refusals once it sets the pragmas and functions the app sets', () => {
    const db = rawConnection();
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('recursive_triggers = ON');
      registerCouncilFunctions(db);
      const row = oneRow(db, 'council_session', ids.sessionId);
      const unlocked = { ...row, locked_at: null };
      expect(() => db.prepare(insertSql('council_session', unlocked, 'insert or replace')).run(unlocked)).toThrow(/LOCKED_SESSION/);
    } finally {
      db.close();
    }
  });

  it("the app's connection has recursive_triggers on", () => {
    expect(t.sqlite.pragma('recursive_triggers', { simple: true })).toBe(1);
  });
});
