// Migration 0014: who issued a delegation's credentials (the ministry or authority that signed them), beside
// the date they were received; the minutes print both. '' means not stated, as for a delegation recorded
// before this column existed. The lock triggers of delegation (0003/0005) are per row, not per column: they
// cover the new column as they are. Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table delegation add column credentials_issued_by text not null default ''`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`alter table delegation drop column credentials_issued_by`.execute(db);
}
