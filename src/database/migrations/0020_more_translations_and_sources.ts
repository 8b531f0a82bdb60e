// Migration 0020: the last one-language texts a secretary types get their English and French forms (who
// issued a delegation's credentials, the name of the body a decision is referred to, who presents an
// agenda item, the name of a signatory of the minutes), and every translation keeps what it was made
// from: `<translation column>_source_sha256`, the SHA-256 of the original when the translation was set or
// imported ('' = no translation, or one entered before this migration: its source is not known). An
// original edited since shows its translation as needing review (src/translations). Listed here in full
// (not read from src/translations/registry.ts) so this migration never changes once landed.
// The lock triggers are per row, not per column: they cover the new columns as they are.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** table -> original columns (snake_case) that get <column>_en and <column>_fr. */
export const columns0020: Record<string, string[]> = {
  delegation: ['credentials_issued_by'],
  referral: ['body_name'],
  agenda_item: ['presenter'],
  signatory: ['full_name'],
};

/** table -> translation columns (snake_case) that get <column>_source_sha256: every one of 0018, the older three-language texts, and those above. */
export const sources0020: Record<string, string[]> = {
  delegate: ['full_name_en', 'full_name_fr', 'title_en', 'title_fr'],
  sitting_head: ['full_name_en', 'full_name_fr', 'title_en', 'title_fr'],
  agenda_adoption: ['note_en', 'note_fr'],
  note: ['text_en', 'text_fr'],
  reservation: ['text_en', 'text_fr'],
  referral: ['note_en', 'note_fr', 'body_name_en', 'body_name_fr'],
  action_item: ['description_en', 'description_fr', 'responsible_unit_en', 'responsible_unit_fr'],
  action_update: ['text_en', 'text_fr'],
  agenda_item: ['title_en', 'title_fr', 'presenter_en', 'presenter_fr'],
  motion: ['text_en', 'text_fr', 'consolidated_en', 'consolidated_fr', 'referral_body_name_en', 'referral_body_name_fr'],
  decision: ['text_en', 'text_fr'],
  corrigendum: ['text_en', 'text_fr'],
  signatory: ['title_en', 'title_fr', 'full_name_en', 'full_name_fr'],
  delegation: ['name_en', 'name_fr', 'credentials_issued_by_en', 'credentials_issued_by_fr'],
};

const added = (): [string, string][] => [
  ...Object.entries(columns0020).flatMap(([t, cs]) => cs.flatMap((c) => [[t, `${c}_en`], [t, `${c}_fr`]] as [string, string][])),
  ...Object.entries(sources0020).flatMap(([t, cs]) => cs.map((c) => [t, `${c}_source_sha256`] as [string, string])),
];

export async function up(db: AnyDb): Promise<void> {
  for (const [table, column] of added()) {
    await db.schema.alterTable(table).addColumn(column, 'text', (c) => c.notNull().defaultTo(sql`''`)).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [table, column] of added().reverse()) await db.schema.alterTable(table).dropColumn(column).execute();
}
