// Migration 0005: the file readable by any SQLite from 3.31 on (Debian's sqlite3, Python's sqlite3 module,
// a recovery tool), not only by the SQLite inside the app. Two things were newer than that:
// 1. the lock triggers (0003) abort with a constant message. 0003's triggers use RAISE(ABORT, 'LOCKED_SESSION:' || old.session_id); SQLite before 3.47
// (Debian's sqlite3, Python's sqlite3 module) cannot parse an expression there and refuses to open the
// whole file ("malformed database schema"). Each such trigger is recreated from its own stored SQL with
//   select raise(abort, 'LOCKED_SESSION') where council_locked_session(<the same session id>)
// so the conditions stay exactly as 0003 wrote them; the function notes which session was refused
// (database/lock-hits.ts) for the typed LockedSessionError.
// 2. the search index (0002) was a contentless FTS5 table with contentless_delete = 1 (SQLite 3.43+):
//    older SQLite cannot read it. It becomes an ordinary FTS5 table (it stores the folded text too, which
//    nothing reads; deleting by rowid works the same), refilled from the records as search/rebuild.ts does.
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

// The indexed text of each kind, as 0002 wrote it (a frozen copy).
const SOURCES = [
  { kind: 'agenda_item', table: 'agenda_item', text: `r.title_ar || ' ' || r.title_en || ' ' || r.title_fr` },
  { kind: 'note', table: 'note', text: 'r.text' },
  { kind: 'motion', table: 'motion', text: `r.text_ar || ' ' || r.text_en || ' ' || r.text_fr` },
  {
    kind: 'decision',
    table: 'decision',
    text: `r.number_ar || ' ' || r.number_en || ' ' || r.number_fr || ' ' || r.text_ar || ' ' || r.text_en || ' ' || r.text_fr`,
  },
] as const;

async function recreateSearchIndex(db: AnyDb, options: string): Promise<void> {
  await sql`drop table search_fts`.execute(db);
  await sql.raw(`create virtual table search_fts using fts5(body, variants, ${options}tokenize = 'unicode61 remove_diacritics 2')`).execute(db);
  for (const s of SOURCES) {
    await sql
      .raw(
        `insert into search_fts (rowid, body, variants)
         select d.id, council_search_body(${s.text}), council_search_variants(${s.text})
         from ${s.table} r join search_doc d on d.kind = '${s.kind}' and d.entity_id = r.id`,
      )
      .execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  await rewrite(db, WITH_EXPRESSION, (ref) => `select raise(abort, 'LOCKED_SESSION') where council_locked_session(${ref})`);
  const left = (await triggers(db)).filter((t) => /raise\s*\(\s*abort\s*,\s*'[^']*'\s*\|\|/i.test(t.sql));
  if (left.length > 0) throw new Error(`triggers still raise with an expression: ${left.map((t) => t.name).join(', ')}`);
  await recreateSearchIndex(db, '');
}

export async function down(db: AnyDb): Promise<void> {
  await recreateSearchIndex(db, `content = '', contentless_delete = 1, `);
  await rewrite(db, CONSTANT, (ref) => `select raise(abort, 'LOCKED_SESSION:' || ${ref})`);
}
