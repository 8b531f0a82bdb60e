// The SQL functions the schema's triggers call (the search folding of migrations 0002/0011, the lock's
// session marker of 0005): every connection that may write, or open an old file to migrate it, registers
// them all through this one call.
import type BetterSqlite3 from 'better-sqlite3';
import { registerSearchFunctions } from '../search/sqlite-functions';
import { registerLockFunction } from './lock-hits';

export function registerCouncilFunctions(sqlite: BetterSqlite3.Database): void {
  registerSearchFunctions(sqlite);
  registerLockFunction(sqlite);
}
