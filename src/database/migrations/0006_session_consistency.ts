// Migration 0006: a child row belongs to its parent's session. Before it, nothing tied a row's
// session_id to the session of the row it points at (a ballot labelled session 65 on a vote of locked
// session 66 showed up in that vote), so the lock of one session could be walked around from another.
// Triggers now refuse, on insert and on update, a child whose session_id differs from its parent's, and
// a parent moved to another session under its children. RAISE messages are constants ('SESSION_MISMATCH'):
// an expression in RAISE makes the schema unreadable to SQLite before 3.47.
// A file that already holds such rows is not migrated: the migration stops, before changing anything,
// with RecordInconsistentError naming every offending row (the app does not open it; the backup taken
// before migrating is the file as it was). Repairing a record by guessing which session was meant would
// rewrite history; a person decides.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';
import { RecordInconsistentError, type InconsistentRow } from '../../errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * [child table, its column naming the parent, parent table]: every reference between rows of one session.
 * Not minutes_version.approved_by_sitting_id: a session's minutes are approved at a later session's sitting.
 */
export const SESSION_LINKS: readonly (readonly [string, string, string])[] = [
  ['delegate', 'delegation_id', 'delegation'],
  ['attendance_event', 'sitting_id', 'sitting'],
  ['attendance_event', 'delegation_id', 'delegation'],
  ['agenda_item', 'parent_id', 'agenda_item'],
  ['agenda_adoption', 'sitting_id', 'sitting'],
  ['note', 'agenda_item_id', 'agenda_item'],
  ['note', 'speaker_delegation_id', 'delegation'],
  ['motion', 'agenda_item_id', 'agenda_item'],
  ['motion', 'parent_motion_id', 'motion'],
  ['motion', 'proposer_delegation_id', 'delegation'],
  ['vote', 'motion_id', 'motion'],
  ['vote', 'sitting_id', 'sitting'],
  ['vote_ballot', 'vote_id', 'vote'],
  ['vote_ballot', 'delegation_id', 'delegation'],
  ['decision', 'agenda_item_id', 'agenda_item'],
  ['decision', 'motion_id', 'motion'],
  ['decision', 'sitting_id', 'sitting'],
  ['reservation', 'decision_id', 'decision'],
  ['referral', 'decision_id', 'decision'],
  ['action_item', 'decision_id', 'decision'],
  ['signatory', 'signature_attachment_id', 'attachment'],
  ['corrigendum', 'decision_id', 'decision'],
  ['seal_record', 'minutes_version_id', 'minutes_version'],
];

/** How a child row is named in the error (its primary key). */
const CHILD_KEY: Record<string, string> = {
  agenda_adoption: `'session ' || c.session_id`,
  vote_ballot: `'vote ' || c.vote_id || ', state ' || c.member_state_id`,
};

// An attachment with no session (the organisation's logo) belongs to none: it may be referenced anywhere.
function mismatchQuery(child: string, column: string, parent: string): string {
  const nullableParent = parent === 'attachment' ? ' and p.session_id is not null' : '';
  // One-word aliases: the migration's Kysely instance may camelCase result columns.
  return `select '${child}' as tbl, ${CHILD_KEY[child] ?? 'c.id'} as rowkey, c.session_id as sess,
            '${column}' as col, '${parent}' as ptbl, p.id as pid, p.session_id as psess
          from ${child} c join ${parent} p on p.id = c.${column}
          where p.session_id is not c.session_id${nullableParent}`;
}

/** Every row that contradicts its parent's session (empty for a consistent file). */
export async function findSessionMismatches(db: AnyDb): Promise<InconsistentRow[]> {
  const out: InconsistentRow[] = [];
  for (const [child, column, parent] of SESSION_LINKS) {
    const rows = await sql<Record<string, string | null>>`${sql.raw(mismatchQuery(child, column, parent))}`.execute(db);
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

const RAISE = `select raise(abort, 'SESSION_MISMATCH');`;

export async function up(db: AnyDb): Promise<void> {
  const found = await findSessionMismatches(db);
  if (found.length > 0) throw new RecordInconsistentError(found);
  for (const [child, column, parent] of SESSION_LINKS) {
    const nullableParent = parent === 'attachment' ? ' and p.session_id is not null' : '';
    const childWhen = `new.${column} is not null and exists (select 1 from ${parent} p where p.id = new.${column}
      and p.session_id is not new.session_id${nullableParent})`;
    const name = `${child}_${column}_session`;
    await sql.raw(`create trigger ${name}_insert before insert on ${child} when ${childWhen} begin ${RAISE} end`).execute(db);
    await sql
      .raw(`create trigger ${name}_update before update of ${column}, session_id on ${child} when ${childWhen} begin ${RAISE} end`)
      .execute(db);
    // The parent may not leave its children behind in another session either.
    await sql
      .raw(
        `create trigger ${name}_parent before update of session_id on ${parent}
         when new.session_id is not old.session_id and exists (select 1 from ${child} c where c.${column} = old.id
           and c.session_id is not new.session_id${parent === 'attachment' ? ' and new.session_id is not null' : ''})
         begin ${RAISE} end`,
      )
      .execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [child, column] of SESSION_LINKS) {
    for (const t of ['insert', 'update', 'parent']) await sql.raw(`drop trigger if exists ${child}_${column}_session_${t}`).execute(db);
  }
}
