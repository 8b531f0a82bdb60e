// The French articles set for member states, kept by ISO code in the settings table (key
// 'memberStateArticlesFr'): a fact of the name that the member_state table has no column for, and a
// code-keyed map needs no migration and means the same on every laptop.
import type { Kysely } from 'kysely';
import type { Tx } from '../core/context';
import type { Database } from '../database/schema';
import { FRENCH_ARTICLES, type FrenchArticle } from '../rules/french-names';

export const FRENCH_ARTICLES_KEY = 'memberStateArticlesFr';

export async function readFrenchArticles(db: Kysely<Database> | Tx): Promise<Record<string, FrenchArticle>> {
  const row = await db.selectFrom('setting').select('valueJson').where('key', '=', FRENCH_ARTICLES_KEY).executeTakeFirst();
  if (!row) return {};
  try {
    const parsed = JSON.parse(row.valueJson) as Record<string, unknown>;
    // A damaged entry is ignored: the state falls back to the list or the guess.
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, FrenchArticle] => FRENCH_ARTICLES.includes(e[1] as FrenchArticle)));
  } catch {
    return {};
  }
}

/** Set one state's article, and carry it over when its ISO code changes (`previousIso`). */
export async function writeFrenchArticle(tx: Tx, isoCode: string, article: FrenchArticle | undefined, at: string, previousIso?: string): Promise<void> {
  const moved = previousIso !== undefined && previousIso !== isoCode;
  if (article === undefined && !moved) return;
  const map = await readFrenchArticles(tx);
  const value = article ?? (moved ? map[previousIso] : undefined);
  if (moved) delete map[previousIso];
  if (value !== undefined) map[isoCode] = value;
  const valueJson = JSON.stringify(map);
  await tx
    .insertInto('setting')
    .values({ key: FRENCH_ARTICLES_KEY, valueJson, updatedAt: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson, updatedAt: at }))
    .execute();
}
