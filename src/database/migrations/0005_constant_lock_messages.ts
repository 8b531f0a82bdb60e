// Migration 0005: the lock triggers abort with a constant message, so any SQLite from 3.31 on can read
// the file. 0003's triggers use RAISE(ABORT, 'LOCKED_SESSION:' || old.session_id); SQLite before 3.47
// (Debian's sqlite3, Python's sqlite3 module) cannot parse an expression there and refuses to open the
// whole file ("malformed database schema"). Each such trigger is recreated from its own stored SQL with
//   select raise(abort, 'LOCKED_SESSION') where council_locked_session(<the same session id>)
// so the conditions stay exactly as 0003 wrote them; the function notes which session was refused
// (database/lock-hits.ts) for the typed LockedSessionError.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const WITH_EXPRESSION = /select\s+raise\s*\(\s*abort\s*,\s*'LOCKED_SESSION:'\s*\|\|\s*((?:old|new)\.[a-z_]+)\s*\)/gi;
const CONSTANT = /select raise\(abort, 'LOCKED_SESSION'\) where council_locked_session\(((?:old|new)\.[a-z_]+)\)/g;

async function triggers(db: AnyDb): Promise<{ name: string; sql: string }[]> {
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and sql is not null order by name`.execute(db);
  return rows;
}

async function rewrite(db: AnyDb, from: RegExp, to: (ref: string) => string): Promise<void> {
  for (const t of await triggers(db)) {
    const next = t.sql.replace(from, (_m, ref: string) => to(ref));
    if (next === t.sql) continue;
    await sql.raw(`drop trigger ${t.name}`).execute(db);
    await sql.raw(next).execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  await rewrite(db, WITH_EXPRESSION, (ref) => `select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref})`);
  const left = (await triggers(db)).filter((t) => /raise\s*\(\s*abort\s*,\s*'[^']*'\s*\|\|/i.test(t.sql));
  if (left.length > 0) throw new Error(`triggers still raise with an expression: ${left.map((t) => t.name).join(', ')}`);
}

export async function down(db: AnyDb): Promise<void> {
  await rewrite(db, CONSTANT, (ref) => `select raise(abort, 'LOCKED_SESSION:' || ${ref})`);
}
