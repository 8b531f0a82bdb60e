// Migration 0018: English and French forms beside the texts a secretary types in one language (names and
// titles of delegates and sitting heads, interventions, reservations, referral notes, actions and their
// progress, the note on the agenda's adoption). Empty until a translator fills them; the minutes mark
// what is still empty. Listed here in full (not read from src/translations/registry.ts) so this migration
// never changes once landed. Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** table -> original columns (snake_case); each gets <column>_en and <column>_fr. */
export const columns0018: Record<string, string[]> = {
  delegate: ['full_name', 'title'],
  sitting_head: ['full_name', 'title'],
  agenda_adoption: ['note'],
  note: ['text'],
  reservation: ['text'],
  referral: ['note'],
  action_item: ['description', 'responsible_unit'],
  action_update: ['text'],
};

export async function up(db: AnyDb): Promise<void> {
  for (const [table, originals] of Object.entries(columns0018)) {
    for (const original of originals) {
      for (const lang of ['en', 'fr']) {
        await db.schema.alterTable(table).addColumn(`${original}_${lang}`, 'text', (c) => c.notNull().defaultTo(sql`''`)).execute();
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [table, originals] of Object.entries(columns0018)) {
    for (const original of originals) {
      for (const lang of ['en', 'fr']) await db.schema.alterTable(table).dropColumn(`${original}_${lang}`).execute();
    }
  }
}
