// Migration 0019: the body a motion is referred to (issue 11). Before, a referred motion said only that it
// was "referred elsewhere"; the secretary now names the body, with the same choices as a decision's
// referral (src/rules/referral-body.ts), and a free name for 'other' with its English and French forms (as
// migration 0018 gave the other one-language texts). '' = not recorded (every motion before this
// migration). The rule is checked here too, so raw SQL obeys it: a body only on a referred motion, and
// 'other' only with a name. The motion table's lock triggers cover the whole row, so these columns too.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const names = ['referral_body_name', 'referral_body_name_en', 'referral_body_name_fr'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const c of names) await db.schema.alterTable('motion').addColumn(c, 'text', (col) => col.notNull().defaultTo(sql`''`)).execute();
  await db.schema
    .alterTable('motion')
    .addColumn('referral_body', 'text', (col) =>
      col
        .notNull()
        .defaultTo(sql`''`)
        .check(
          sql`referral_body in ('', 'general_assembly', 'ministerial_council', 'other')
            and (referral_body = '' or status = 'referred')
            and (referral_body <> 'other' or trim(referral_body_name) <> '')
            and (referral_body <> '' or referral_body_name = '')`,
        ),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('motion').dropColumn('referral_body').execute();
  for (const c of names) await db.schema.alterTable('motion').dropColumn(c).execute();
}
