// The lock lives in the database: with council_session.locked_at set, every session-scoped table refuses
// inserts, updates and deletes through raw SQL, and the core turns that refusal into LockedSessionError.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction } from '../../src/core/context';
import { LOCKED_TABLES } from '../../src/database/migrations/0003_approval_and_seal';
import { lockedSessionFrom } from '../../src/database/lock-hits';
import { LockedSessionError } from '../../src/errors';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord, lockSession, snapshot, type RecordIds } from './fixture';

let t: TempDb;
let ids: RecordIds;
let other: RecordIds;
beforeEach(async () => {
  t = await openTempDb();
  ids = insertSessionRecord(t.sqlite, 66);
  other = insertSessionRecord(t.sqlite, 67);
  lockSession(t.sqlite, ids.sessionId);
});
afterEach(async () => t.cleanup());

type RowObj = Record<string, unknown>;
const oneRow = (table: string, sessionId: string): RowObj =>
  t.sqlite.prepare(`select * from ${table} where session_id = ? limit 1`).get(sessionId) as RowObj;

/** A copy of the row with fresh key values, so only the lock can refuse it. */
function freshCopy(table: string, row: RowObj): RowObj {
  const copy = { ...row };
  if ('id' in copy) copy.id = randomUUID();
  if (table === 'vote_ballot') copy.member_state_id = ids.stateIds[2];
  return copy;
}

function rawInsert(table: string, row: RowObj): void {
  const cols = Object.keys(row);
  t.sqlite.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

/** A column to touch on update (not a key, not action_item's status). */
const touchColumn: Record<string, string> = {
  sitting: 'ends_at',
  delegation: 'name_en',
  delegate: 'title',
  attendance_event: 'recorded_at',
  agenda_item: 'title_en',
  agenda_adoption: 'note',
  note: 'text',
  motion: 'text_en',
  vote: 'rule',
  vote_ballot: 'roll_order',
  decision: 'text_en',
  reservation: 'text',
  referral: 'note',
  action_item: 'description',
};

/** Raw SQL sees the constant message (migration 0005); the refused session is the one the function noted. */
function expectLocked(fn: () => unknown, sessionId = ids.sessionId): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(String(thrown)).toMatch(/^SqliteError: LOCKED_SESSION$/);
  expect(lockedSessionFrom(thrown, t.sqlite)?.sessionId).toBe(sessionId);
}

describe('lock triggers through raw SQL', () => {
  it('cover exactly the session-scoped tables', () => {
    expect([...LOCKED_TABLES].sort()).toEqual(Object.keys(touchColumn).sort());
  });

  for (const table of LOCKED_TABLES) {
    it(`${table}: insert, update, delete and moving rows in or out are refused`, () => {
      const before = snapshot(t.sqlite);
      const row = oneRow(table, ids.sessionId);
      const col = touchColumn[table]!;
      expectLocked(() => rawInsert(table, freshCopy(table, row)));
      expectLocked(() => t.sqlite.prepare(`update ${table} set ${col} = 9 where session_id = ?`).run(ids.sessionId));
      expectLocked(() => t.sqlite.prepare(`delete from ${table} where session_id = ?`).run(ids.sessionId));
      // Moving a row of the open session into the locked one is refused too (the foreign keys of such a
      // row may be wrong; the trigger runs first).
      // Since migration 0006 the row's links to its parents (session 67's) may refuse it first.
      expect(() =>
        t.sqlite.prepare(`update ${table} set session_id = ? where session_id = ?`).run(ids.sessionId, other.sessionId),
      ).toThrow(/LOCKED_SESSION|SESSION_MISMATCH/);
      expect(snapshot(t.sqlite)).toEqual(before);
      // The open session's rows still change.
      t.sqlite.prepare(`update ${table} set ${col} = ${col} where session_id = ?`).run(other.sessionId);
    });
  }

  it('action_item: only status may change after the lock (follow-up progress)', () => {
    t.sqlite.prepare(`update action_item set status = 'done' where id = ?`).run(ids.actionItemId);
    expect((t.sqlite.prepare('select status from action_item where id = ?').get(ids.actionItemId) as RowObj).status).toBe('done');
    expectLocked(() =>
      t.sqlite.prepare(`update action_item set status = 'open', due_date = '2028-01-01' where id = ?`).run(ids.actionItemId),
    );
  });

  it('council_session: the locked row neither changes, unlocks nor goes away', () => {
    const before = snapshot(t.sqlite);
    expectLocked(() => t.sqlite.prepare(`update council_session set venue_city_en = 'X' where id = ?`).run(ids.sessionId));
    expectLocked(() => t.sqlite.prepare(`update council_session set locked_at = null where id = ?`).run(ids.sessionId));
    expectLocked(() => t.sqlite.prepare(`delete from council_session where id = ?`).run(ids.sessionId));
    expect(snapshot(t.sqlite)).toEqual(before);
    t.sqlite.prepare(`update council_session set venue_city_en = 'Rabat' where id = ?`).run(other.sessionId);
  });

  it('corrigenda are append-only', () => {
    t.sqlite
      .prepare(
        `insert into corrigendum (id, session_id, number, decision_id, text_ar, text_en, text_fr, reason, created_at) values (?, ?, 1, null, 'ت', 'c', 'c', 'typo', '2026-12-01T00:00:00.000Z')`,
      )
      .run(randomUUID(), ids.sessionId);
    expectLocked(() => t.sqlite.prepare(`update corrigendum set text_en = 'x'`).run());
    expectLocked(() => t.sqlite.prepare(`delete from corrigendum`).run());
  });

  it('the override row (inside one transaction) lets the audited escape hatch through', () => {
    t.sqlite.transaction(() => {
      t.sqlite.prepare('insert into session_lock_override values (?, ?)').run(ids.sessionId, 'test');
      t.sqlite.prepare(`update note set text = 'x' where session_id = ?`).run(ids.sessionId);
      t.sqlite.prepare('delete from session_lock_override').run();
    })();
    expectLocked(() => t.sqlite.prepare(`update note set text = 'y' where session_id = ?`).run(ids.sessionId));
  });
});

