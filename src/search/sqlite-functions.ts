// The SQL functions the search triggers call (migration 0002). Triggers cannot run JS, so the folding of
// rules/arabic-normalize.ts is registered on each connection as a deterministic SQLite function:
// openDatabase() does it before migrating and before any write. A connection without them (the sqlite3
// shell, another tool) fails loudly on writes to the indexed tables ("no such function") instead of
// leaving the index out of step.
import type BetterSqlite3 from 'better-sqlite3';
import { indexColumns } from '../rules/arabic-normalize';

export const SEARCH_BODY_FUNCTION = 'council_search_body';
export const SEARCH_VARIANTS_FUNCTION = 'council_search_variants';

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

export function registerSearchFunctions(sqlite: BetterSqlite3.Database): void {
  const options = { deterministic: true, varargs: false } as const;
  sqlite.function(SEARCH_BODY_FUNCTION, options, (text: unknown) => indexColumns(asText(text)).body);
  sqlite.function(SEARCH_VARIANTS_FUNCTION, options, (text: unknown) => indexColumns(asText(text)).variants);
}
