// Migration 0003: approving, signing and sealing the minutes, and the lock.
// - minutes_version, signatory, attachment, corrigendum, seal_record;
// - the lock: once council_session.locked_at is set, triggers on every session-scoped table refuse
//   inserts, updates and deletes with the message 'LOCKED_SESSION:<session id>' (mapped to
//   LockedSessionError in core/context.ts), so a service that forgot assertSessionWritable still fails;
// - session_lock_override: the one, audited escape hatch (unlocking, replacing a session from a bundle),
//   a row present only inside the transaction that needs it.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const text = 'text' as const;
const int = 'integer' as const;

function inList(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** Tables whose rows belong to one session's record (each has session_id). */
export const LOCKED_TABLES = [
  'sitting',
  'delegation',
  'delegate',
  'attendance_event',
  'agenda_item',
  'agenda_adoption',
  'note',
  'motion',
  'vote',
  'vote_ballot',
  'decision',
  'reservation',
  'referral',
  'action_item',
] as const;

/** action_item columns that must not change after the lock; `status` alone may (follow-up progress). */
const ACTION_ITEM_FIXED = [
  'id',
  'session_id',
  'decision_id',
  'description',
  'responsible_kind',
  'responsible_unit',
  'responsible_state_id',
  'due_date',
  'created_at',
];

function lockedCondition(ref: 'new' | 'old'): string {
  return `exists (select 1 from council_session where id = ${ref}.session_id and locked_at is not null)
    and not exists (select 1 from session_lock_override where session_id = ${ref}.session_id)`;
}

function raiseFor(ref: 'new' | 'old'): string {
  return `select raise(abort, 'LOCKED_SESSION:' || ${ref}.session_id);`;
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('session_lock_override')
    .addColumn('session_id', text, (c) => c.primaryKey())
    .addColumn('reason', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.references('council_session.id'))
    .addColumn('kind', text, (c) => c.notNull().check(inList('kind', ['logo', 'signature', 'scan'])))
    .addColumn('mime', text, (c) => c.notNull().check(inList('mime', ['image/png', 'image/jpeg', 'application/pdf'])))
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('byte_size', int, (c) => c.notNull())
    .addColumn('sha256', text, (c) => c.notNull())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_session').on('attachment').columns(['session_id', 'kind']).execute();

  await db.schema
    .createTable('minutes_version')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('version', int, (c) => c.notNull())
    .addColumn('language', text, (c) => c.notNull())
    .addColumn('status', text, (c) =>
      c.notNull().check(inList('status', ['draft', 'circulated', 'approved', 'signed'])),
    )
    .addColumn('corrigenda_count', int, (c) => c.notNull().defaultTo(0))
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('circulated_at', text)
    .addColumn('approved_at', text)
    .addColumn('approved_by_sitting_id', text, (c) => c.references('sitting.id'))
    .addColumn('approved_at_session', text) // e.g. "at its 68th session", when not one of our sittings
    .addColumn('signed_at', text)
    .addColumn('docx_sha256', text)
    .addUniqueConstraint('minutes_version_session_version', ['session_id', 'version'])
    .execute();

  await db.schema
    .createTable('signatory')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('role_key', text, (c) => c.notNull())
    .addColumn('position', int, (c) => c.notNull())
    .addColumn('full_name', text, (c) => c.notNull())
    .addColumn('title_ar', text, (c) => c.notNull())
    .addColumn('title_en', text, (c) => c.notNull())
    .addColumn('title_fr', text, (c) => c.notNull())
    .addColumn('signature_attachment_id', text, (c) => c.references('attachment.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('signatory_session_role', ['session_id', 'role_key'])
    .execute();

  await db.schema
    .createTable('corrigendum')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('number', int, (c) => c.notNull())
    .addColumn('decision_id', text, (c) => c.references('decision.id'))
    .addColumn('text_ar', text, (c) => c.notNull())
    .addColumn('text_en', text, (c) => c.notNull())
    .addColumn('text_fr', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('corrigendum_session_number', ['session_id', 'number'])
    .execute();
  // A corrigendum is itself part of the approved record: append-only (unless a bundle replaces the session).
  for (const op of ['update', 'delete'] as const) {
    await sql
      .raw(
        `create trigger corrigendum_no_${op} before ${op} on corrigendum
         when not exists (select 1 from session_lock_override where session_id = old.session_id)
         begin select raise(abort, 'LOCKED_SESSION:' || old.session_id); end`,
      )
      .execute(db);
  }

  await db.schema
    .createTable('seal_record')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('minutes_version_id', text, (c) => c.references('minutes_version.id'))
    .addColumn('file_kind', text, (c) => c.notNull().check(inList('file_kind', ['docx', 'pdf'])))
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('file_sha256', text, (c) => c.notNull())
    .addColumn('record_sha256', text, (c) => c.notNull())
    .addColumn('fingerprint', text, (c) => c.notNull())
    .addColumn('signature', text, (c) => c.notNull())
    .addColumn('signed_at', text, (c) => c.notNull())
    .execute();

  await createLockTriggers(db);
}

async function createLockTriggers(db: AnyDb): Promise<void> {
  for (const table of LOCKED_TABLES) {
    await sql
      .raw(
        `create trigger ${table}_locked_insert before insert on ${table}
         when ${lockedCondition('new')} begin ${raiseFor('new')} end`,
      )
      .execute(db);
    // Both the old and the new session: a row may neither leave nor enter a locked record.
    const updateWhen =
      table === 'action_item'
        ? `(${lockedCondition('old')}) and (${ACTION_ITEM_FIXED.map((c) => `old.${c} is not new.${c}`).join(' or ')})`
        : lockedCondition('old');
    await sql
      .raw(
        `create trigger ${table}_locked_update_old before update on ${table}
         when ${updateWhen} begin ${raiseFor('old')} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_locked_update_new before update on ${table}
         when new.session_id is not old.session_id and ${lockedCondition('new')} begin ${raiseFor('new')} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_locked_delete before delete on ${table}
         when ${lockedCondition('old')} begin ${raiseFor('old')} end`,
      )
      .execute(db);
  }
  // The session row itself: setting locked_at (old.locked_at null) passes; afterwards nothing changes.
  const sessionLocked = `old.locked_at is not null
    and not exists (select 1 from session_lock_override where session_id = old.id)`;
  await sql
    .raw(
      `create trigger council_session_locked_update before update on council_session
       when ${sessionLocked} begin select raise(abort, 'LOCKED_SESSION:' || old.id); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger council_session_locked_delete before delete on council_session
       when ${sessionLocked} begin select raise(abort, 'LOCKED_SESSION:' || old.id); end`,
    )
    .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of LOCKED_TABLES) {
    for (const t of ['insert', 'update_old', 'update_new', 'delete']) {
      await sql.raw(`drop trigger if exists ${table}_locked_${t}`).execute(db);
    }
  }
  await sql.raw('drop trigger if exists council_session_locked_update').execute(db);
  await sql.raw('drop trigger if exists council_session_locked_delete').execute(db);
  for (const t of ['seal_record', 'corrigendum', 'signatory', 'minutes_version', 'attachment', 'session_lock_override']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