describe('the core maps the trigger to LockedSessionError', () => {
  // As a service that forgot assertSessionWritable would write: Kysely inside inTransaction.
  const writes: Record<string, (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<unknown>> = {
    sitting: (tx) => tx.updateTable('sitting').set({ endsAt: 'x' }).where('sessionId', '=', ids.sessionId).execute(),
    delegation: (tx) => tx.deleteFrom('delegation').where('id', '=', ids.delegationId).execute(),
    delegate: (tx) => tx.updateTable('delegate').set({ title: 'x' }).where('id', '=', ids.delegateId).execute(),
    attendance_event: (tx) => tx.deleteFrom('attendanceEvent').where('sessionId', '=', ids.sessionId).execute(),
    agenda_item: (tx) => tx.updateTable('agendaItem').set({ titleEn: 'x' }).where('id', '=', ids.agendaItemId).execute(),
    agenda_adoption: (tx) => tx.updateTable('agendaAdoption').set({ note: 'x' }).where('sessionId', '=', ids.sessionId).execute(),
    note: (tx) =>
      tx
        .insertInto('note')
        .values({
          id: randomUUID(),
          sessionId: ids.sessionId,
          agendaItemId: ids.agendaItemId,
          at: 'x',
          speakerKind: 'chair',
          speakerDelegationId: null,
          speakerName: 'x',
          text: 'x',
          language: 'ar',
        })
        .execute(),
    motion: (tx) => tx.updateTable('motion').set({ status: 'withdrawn' }).where('id', '=', ids.motionId).execute(),
    vote: (tx) => tx.updateTable('vote').set({ yes: 5 }).where('id', '=', ids.voteId).execute(),
    vote_ballot: (tx) => tx.updateTable('voteBallot').set({ choice: 'no' }).where('voteId', '=', ids.voteId).execute(),
    decision: (tx) => tx.updateTable('decision').set({ textAr: 'x' }).where('id', '=', ids.decisionId).execute(),
    reservation: (tx) => tx.deleteFrom('reservation').where('id', '=', ids.reservationId).execute(),
    referral: (tx) => tx.updateTable('referral').set({ note: 'x' }).where('id', '=', ids.referralId).execute(),
    action_item: (tx) => tx.updateTable('actionItem').set({ description: 'x' }).where('id', '=', ids.actionItemId).execute(),
    council_session: (tx) =>
      tx.updateTable('councilSession').set({ status: 'closed' }).where('id', '=', ids.sessionId).execute(),
  };

  for (const [table, write] of Object.entries(writes)) {
    it(`${table}: LockedSessionError naming the session, nothing written`, async () => {
      const before = snapshot(t.sqlite);
      const err = await inTransaction(t.ctx, async (tx) => {
        await sql`select 1`.execute(tx);
        return write(tx);
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LockedSessionError);
      expect((err as LockedSessionError).sessionId).toBe(ids.sessionId);
      expect((err as LockedSessionError).field).toBe('sessionId');
      expect(snapshot(t.sqlite)).toEqual(before);
    });
  }

  it('other errors pass through unchanged', async () => {
    const err = await inTransaction(t.ctx, (tx) =>
      tx.insertInto('sitting').values({ id: randomUUID(), sessionId: 'nope', number: 1, startsAt: 'x', endsAt: null, createdAt: 'x' }).execute(),
    ).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(LockedSessionError);
    expect(String(err)).toMatch(/FOREIGN KEY/);
  });
});
