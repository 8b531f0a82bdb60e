// council-record/5: the session's record read from the schema itself, so a column or a table added later
// is covered without a new format. Formats 1-4 named their tables and left out what came after them
// (format 4 missed the sitting heads and the speakers' list, both printed in the minutes).
// The rules, each canonical:
// - tables: every table with a `session_id` column, except those named in NOT_IN_RECORD (each with why);
//   the session's rows of each, and the council_session row itself;
// - columns: every column of each row (camelCase), except NOT_HASHED; a column whose value is NULL or ''
//   is omitted, so a column added with an empty default leaves every earlier seal valid (and an empty table
//   is omitted, so a table added later, or missing on an older laptop, changes nothing);
// - values: a member-state id (a column ending in `state_id`) is written `iso:XX` (each laptop makes its own
//   ids); an attachment id (ending in `attachment_id`) is written `sha256:<its bytes' hash>`
//   (computed from the bytes, attachment-hash.ts); bytes as
//   `sha256:<hash>`; a fraction as its JavaScript string (canonical JSON has integers only);
// - rows: ordered by their own canonical JSON (laptop-independent, needs no primary key);
// - member states: each one the record names, by ISO code, every column but the laptop's own (id,
//   protocol order, active, timestamps), and its French article when one is set (the French minutes print it);
// - corrigenda: those numbered up to the count the manifest states (as format 3).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../core/context';
import { NotFoundError } from '../errors';
import { FRENCH_ARTICLES_KEY } from '../member-states/french-articles';
import { attachmentSha256 } from './attachment-hash';
import { canonicalJson } from './canonical';

export const RECORD_FORMAT_5 = 'council-record/5';

/** Session-scoped tables that are not the record, and why. A new session-scoped table is in the record unless named here. */
export const NOT_IN_RECORD: Readonly<Record<string, string>> = {
  minutes_version: 'the minutes made from the record, after it',
  seal_record: 'the seals of the record',
  attachment: 'scans are filed after the lock; a signature image is in the record as its SHA-256, where a row names it',
  audit_entry: 'the trail of changes, not the record',
  search_doc: 'an index derived from the record',
  open_roll_call: 'a roll call in progress: recorded, it becomes a vote',
  open_roll_call_ballot: 'a roll call in progress: recorded, it becomes a vote',
  session_lock_override: 'present only inside the transaction that unlocks',
  unverified_copy: "this laptop's note about an import, not the record",
};

/** Columns left out, per table (camelCase): they may change after the lock by design. */
const NOT_HASHED: Readonly<Record<string, readonly string[]>> = {
  action_item: ['status'], // follow-up progress (docs/approval-and-seal.md, decided exceptions)
  signatory: ['createdAt', 'updatedAt'], // when a name was typed, not what is signed
};

/** member_state columns each laptop keeps for itself. */
const LOCAL_STATE_COLUMNS = new Set(['id', 'protocolOrder', 'active', 'createdAt', 'updatedAt']);

type RowObj = Record<string, unknown>;

export interface Record5 {
  format: typeof RECORD_FORMAT_5;
  session: RowObj;
  tables: Record<string, RowObj[]>;
  memberStates: RowObj[];
}

/** The tables of the record in this database's schema (a table with session_id not named in NOT_IN_RECORD). */
export async function recordTables(tx: Tx): Promise<string[]> {
  const rows = await sql<{ name: string }>`select m.name as name from sqlite_master m
    where m.type = 'table' and m.name not like 'sqlite_%'
      and exists (select 1 from pragma_table_info(m.name) c where c.name = 'session_id')
    order by m.name`.execute(tx);
  return rows.rows.map((r) => r.name).filter((n) => !(n in NOT_IN_RECORD));
}

const byCanonical = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function loadRecord5(tx: Tx, sessionId: string, corrigendaUpTo?: number): Promise<Record5> {
  const session = (await sql<RowObj>`select * from council_session where id = ${sessionId}`.execute(tx)).rows[0];
  if (!session) throw new NotFoundError('sessionId', 'session', sessionId);
  const states = (await sql<RowObj>`select * from member_state`.execute(tx)).rows;
  const isoById = new Map(states.map((s) => [String(s.id), String(s.isoCode)]));
  const loaded: [string, RowObj[]][] = [];
  for (const table of await recordTables(tx)) {
    let rows = (await sql<RowObj>`select * from ${sql.table(table)} where session_id = ${sessionId}`.execute(tx)).rows;
    if (table === 'corrigendum' && corrigendaUpTo !== undefined) rows = rows.filter((r) => Number(r.number) <= corrigendaUpTo);
    if (rows.length) loaded.push([table, rows]);
  }
  const attachmentIds = [session, ...loaded.flatMap(([, rows]) => rows)].flatMap((r) =>
    Object.entries(r).flatMap(([col, v]) => (col.endsWith('AttachmentId') && typeof v === 'string' ? [v] : [])),
  );
  const shaById = await attachmentSha256(tx, attachmentIds);
  const named = new Set<string>();

  const normalise = (table: string, row: RowObj): RowObj => {
    const out: RowObj = {};
    for (const [col, v] of Object.entries(row)) {
      if (v === null || v === undefined || v === '' || NOT_HASHED[table]?.includes(col)) continue;
      if (col.endsWith('StateId') && typeof v === 'string') {
        named.add(v);
        out[col] = `iso:${isoById.get(v) ?? v}`;
      } else if (col.endsWith('AttachmentId') && typeof v === 'string') {
        out[col] = `sha256:${shaById.get(v) ?? `missing ${v}`}`;
      } else if (v instanceof Uint8Array) {
        out[col] = `sha256:${createHash('sha256').update(v).digest('hex')}`;
      } else if (typeof v === 'number' && !Number.isSafeInteger(v)) {
        out[col] = String(v);
      } else if (typeof v === 'bigint') {
        out[col] = String(v);
      } else {
        out[col] = v;
      }
    }
    return out;
  };

  const tables: Record<string, RowObj[]> = {};
  for (const [table, rows] of loaded) {
    tables[table] = rows
      .map((r) => normalise(table, r))
      .map((r) => [canonicalJson(r), r] as const)
      .sort(([a], [b]) => byCanonical(a, b))
      .map(([, r]) => r);
  }
  const sessionRow = normalise('council_session', session);

  const articles = await readArticles(tx);
  const memberStates = states
    .filter((st) => named.has(String(st.id)))
    .map((st) => {
      const out: RowObj = {};
      for (const [col, v] of Object.entries(st)) if (!LOCAL_STATE_COLUMNS.has(col) && v !== null && v !== '') out[col] = v;
      const article = articles[String(st.isoCode)];
      if (article) out.articleFr = article;
      return out;
    })
    .sort((x, y) => byCanonical(String(x.isoCode), String(y.isoCode)));
  return { format: RECORD_FORMAT_5, session: sessionRow, tables, memberStates };
}

async function readArticles(tx: Tx): Promise<Record<string, string>> {
  const row = await tx.selectFrom('setting').select('valueJson').where('key', '=', FRENCH_ARTICLES_KEY).executeTakeFirst();
  if (!row) return {};
  try {
    const parsed = JSON.parse(row.valueJson) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  } catch {
    return {};
  }
}
