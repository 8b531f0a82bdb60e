// What differs between the session already in the database and the one arriving in a .zip, table by
// table (rows added, removed, changed, by id), so the secretary decides before anything is written.
// Member-state ids differ between laptops: they are compared by ISO code.
import { canonicalJson } from '../seal/canonical';
import type { SessionBundle } from './schema';
import type { ApprovalPart, TableDifference } from './zip-schema';

type RowObj = Record<string, unknown>;
const STATE_COLUMNS = ['memberStateId', 'chairStateId', 'rapporteurStateId', 'responsibleStateId'];

/** Rows with member-state ids written as ISO codes, as canonical JSON (for comparing) and as objects (for keys). */
function normaliser(bundle: SessionBundle) {
  const iso = new Map(bundle.memberStates.map((m) => [m.id, m.isoCode]));
  const rowOf = (row: object): RowObj => {
    const out: RowObj = { ...(row as RowObj) };
    for (const c of STATE_COLUMNS) if (typeof out[c] === 'string') out[c] = `iso:${iso.get(out[c] as string) ?? out[c]}`;
    return out;
  };
  return Object.assign((row: object): string => canonicalJson(rowOf(row)), { rowOf });
}
type Normaliser = ReturnType<typeof normaliser>;

// A ballot is keyed by its vote and its state: by ISO code, since each laptop has its own state ids
// (keyed by the raw id, every ballot of a moved session looked removed and added again).
function keyOf(table: string, row: RowObj): string {
  if (table === 'voteBallots') return `${String(row.voteId)}/${String(row.memberStateId)}`;
  if (table === 'agendaAdoption') return String(row.sessionId);
  return String(row.id);
}

function diffRows(table: string, here: RowObj[], there: RowObj[], normHere: Normaliser, normThere: Normaliser): TableDifference {
  const a = new Map(here.map((r) => [keyOf(table, normHere.rowOf(r)), normHere(r)]));
  const b = new Map(there.map((r) => [keyOf(table, normThere.rowOf(r)), normThere(r)]));
  const diff: TableDifference = { table, added: [], removed: [], changed: [] };
  for (const [k, v] of b) {
    if (!a.has(k)) diff.added.push(k);
    else if (a.get(k) !== v) diff.changed.push(k);
  }
  for (const k of a.keys()) if (!b.has(k)) diff.removed.push(k);
  return diff;
}

const RECORD_ARRAYS = [
  'sittings', 'delegations', 'delegates', 'attendanceEvents', 'agendaItems', 'notes', 'motions', 'votes',
  'voteBallots', 'decisions', 'reservations', 'referrals', 'actionItems', 'actionUpdates', 'speakers',
] as const;

export function diffSessions(
  here: { bundle: SessionBundle; approval: ApprovalPart },
  there: { bundle: SessionBundle; approval: ApprovalPart },
): { sessionFieldsChanged: string[]; differences: TableDifference[] } {
  const nh = normaliser(here.bundle);
  const nt = normaliser(there.bundle);
  const sessionFieldsChanged: string[] = [];
  const sh = here.bundle.session as RowObj;
  const st = there.bundle.session as RowObj;
  for (const k of new Set([...Object.keys(sh), ...Object.keys(st)])) {
    if (k === 'id') continue;
    if (nh({ [k]: sh[k] }) !== nt({ [k]: st[k] })) sessionFieldsChanged.push(k);
  }
  if (sh.id !== st.id) sessionFieldsChanged.unshift('id');
  const differences: TableDifference[] = [];
  for (const t of RECORD_ARRAYS) differences.push(diffRows(t, (here.bundle[t] ?? []) as RowObj[], (there.bundle[t] ?? []) as RowObj[], nh, nt));
  const adoption = (b: SessionBundle) => (b.agendaAdoption ? [b.agendaAdoption as RowObj] : []);
  differences.push(diffRows('agendaAdoption', adoption(here.bundle), adoption(there.bundle), nh, nt));
  // Attachments compare by content; the rest of the approval part by row.
  const strip = (rows: ApprovalPart['attachments']) => rows.map(({ path: _p, ...r }) => r);
  differences.push(diffRows('attachments', strip(here.approval.attachments), strip(there.approval.attachments), nh, nt));
  const stripDocs = (rows: ApprovalPart['workingDocuments']) => rows.map(({ path: _p, ...r }) => r);
  differences.push(diffRows('workingDocuments', stripDocs(here.approval.workingDocuments), stripDocs(there.approval.workingDocuments), nh, nt));
  for (const t of ['minutesVersions', 'signatories', 'corrigenda', 'sealRecords'] as const) {
    differences.push(diffRows(t, here.approval[t] as RowObj[], there.approval[t] as RowObj[], nh, nt));
  }
  return {
    sessionFieldsChanged,
    differences: differences.filter((d) => d.added.length + d.removed.length + d.changed.length > 0),
  };
}
