// Migration 0013: the consolidated text of a motion as amended (issue 9). A motion adopted after one of its
// amendments was adopted reads "as amended" in the minutes, followed by this text; before, the consolidated
// text existed only when a decision carried it. '' = not recorded (every motion before this migration).
// The motion table's lock triggers (0003/0005) are on the whole row, so they cover these columns too.
// Never edit once landed: add a new migration.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const columns = ['consolidated_ar', 'consolidated_en', 'consolidated_fr'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const c of columns) await db.schema.alterTable('motion').addColumn(c, 'text', (col) => col.notNull().defaultTo('')).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const c of columns) await db.schema.alterTable('motion').dropColumn(c).execute();
}
