// Migration 0004: the venue's IANA time zone on each session, so clock times in the minutes are the
// venue's and not the time zone of whichever laptop prints them. '' = not known (older sessions): the
// minutes fall back to the --tz option or the computer's zone, as before.
// Never edit once landed: add a new migration.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('council_session').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('council_session').dropColumn('time_zone').execute();
}
