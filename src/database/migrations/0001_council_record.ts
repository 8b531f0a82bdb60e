// Migration 0001: the council record (settings, member states, sessions, sittings, delegations,
// attendance) and the deliberations (agenda, notes, motions, votes, decisions and what hangs on them),
// plus the audit trail. Never edit a migration once it has landed: add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const text = 'text' as const;
const int = 'integer' as const;

function inList(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('setting')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value_json', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_state')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('iso_code', text, (c) => c.notNull().unique())
    .addColumn('name_ar', text, (c) => c.notNull())
    .addColumn('name_en', text, (c) => c.notNull())
    .addColumn('name_fr', text, (c) => c.notNull())
    .addColumn('protocol_order', int, (c) => c.notNull())
    .addColumn('active', int, (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('council_session')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull().check(inList('kind', ['ordinary', 'extraordinary'])))
    .addColumn('number', int, (c) => c.notNull().check(sql`number between 1 and 999`))
    .addColumn('venue_city_ar', text, (c) => c.notNull())
    .addColumn('venue_city_en', text, (c) => c.notNull())
    .addColumn('venue_city_fr', text, (c) => c.notNull())
    .addColumn('venue_country_ar', text, (c) => c.notNull())
    .addColumn('venue_country_en', text, (c) => c.notNull())
    .addColumn('venue_country_fr', text, (c) => c.notNull())
    .addColumn('start_date', text, (c) => c.notNull())
    .addColumn('end_date', text, (c) => c.notNull())
    .addColumn('languages_json', text, (c) => c.notNull())
    .addColumn('chair_state_id', text, (c) => c.references('member_state.id'))
    .addColumn('rapporteur_state_id', text, (c) => c.references('member_state.id'))
    .addColumn('status', text, (c) => c.notNull().check(inList('status', ['planned', 'in_progress', 'closed'])))
    .addColumn('member_count', int, (c) => c.notNull())
    .addColumn('quorum_rule', text, (c) => c.notNull())
    .addColumn('default_majority_rule', text, (c) => c.notNull())
    .addColumn('chair_casting_vote', int, (c) => c.notNull().defaultTo(0))
    .addColumn('allow_inquorate_votes', int, (c) => c.notNull().defaultTo(0))
    .addColumn('last_decision_serial', int, (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('council_session_kind_number', ['kind', 'number'])
    .execute();

  await db.schema
    .createTable('sitting')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('number', int, (c) => c.notNull())
    .addColumn('starts_at', text, (c) => c.notNull())
    .addColumn('ends_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('sitting_session_number', ['session_id', 'number'])
    .execute();

  await db.schema
    .createTable('delegation')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('kind', text, (c) => c.notNull().check(inList('kind', ['member', 'observer', 'secretariat'])))
    .addColumn('member_state_id', text, (c) => c.references('member_state.id'))
    .addColumn('name_ar', text, (c) => c.notNull())
    .addColumn('name_en', text, (c) => c.notNull())
    .addColumn('name_fr', text, (c) => c.notNull())
    .addColumn('credentials_received_on', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('delegation_session_state', ['session_id', 'member_state_id'])
    .addCheckConstraint('delegation_member_has_state', sql`(kind = 'member') = (member_state_id is not null)`)
    .execute();

  await db.schema
    .createTable('delegate')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('delegation_id', text, (c) => c.notNull().references('delegation.id').onDelete('cascade'))
    .addColumn('full_name', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('role', text, (c) =>
      c.notNull().check(inList('role', ['head', 'member', 'adviser', 'representative', 'staff'])),
    )
    .addColumn('position', int, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attendance_event')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('sitting_id', text, (c) => c.notNull().references('sitting.id'))
    .addColumn('delegation_id', text, (c) => c.notNull().references('delegation.id'))
    .addColumn('kind', text, (c) => c.notNull().check(inList('kind', ['arrival', 'departure'])))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('recorded_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attendance_event_sitting_at')
    .on('attendance_event')
    .columns(['sitting_id', 'at'])
    .execute();

  await createDeliberationTables(db);

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', int, (c) => c.primaryKey().autoIncrement())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor', text, (c) => c.notNull())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('entity', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('session_id', text)
    .addColumn('before_json', text)
    .addColumn('after_json', text)
    .execute();
  await db.schema.createIndex('audit_entry_session').on('audit_entry').columns(['session_id', 'id']).execute();
  // The audit trail is append-only: the database itself refuses to rewrite history.
  await sql`create trigger audit_entry_no_update before update on audit_entry
    begin select raise(abort, 'audit_entry is append-only'); end`.execute(db);
  await sql`create trigger audit_entry_no_delete before delete on audit_entry
    begin select raise(abort, 'audit_entry is append-only'); end`.execute(db);
}

async function createDeliberationTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('agenda_item')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('parent_id', text, (c) => c.references('agenda_item.id'))
    .addColumn('position', int, (c) => c.notNull())
    .addColumn('standing_key', text)
    .addColumn('title_ar', text, (c) => c.notNull())
    .addColumn('title_en', text, (c) => c.notNull())
    .addColumn('title_fr', text, (c) => c.notNull())
    .addColumn('presenter', text, (c) => c.notNull())
    .addColumn('document_refs_json', text, (c) => c.notNull())
    .addColumn('status', text, (c) =>
      c.notNull().check(inList('status', ['pending', 'discussed', 'deferred', 'withdrawn'])),
    )
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_item_session').on('agenda_item').columns(['session_id', 'parent_id', 'position']).execute();

  await db.schema
    .createTable('agenda_adoption')
    .addColumn('session_id', text, (c) => c.primaryKey().references('council_session.id'))
    .addColumn('sitting_id', text, (c) => c.notNull().references('sitting.id'))
    .addColumn('adopted_at', text, (c) => c.notNull())
    .addColumn('as_amended', int, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('note')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('agenda_item_id', text, (c) => c.notNull().references('agenda_item.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('speaker_kind', text, (c) =>
      c.notNull().check(inList('speaker_kind', ['delegation', 'observer', 'chair', 'secretariat'])),
    )
    .addColumn('speaker_delegation_id', text, (c) => c.references('delegation.id'))
    .addColumn('speaker_name', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('language', text, (c) => c.notNull().check(inList('language', ['ar', 'en', 'fr'])))
    .execute();
  await db.schema.createIndex('note_item_at').on('note').columns(['agenda_item_id', 'at']).execute();

  await db.schema
    .createTable('motion')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('agenda_item_id', text, (c) => c.notNull().references('agenda_item.id'))
    .addColumn('parent_motion_id', text, (c) => c.references('motion.id'))
    .addColumn('text_ar', text, (c) => c.notNull())
    .addColumn('text_en', text, (c) => c.notNull())
    .addColumn('text_fr', text, (c) => c.notNull())
    .addColumn('proposer_delegation_id', text, (c) => c.references('delegation.id'))
    .addColumn('status', text, (c) =>
      c.notNull().check(inList('status', ['proposed', 'adopted', 'rejected', 'withdrawn', 'deferred', 'referred'])),
    )
    .addColumn('majority_rule', text)
    .addColumn('decided_by', text, (c) => c.check(inList('decided_by', ['consensus', 'vote'])))
    .addColumn('decided_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vote')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('motion_id', text, (c) => c.notNull().unique().references('motion.id'))
    .addColumn('sitting_id', text, (c) => c.notNull().references('sitting.id'))
    .addColumn('held_at', text, (c) => c.notNull())
    .addColumn('rule', text, (c) => c.notNull())
    .addColumn('yes', int, (c) => c.notNull())
    .addColumn('no', int, (c) => c.notNull())
    .addColumn('abstain', int, (c) => c.notNull())
    .addColumn('not_participating', int, (c) => c.notNull())
    .addColumn('present_count', int, (c) => c.notNull())
    .addColumn('member_count', int, (c) => c.notNull())
    .addColumn('quorum_required', int, (c) => c.notNull())
    .addColumn('quorum_met', int, (c) => c.notNull())
    .addColumn('inquorate', int, (c) => c.notNull())
    .addColumn('casting_vote', text, (c) => c.check(inList('casting_vote', ['yes', 'no'])))
    .addColumn('outcome', text, (c) => c.notNull().check(inList('outcome', ['adopted', 'rejected'])))
    .execute();

  await db.schema
    .createTable('vote_ballot')
    .addColumn('vote_id', text, (c) => c.notNull().references('vote.id').onDelete('cascade'))
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('member_state_id', text, (c) => c.notNull().references('member_state.id'))
    .addColumn('delegation_id', text, (c) => c.notNull().references('delegation.id'))
    .addColumn('choice', text, (c) =>
      c.notNull().check(inList('choice', ['yes', 'no', 'abstain', 'not_participating'])),
    )
    .addColumn('roll_order', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_ballot_pk', ['vote_id', 'member_state_id'])
    .execute();

  await db.schema
    .createTable('decision')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('agenda_item_id', text, (c) => c.notNull().references('agenda_item.id'))
    .addColumn('motion_id', text, (c) => c.unique().references('motion.id'))
    .addColumn('serial', int, (c) => c.notNull())
    .addColumn('number_ar', text, (c) => c.notNull())
    .addColumn('number_en', text, (c) => c.notNull())
    .addColumn('number_fr', text, (c) => c.notNull())
    .addColumn('text_ar', text, (c) => c.notNull())
    .addColumn('text_en', text, (c) => c.notNull())
    .addColumn('text_fr', text, (c) => c.notNull())
    .addColumn('adopted_at', text, (c) => c.notNull())
    .addColumn('adopted_by', text, (c) => c.notNull().check(inList('adopted_by', ['consensus', 'vote'])))
    .addColumn('sitting_id', text, (c) => c.references('sitting.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('decision_session_serial', ['session_id', 'serial'])
    .execute();

  await db.schema
    .createTable('reservation')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('decision_id', text, (c) => c.notNull().references('decision.id'))
    .addColumn('member_state_id', text, (c) => c.notNull().references('member_state.id'))
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('recorded_at', text, (c) => c.notNull())
    .addUniqueConstraint('reservation_decision_state', ['decision_id', 'member_state_id'])
    .execute();

  await db.schema
    .createTable('referral')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('decision_id', text, (c) => c.notNull().references('decision.id'))
    .addColumn('body', text, (c) =>
      c.notNull().check(inList('body', ['general_assembly', 'ministerial_council', 'other'])),
    )
    .addColumn('body_name', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('action_item')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id'))
    .addColumn('decision_id', text, (c) => c.references('decision.id'))
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('responsible_kind', text, (c) =>
      c.notNull().check(inList('responsible_kind', ['secretariat_unit', 'member_state'])),
    )
    .addColumn('responsible_unit', text, (c) => c.notNull())
    .addColumn('responsible_state_id', text, (c) => c.references('member_state.id'))
    .addColumn('due_date', text)
    .addColumn('status', text, (c) =>
      c.notNull().check(inList('status', ['open', 'in_progress', 'done', 'cancelled'])),
    )
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('action_update')
    .addColumn('id', text, (c) => c.primaryKey())
    // The session at which the update was reported (follow-up reports), not the action's own session:
    // actions of a locked session still progress.
    .addColumn('reported_at_session_id', text, (c) => c.references('council_session.id'))
    .addColumn('action_item_id', text, (c) => c.notNull().references('action_item.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('status', text, (c) =>
      c.notNull().check(inList('status', ['open', 'in_progress', 'done', 'cancelled'])),
    )
    .execute();
}
