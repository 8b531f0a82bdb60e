// The session's record as data, for the seal's record hash: the session row and every row of the
// session-scoped tables (the ones the lock protects), the signatories and the corrigenda, ordered by
// primary key. What is left out, and why:
// - action_item.status: follow-up progress that may change after the lock (see docs/approval-and-seal.md);
// - member-state ids: replaced by ISO codes, since each laptop makes its own ids for the same states;
// - signature images: their SHA-256 stands for them;
// - minutes versions, seals, scans and the audit trail: they are about the record, made after it.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../core/context';
import { LOCKED_TABLES } from '../database/migrations/0003_approval_and_seal';
import { NotFoundError } from '../errors';
import { attachmentSha256 } from './attachment-hash';
import { canonicalJson } from './canonical';
import { loadRecord5, RECORD_FORMAT_5 } from './record5';

/**
 * council-record/2 orders vote ballots by vote and ISO code. /1 ordered them by this laptop's own
 * member-state id, so the same record hashed differently on a laptop that made its own state ids, and
 * a moved session's seal failed there; /1 is still computed to verify seals made with it.
 * council-record/3 holds the corrigenda numbered up to the count the manifest states (those recorded
 * when sealing): a corrigendum recorded afterwards is a new record linked to the sealed one, not a
 * change to it, so the signed minutes still verify (/2 held them all and said "record changed").
 */
/**
 * council-record/4 holds everything the minutes print: also the session's time zone (every clock time is
 * printed in it) and, for each member state the record names, its names in the three languages (the
 * minutes print them). The protocol order is left out: each laptop keeps its own member-state list, and
 * a session moved to another laptop must still verify there. /3 left them out: shifting every clock time or renaming
 * a state kept its seals valid; /3 is still computed for the seals made with it.
 */
/**
 * council-record/5 (record5.ts) reads the tables and columns from the schema, so what is added later is
 * covered without a new format; /4 missed the sitting heads and the speakers' list. /4 is still computed
 * for the seals made with it.
 */
export const RECORD_FORMAT = RECORD_FORMAT_5;
export const RECORD_FORMATS = ['council-record/1', 'council-record/2', 'council-record/3', 'council-record/4', RECORD_FORMAT_5] as const;
/** Formats that hold the corrigenda up to the number the manifest states. */
export const COUNTED_CORRIGENDA_FORMATS: readonly RecordFormat[] = ['council-record/3', 'council-record/4', RECORD_FORMAT_5];
export type RecordFormat = (typeof RECORD_FORMATS)[number];

type RowObj = Record<string, unknown>;

/** Columns that name a member state, per table (camelCase). */
const STATE_REFS: Record<string, string[]> = {
  council_session: ['chairStateId', 'rapporteurStateId'],
  delegation: ['memberStateId'],
  vote_ballot: ['memberStateId'],
  reservation: ['memberStateId'],
  action_item: ['responsibleStateId'],
};

/**
 * Columns added after the last seal made with formats 1-4 (0014: who issued the credentials; 0018-0020: the
 * English and French forms of one-language texts, the hash of each translation's original, a referred
 * motion's body), per table (camelCase). Held only when filled (0013's three texts, below, only all
 * together): a file migrated since keeps hashing its old seals' records as they were (they default to ''
 * or NULL), and a text filled since counts.
 */
const tr = (...cols: string[]) => cols.flatMap((c) => [`${c}En`, `${c}Fr`]);
const sources = (...cols: string[]) => tr(...cols).map((c) => `${c}SourceSha256`);
const LATER_COLUMNS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    delegation: ['credentialsIssuedBy', ...tr('credentialsIssuedBy'), ...sources('name', 'credentialsIssuedBy')],
    delegate: [...tr('fullName', 'title'), ...sources('fullName', 'title')],
    agenda_item: [...tr('presenter'), ...sources('title', 'presenter')],
    agenda_adoption: [...tr('note'), ...sources('note')],
    note: [...tr('text'), ...sources('text')],
    motion: ['referralBody', 'referralBodyName', ...tr('referralBodyName'), ...sources('text', 'consolidated', 'referralBodyName')],
    decision: sources('text'),
    reservation: [...tr('text'), ...sources('text')],
    referral: [...tr('note', 'bodyName'), ...sources('note', 'bodyName')],
    action_item: [...tr('description', 'responsibleUnit'), ...sources('description', 'responsibleUnit')],
    corrigendum: sources('text'),
    signatory: [...tr('fullName'), ...sources('title', 'fullName')],
  }).map(([table, cols]) => [table, new Set(cols)]),
);

/** The row without the later columns that are still empty (formats 1-4). */
function withoutLaterEmpty(table: string, row: RowObj): RowObj {
  const later = LATER_COLUMNS[table];
  if (!later) return row;
  return Object.fromEntries(Object.entries(row).filter(([col, v]) => !(later.has(col) && (v === '' || v === null))));
}

const ORDER: Record<string, string> = {
  agenda_adoption: 'session_id',
  vote_ballot: 'vote_id, member_state_id',
};

