// Migration 0017: the session's working documents (src/working-documents): files (PDF, DOCX, XLSX)
// attached to an agenda item with their symbol (EC/66/4/Rev.1), language and version, stored as blobs
// with their SHA-256 and size. A table of its own rather than more kinds in `attachment`: a working
// document belongs to an agenda item, carries a symbol and is locked with the session, none of which
// holds for the logo, signature images or the signed scan (filed after the lock).
// - One symbol + language + version per session (unique index).
// - Locked with the session: the lock triggers of 0010, with the constant RAISE message.
// - A document belongs to its agenda item's session: the session-consistency triggers of 0006.
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

const raise = (ref: 'new' | 'old') => `select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref}.session_id);`;
const MISMATCH = `select raise(abort, 'SESSION_MISMATCH');`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('working_document')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('agenda_item_id', text, (c) => c.notNull().references('agenda_item.id'))
    .addColumn('symbol', text, (c) => c.notNull().check(sql`length(symbol) between 1 and 100`))
    .addColumn('language', text, (c) => c.notNull().check(sql`language in ('ar', 'en', 'fr')`))
    .addColumn('version', int, (c) => c.notNull().check(sql`version between 1 and 99`))
    .addColumn('title', text, (c) => c.notNull().defaultTo(''))
    .addColumn('mime', text, (c) =>
      c.notNull().check(
        sql`mime in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')`,
      ),
    )
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('byte_size', int, (c) => c.notNull())
    .addColumn('sha256', text, (c) => c.notNull())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addCheckConstraint('working_document_size', sql`byte_size = length(bytes)`)
    .execute();
  await db.schema.createIndex('working_document_symbol').unique().on('working_document').columns(['session_id', 'symbol', 'language', 'version']).execute();
  await db.schema.createIndex('working_document_item').on('working_document').columns(['agenda_item_id']).execute();

  const t = 'working_document';
  await sql.raw(`create trigger ${t}_locked_insert before insert on ${t} when ${lockedCondition('new')} begin ${raise('new')} end`).execute(db);
  await sql.raw(`create trigger ${t}_locked_update_old before update on ${t} when ${lockedCondition('old')} begin ${raise('old')} end`).execute(db);
  await sql
    .raw(`create trigger ${t}_locked_update_new before update on ${t} when new.session_id is not old.session_id and ${lockedCondition('new')} begin ${raise('new')} end`)
    .execute(db);
  await sql.raw(`create trigger ${t}_locked_delete before delete on ${t} when ${lockedCondition('old')} begin ${raise('old')} end`).execute(db);

  // As 0006: the document and its agenda item are of one session, and the item cannot leave without it.
  const childWhen = `exists (select 1 from agenda_item p where p.id = new.agenda_item_id and p.session_id is not new.session_id)`;
  await sql.raw(`create trigger ${t}_agenda_item_id_session_insert before insert on ${t} when ${childWhen} begin ${MISMATCH} end`).execute(db);
  await sql
    .raw(`create trigger ${t}_agenda_item_id_session_update before update of agenda_item_id, session_id on ${t} when ${childWhen} begin ${MISMATCH} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger ${t}_agenda_item_id_session_parent before update of session_id on agenda_item
       when new.session_id is not old.session_id and exists (select 1 from ${t} c where c.agenda_item_id = old.id and c.session_id is not new.session_id)
       begin ${MISMATCH} end`,
    )
    .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const s of ['locked_insert', 'locked_update_old', 'locked_update_new', 'locked_delete', 'agenda_item_id_session_insert', 'agenda_item_id_session_update', 'agenda_item_id_session_parent']) {
    await sql.raw(`drop trigger if exists working_document_${s}`).execute(db);
  }
  await db.schema.dropTable('working_document').execute();
}
