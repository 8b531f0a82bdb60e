// Migration 0009: a roll call in progress is stored. Each ballot is on disk as it is keyed, so a tab
// switch, a reload or a crash loses nothing; the roll call ends only when it is recorded (it becomes a
// row of `vote`, in the same transaction) or abandoned explicitly. One roll call at a time per session.
// Every reference cascades: replacing a session from a bundle or deleting a motion takes its open roll
// call with it. A locked session takes no new ballot (triggers, as in 0003).
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const text = 'text' as const;

const locked = (ref: 'new' | 'old') => `exists (select 1 from council_session where id = ${ref}.session_id and locked_at is not null)
    and not exists (select 1 from session_lock_override where session_id = ${ref}.session_id)`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('open_roll_call')
    .addColumn('motion_id', text, (c) => c.primaryKey().references('motion.id').onDelete('cascade'))
    .addColumn('session_id', text, (c) => c.notNull().unique().references('council_session.id').onDelete('cascade'))
    .addColumn('sitting_id', text, (c) => c.notNull().references('sitting.id').onDelete('cascade'))
    .addColumn('opened_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('open_roll_call_ballot')
    .addColumn('motion_id', text, (c) => c.notNull().references('open_roll_call.motion_id').onDelete('cascade'))
    .addColumn('session_id', text, (c) => c.notNull().references('council_session.id').onDelete('cascade'))
    .addColumn('member_state_id', text, (c) => c.notNull().references('member_state.id').onDelete('cascade'))
    .addColumn('choice', text, (c) => c.notNull().check(sql`choice in ('yes', 'no', 'abstain', 'not_participating')`))
    .addColumn('keyed_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('open_roll_call_ballot_pk', ['motion_id', 'member_state_id'])
    .execute();
  for (const table of ['open_roll_call', 'open_roll_call_ballot']) {
    for (const op of ['insert', 'update'] as const) {
      const ref = op === 'insert' ? 'new' : 'old';
      await sql
        .raw(
          `create trigger ${table}_locked_${op} before ${op} on ${table}
           when ${locked(ref)} begin select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref}.session_id); end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('open_roll_call_ballot').execute();
  await db.schema.dropTable('open_roll_call').execute();
}
