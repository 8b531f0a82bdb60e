// Migration 0010: the speakers' list (src/speakers). One row per request for the floor on an agenda item:
// its place in the queue, its round, and when the floor was given and taken back. The minutes list
// who took the floor from these rows, so the table is part of the session's record and locked with it:
// the same lock triggers as migration 0003's tables, but with a CONSTANT raise message
// ('LOCKED_SESSION'), which SQLite older than 3.47 (Debian's sqlite3, Python) can still read.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const text = 'text' as const;
const int = 'integer' as const;

function lockedCondition(ref: 'new' | 'old'): string {
  return `exists (select 1 from council_session where id = ${ref}.session_id and locked_at is not null)
    and not exists (select 1 from session_lock_override where session_id = ${ref}.session_id)`;
}

// As 0005 writes them: the function notes which session, for the typed LockedSessionError.
const raise = (ref: 'new' | 'old') => `select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref}.session_id);`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('speaker')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('agenda_item_id', text, (c) => c.notNull().references('agenda_item.id'))
    .addColumn('kind', text, (c) => c.notNull().check(sql`kind in ('delegation', 'observer', 'secretariat', 'director_general')`))
    .addColumn('delegation_id', text, (c) => c.references('delegation.id'))
    .addColumn('name', text, (c) => c.notNull().defaultTo(''))
    // Place in the waiting queue (1..n); kept once the floor is given, but then meaningless.
    .addColumn('position', int, (c) => c.notNull())
    .addColumn('round', int, (c) => c.notNull().defaultTo(1).check(sql`round between 1 and 9`))
    .addColumn('point_of_order', int, (c) => c.notNull().defaultTo(0).check(sql`point_of_order in (0, 1)`))
    .addColumn('status', text, (c) => c.notNull().check(sql`status in ('waiting', 'speaking', 'spoken')`))
    .addColumn('requested_at', text, (c) => c.notNull())
    .addColumn('sitting_id', text, (c) => c.references('sitting.id'))
    .addColumn('started_at', text)
    .addColumn('ended_at', text)
    .addColumn('limit_seconds', int)
    .execute();
  await db.schema.createIndex('speaker_item').on('speaker').columns(['agenda_item_id', 'status', 'position']).execute();
  await db.schema.createIndex('speaker_session').on('speaker').columns(['session_id', 'status']).execute();

  await sql.raw(`create trigger speaker_locked_insert before insert on speaker when ${lockedCondition('new')} begin ${raise('new')} end`).execute(db);
  await sql.raw(`create trigger speaker_locked_update_old before update on speaker when ${lockedCondition('old')} begin ${raise('old')} end`).execute(db);
  await sql
    .raw(
      `create trigger speaker_locked_update_new before update on speaker
       when new.session_id is not old.session_id and ${lockedCondition('new')} begin ${raise('new')} end`,
    )
    .execute(db);
  await sql.raw(`create trigger speaker_locked_delete before delete on speaker when ${lockedCondition('old')} begin ${raise('old')} end`).execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['insert', 'update_old', 'update_new', 'delete']) await sql.raw(`drop trigger if exists speaker_locked_${t}`).execute(db);
  await db.schema.dropTable('speaker').execute();
}
