// Migration 0012: the tables added after 0006 obey the same two rules as the older ones, and the seal
// travels with a session.
// - A child row belongs to its parent's session (0006's triggers, same constant form) for sitting_head,
//   open_roll_call, open_roll_call_ballot and speaker. A file that already contradicts itself is not
//   migrated: RecordInconsistentError names every row, before anything changes (as 0006).
// - The lock: 0009 gave the open roll call no delete trigger and no "moved into a locked session" update
//   trigger; they are added here, in 0005's constant form.
// - seal_record.manifest_json: the whole signed manifest (with its public key), so a session .zip can
//   carry it and the importing laptop can check the seal against the imported record.
// - unverified_copy: a session imported from a .zip that claimed to be locked but whose seal could not be
//   checked against a trusted key, imported unlocked on the user's explicit request; the mark is shown
//   everywhere the session is (list, workspace, minutes, `council check`).
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';
import { RecordInconsistentError, type InconsistentRow } from '../../errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** [child table, its column naming the parent, parent table, the parent's key column]. */
export const LATER_SESSION_LINKS: readonly (readonly [string, string, string, string])[] = [
  ['sitting_head', 'sitting_id', 'sitting', 'id'],
  ['sitting_head', 'delegation_id', 'delegation', 'id'],
  ['open_roll_call', 'motion_id', 'motion', 'id'],
  ['open_roll_call', 'sitting_id', 'sitting', 'id'],
  ['open_roll_call_ballot', 'motion_id', 'open_roll_call', 'motion_id'],
  ['speaker', 'agenda_item_id', 'agenda_item', 'id'],
  ['speaker', 'delegation_id', 'delegation', 'id'],
  ['speaker', 'sitting_id', 'sitting', 'id'],
];

/** Session-scoped tables made after 0003 that the lock protects (each has the four lock triggers). */
export const LATER_LOCKED_TABLES = ['sitting_head', 'open_roll_call', 'open_roll_call_ballot', 'speaker'] as const;

const CHILD_KEY: Record<string, string> = {
  open_roll_call: `'motion ' || c.motion_id`,
  open_roll_call_ballot: `'motion ' || c.motion_id || ', state ' || c.member_state_id`,
};

function mismatchQuery(child: string, column: string, parent: string, key: string): string {
  return `select '${child}' as tbl, ${CHILD_KEY[child] ?? 'c.id'} as rowkey, c.session_id as sess,
            '${column}' as col, '${parent}' as ptbl, p.${key} as pid, p.session_id as psess
          from ${child} c join ${parent} p on p.${key} = c.${column}
          where p.session_id is not c.session_id`;
}

/** Every row of the later tables that contradicts its parent's session (empty for a consistent file). */
export async function findLaterSessionMismatches(db: AnyDb): Promise<InconsistentRow[]> {
  const out: InconsistentRow[] = [];
  for (const [child, column, parent, key] of LATER_SESSION_LINKS) {
    const rows = await sql<Record<string, string | null>>`${sql.raw(mismatchQuery(child, column, parent, key))}`.execute(db);
    for (const r of rows.rows) {
      out.push({
        table: String(r.tbl),
        key: String(r.rowkey),
        sessionId: r.sess ?? null,
        column: String(r.col),
        parentTable: String(r.ptbl),
        parentId: String(r.pid),
        parentSessionId: r.psess ?? null,
      });
    }
  }
  return out;
}

const MISMATCH = `select raise(abort, 'SESSION_MISMATCH');`;

const locked = (ref: 'new' | 'old') => `exists (select 1 from council_session where id = ${ref}.session_id and locked_at is not null)
    and not exists (select 1 from session_lock_override where session_id = ${ref}.session_id)`;
const lockedRaise = (ref: 'new' | 'old') => `select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref}.session_id);`;

export async function up(db: AnyDb): Promise<void> {
  const found = await findLaterSessionMismatches(db);
  if (found.length > 0) throw new RecordInconsistentError(found);

  for (const [child, column, parent, key] of LATER_SESSION_LINKS) {
    const childWhen = `new.${column} is not null and exists (select 1 from ${parent} p where p.${key} = new.${column}
      and p.session_id is not new.session_id)`;
    const name = `${child}_${column}_session`;
    await sql.raw(`create trigger ${name}_insert before insert on ${child} when ${childWhen} begin ${MISMATCH} end`).execute(db);
    await sql.raw(`create trigger ${name}_update before update of ${column}, session_id on ${child} when ${childWhen} begin ${MISMATCH} end`).execute(db);
    await sql
      .raw(
        `create trigger ${name}_parent before update of session_id on ${parent}
         when new.session_id is not old.session_id and exists (select 1 from ${child} c where c.${column} = old.${key}
           and c.session_id is not new.session_id)
         begin ${MISMATCH} end`,
      )
      .execute(db);
  }

  // 0009 refused only inserts and updates of rows already in a locked session.
  for (const table of ['open_roll_call', 'open_roll_call_ballot']) {
    await sql.raw(`create trigger ${table}_locked_delete before delete on ${table} when ${locked('old')} begin ${lockedRaise('old')} end`).execute(db);
    await sql
      .raw(
        `create trigger ${table}_locked_update_new before update on ${table}
         when new.session_id is not old.session_id and ${locked('new')} begin ${lockedRaise('new')} end`,
      )
      .execute(db);
  }

  await sql`alter table seal_record add column manifest_json text`.execute(db);

  await db.schema
    .createTable('unverified_copy')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('council_session.id').onDelete('cascade'))
    // Why the seal did not verify (a VerifyProblemCode-like word: no_seal, wrong_key, record_changed, ...).
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    // When the archive said the session was locked: the copy itself is not locked.
    .addColumn('claimed_locked_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const [child, column] of LATER_SESSION_LINKS) {
    for (const t of ['insert', 'update', 'parent']) await sql.raw(`drop trigger if exists ${child}_${column}_session_${t}`).execute(db);
  }
  for (const table of ['open_roll_call', 'open_roll_call_ballot']) {
    await sql.raw(`drop trigger if exists ${table}_locked_delete`).execute(db);
    await sql.raw(`drop trigger if exists ${table}_locked_update_new`).execute(db);
  }
  await db.schema.dropTable('unverified_copy').ifExists().execute();
  await sql`alter table seal_record drop column manifest_json`.execute(db);
}
