// Migration 0008: the head of a delegation at a given sitting, when it is not the delegation's usual
// head (a minister who leads on the first day and hands over to an ambassador on the second). One row per
// sitting and delegation; the minutes print each sitting's head. Locked with the session's record like
// the other session-scoped tables (the triggers of 0003, written out here for this table).
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const locked = (ref: 'new' | 'old') => `exists (select 1 from council_session where id = ${ref}.session_id and locked_at is not null)
    and not exists (select 1 from session_lock_override where session_id = ${ref}.session_id)`;
// A constant message, readable by SQLite before 3.47 (see 0005); the function notes which session.
const raise = (ref: 'new' | 'old') => `select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref}.session_id);`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sitting_head')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('council_session.id'))
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sitting.id'))
    .addColumn('delegation_id', 'text', (c) => c.notNull().references('delegation.id'))
    .addColumn('full_name', 'text', (c) => c.notNull().check(sql`length(trim(full_name)) > 0`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sitting_head_sitting_delegation', ['sitting_id', 'delegation_id'])
    .execute();
  await db.schema.createIndex('sitting_head_session').on('sitting_head').column('session_id').execute();
  await sql.raw(`create trigger sitting_head_locked_insert before insert on sitting_head when ${locked('new')} begin ${raise('new')} end`).execute(db);
  await sql.raw(`create trigger sitting_head_locked_update_old before update on sitting_head when ${locked('old')} begin ${raise('old')} end`).execute(db);
  await sql
    .raw(`create trigger sitting_head_locked_update_new before update on sitting_head when new.session_id is not old.session_id and ${locked('new')} begin ${raise('new')} end`)
    .execute(db);
  await sql.raw(`create trigger sitting_head_locked_delete before delete on sitting_head when ${locked('old')} begin ${raise('old')} end`).execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sitting_head').ifExists().execute();
}
