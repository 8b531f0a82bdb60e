import type BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import { tableSnapshot } from './fixtures';

export type ErrorClass = new (...args: never[]) => Error;

/** The call is refused with `type` naming `field`, and every table is exactly as it was. */
export async function expectRefusedUnchanged(
  sqlite: BetterSqlite3.Database,
  p: Promise<unknown>,
  type: ErrorClass,
  field: string,
): Promise<void> {
  const before = tableSnapshot(sqlite);
  await expect(p).rejects.toBeInstanceOf(type);
  await p.catch((e: { field: string }) => expect(e.field).toBe(field));
  expect(tableSnapshot(sqlite)).toEqual(before);
}