export interface SessionRecord {
  format: RecordFormat;
  session: RowObj;
  tables: Record<string, RowObj[]>;
  /** Formats 4 and 5: the member states the record names, by ISO code, as the minutes print them. */
  memberStates?: RowObj[];
}

async function rowsOf(tx: Tx, table: string, sessionId: string): Promise<RowObj[]> {
  const order = ORDER[table] ?? 'id';
  const result = await sql<RowObj>`select * from ${sql.table(table)} where session_id = ${sessionId} order by ${sql.raw(order)}`.execute(tx);
  return result.rows;
}

/** The corrigenda a format-3 record holds: numbers 1..corrigendaUpTo (all of them for /1 and /2). */
export interface RecordScope {
  corrigendaUpTo?: number;
}

/** How many corrigenda the session has now (a format-3 seal states it in its manifest). */
export async function corrigendaCountOf(tx: Tx, sessionId: string): Promise<number> {
  const row = await tx
    .selectFrom('corrigendum')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('sessionId', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function loadSessionRecord(
  tx: Tx,
  sessionId: string,
  format: RecordFormat = RECORD_FORMAT,
  scope: RecordScope = {},
): Promise<SessionRecord> {
  if (format === RECORD_FORMAT_5) {
    const upTo = scope.corrigendaUpTo;
    return loadRecord5(tx, sessionId, upTo);
  }
  const session = await tx.selectFrom('councilSession').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw new NotFoundError('sessionId', 'session', sessionId);
  const states = await tx.selectFrom('memberState').select(['id', 'isoCode', 'nameAr', 'nameEn', 'nameFr']).execute();
  const isoById = new Map(states.map((s) => [s.id, s.isoCode]));
  const toIso = (table: string, row: RowObj): RowObj => {
    const out = { ...row };
    for (const col of STATE_REFS[table] ?? []) {
      const v = out[col];
      if (typeof v === 'string') out[col] = `iso:${isoById.get(v) ?? v}`;
    }
    return out;
  };

  const tables: Record<string, RowObj[]> = {};
  for (const table of LOCKED_TABLES) {
    tables[table] = (await rowsOf(tx, table, sessionId)).map((r) => {
      const row = toIso(table, withoutLaterEmpty(table, r));
      if (table === 'action_item') delete row.status;
      // A motion's text as amended (migration 0013) came after every format: held only when recorded, so a
      // record sealed before it (all three '') hashes as it did, and a text recorded since is covered.
      if (table === 'motion' && !row.consolidatedAr && !row.consolidatedEn && !row.consolidatedFr) {
        delete row.consolidatedAr;
        delete row.consolidatedEn;
        delete row.consolidatedFr;
      }
      return row;
    });
  }
  if (format !== 'council-record/1') {
    // Stable across laptops: by vote, then by the state's ISO code (a code point order, like the JSON keys).
    const key = (r: RowObj) => `${String(r.voteId)}\u0000${String(r.memberStateId)}`;
    tables.vote_ballot = [...(tables.vote_ballot ?? [])].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  }
  const corrigenda = await rowsOf(tx, 'corrigendum', sessionId);
  const upTo = COUNTED_CORRIGENDA_FORMATS.includes(format) ? scope.corrigendaUpTo : undefined;
  tables.corrigendum = (upTo === undefined ? corrigenda : corrigenda.filter((r) => Number(r.number) <= upTo)).map((r) => withoutLaterEmpty('corrigendum', r));
  const signatories = (await rowsOf(tx, 'signatory', sessionId)).map((r) => withoutLaterEmpty('signatory', r));
  const shaById = await attachmentSha256(
    tx,
    signatories.flatMap((s) => (typeof s.signatureAttachmentId === 'string' ? [s.signatureAttachmentId] : [])),
    sessionId,
  );
  tables.signatory = signatories.map(({ signatureAttachmentId, createdAt: _c, updatedAt: _u, ...rest }) => ({
    ...rest,
    signatureSha256: typeof signatureAttachmentId === 'string' ? (shaById.get(signatureAttachmentId) ?? null) : null,
  }));
  if (format === 'council-record/4') {
    const named = new Set<string>();
    for (const [table, cols] of Object.entries(STATE_REFS)) {
      const rows = table === 'council_session' ? [session as unknown as RowObj] : (await rowsOf(tx, table, sessionId));
      for (const r of rows) for (const c of cols) if (typeof r[c] === 'string') named.add(r[c]);
    }
    const memberStates = states
      .filter((st) => named.has(st.id))
      .map((st) => ({ iso: st.isoCode, nameAr: st.nameAr, nameEn: st.nameEn, nameFr: st.nameFr }))
      .sort((x, y) => (x.iso < y.iso ? -1 : x.iso > y.iso ? 1 : 0));
    return { format, session: toIso('council_session', session as unknown as RowObj), tables, memberStates };
  }
  // The venue's time zone (migration 0004) came after formats 1-3: left out so their seals still verify.
  const { timeZone: _tz, ...sessionRow } = session;
  return { format, session: toIso('council_session', sessionRow as unknown as RowObj), tables };
}

export function recordSha256(record: SessionRecord): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}
