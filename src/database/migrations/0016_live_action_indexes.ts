// Migration 0016: indexes for the reads the live actions make on every call (issue 13), so each rule that
// needs a read is one indexed read however long the council's history:
// - a delegation's attendance timeline in a sitting (attendance/service.ts, every arrival and departure);
// - a motion's undecided amendments (motions/service.ts assertMotionDecidable, before every vote, consensus
//   or withdrawal), a full scan of every motion ever proposed before this index.
// Never edit once landed: add a new migration.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('attendance_event_timeline').on('attendance_event').columns(['sitting_id', 'delegation_id', 'at']).execute();
  await db.schema.createIndex('motion_parent_status').on('motion').columns(['parent_motion_id', 'status']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('motion_parent_status').execute();
  await db.schema.dropIndex('attendance_event_timeline').execute();
}
