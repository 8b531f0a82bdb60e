// Import a session bundle into the database in one transaction: validated with zod first, its inner
// references checked, member states matched by ISO code, and refused when a session with the same kind
// and number exists (unless `replace`, which swaps that session's record for the bundle's). Any failure
// rolls everything back: the file is left as it was. A locked session's rows go in unlocked and the lock is
// set last, in the same transaction: the lock triggers (migration 0003) would refuse its rows otherwise.
// A bundle carries no seal, so a locked one is taken as locked only from a sealed .zip (bundle/zip.ts, which
// checks the seal itself); otherwise it is refused, or on request comes in unlocked as a marked unverified copy.
import { inTransaction, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Database } from '../database/schema';
import { ConflictError, LockedBundleError, LockedSessionError, shorten } from '../errors';
import { prepareSessionBundle } from './prepare';
import type { SessionBundle } from './schema';

export interface ImportOptions {
  /** Replace the record of an existing session with the same kind and number (not a locked one). */
  replace?: boolean;
  /** A locked session's bundle comes in unlocked, marked an unverified copy (a bundle carries no seal). */
  unverifiedCopy?: boolean;
  /** Internal, for the .zip import only: it checks the archive's seal itself and keeps the lock. */
  sealCheckedByZip?: boolean;
}

export interface ImportResult {
  sessionId: string;
  kind: 'ordinary' | 'extraordinary';
  number: number;
  replaced: boolean;
  memberStatesAdded: number;
  rows: Record<string, number>;
  warnings: string[];
  /** Set when a locked session's bundle came in as an unverified copy. */
  unverifiedCopy?: { reason: 'no_seal'; detail: string };
}

const JSON_COPY_DETAIL = 'a JSON session bundle carries no seal; it claimed the session was locked';

/** Tables of a session's record, children first (the order to delete in; reversed to insert). */
const RECORD_TABLES = [
  'speaker', 'actionUpdate', 'actionItem', 'referral', 'reservation', 'decision', 'voteBallot', 'vote', 'motion', 'note',
  'agendaAdoption', 'sittingHead', 'attendanceEvent', 'delegate', 'delegation',
] as const;

const CHUNK = 200;

/** The bundle's name for each table's rows. */
const BUNDLE_KEY: Partial<Record<keyof Database, string>> = {
  councilSession: 'session', sitting: 'sittings', delegation: 'delegations', delegate: 'delegates', attendanceEvent: 'attendanceEvents',
  agendaItem: 'agendaItems', agendaAdoption: 'agendaAdoption', note: 'notes', motion: 'motions', vote: 'votes', voteBallot: 'voteBallots',
  decision: 'decisions', reservation: 'reservations', referral: 'referrals', actionItem: 'actionItems', actionUpdate: 'actionUpdates',
  sittingHead: 'sittingHeads', speaker: 'speakers',
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A row the database refused, named by its bundle path and field (`decisions.2.id`), in plain words. */
function refusedRow(key: string, index: number, row: Record<string, unknown>, err: unknown): ConflictError {
  const message = (err as Error).message ?? String(err);
  const base = key === 'session' || key === 'agendaAdoption' ? key : `${key}.${index}`;
  const unique = /UNIQUE constraint failed: ([\w.,\s]+)/.exec(message);
  if (unique) {
    const columns = unique[1]!.split(',').map((c) => camel(c.trim().split('.').pop() ?? ''));
    const field = `${base}.${columns[0]}`;
    const values = columns.map((c) => shorten(row[c], 64)).join(', ');
    return new ConflictError(field, `${field}: ${values} is already used by another record in this database`, 'import_duplicate');
  }
  if (/FOREIGN KEY constraint failed/.test(message)) return new ConflictError(base, `${base}: refers to something not in this database`, 'import_missing_reference');
  return new ConflictError(base, `${base}: the database refused this row (${shorten(message, 120)})`, 'import_row_refused');
}

export async function importSessionBundle(ctx: CoreContext, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const bundle = prepareSessionBundle(input);
  const asCopy = bundle.session.lockedAt !== null && !options.sealCheckedByZip;
  if (asCopy && !options.unverifiedCopy) throw new LockedBundleError('session.lockedAt');
  return inTransaction(ctx, async (tx) => {
    const s = bundle.session;
    const existing = await tx.selectFrom('councilSession').select(['id', 'lockedAt']).where('kind', '=', s.kind).where('number', '=', s.number).executeTakeFirst();
    if (existing && !options.replace) {
      throw new ConflictError('session.number', `${s.kind === "ordinary" ? "an" : "an"} ${s.kind} session number ${s.number} already exists (use --replace to replace its record)`, 'duplicate_session_number');
    }
    if (existing?.lockedAt) throw new LockedSessionError(existing.id, 'session.number');
    const reportedHere = existing ? await detachSession(tx, existing.id) : [];

    const warnings: string[] = [];
    const { map: stateMap, added } = await matchMemberStates(tx, bundle);
    const st = (id: string | null) => (id === null ? null : (stateMap.get(id) ?? id));
    const knownSessions = new Set((await tx.selectFrom('councilSession').select('id').execute()).map((r) => r.id));
    knownSessions.add(s.id);

    const rows: Record<string, number> = {};
    // Rows go in by chunks; when the database refuses one (an id already used by another session), the chunk
    // is retried row by row to name the bundle field of the row refused, never "UNIQUE constraint failed".
    const insert = async <T extends keyof Database & string>(table: T, values: object[], key: string = BUNDLE_KEY[table] ?? table, order?: number[]) => {
      rows[table] = values.length;
      for (let i = 0; i < values.length; i += CHUNK) {
        try {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          await tx.insertInto(table).values(values.slice(i, i + CHUNK) as any).execute();
        } catch {
          for (let j = i; j < Math.min(i + CHUNK, values.length); j++) {
            try {
              // eslint-disable-next-line @typescript-eslint/no-explicit-any
              await tx.insertInto(table).values(values[j] as any).execute();
            } catch (err) {
              throw refusedRow(key, order ? order[j]! : j, values[j] as Record<string, unknown>, err);
            }
          }
        }
      }
    };
    await insert('councilSession', [{ ...s, lockedAt: null, chairStateId: st(s.chairStateId), rapporteurStateId: st(s.rapporteurStateId) }]);
    await insert('sitting', bundle.sittings);
    await insert('delegation', bundle.delegations.map((d) => ({ ...d, memberStateId: st(d.memberStateId) })));
    await insert('delegate', bundle.delegates);
    await insert('attendanceEvent', bundle.attendanceEvents);
    await insert('sittingHead', bundle.sittingHeads ?? []);
    const items = parentsFirst(bundle.agendaItems.map((a, index) => ({ ...a, index })));
    await insert('agendaItem', items.map(({ index: _i, ...a }) => a), 'agendaItems', items.map((a) => a.index));
    await insert('agendaAdoption', bundle.agendaAdoption ? [bundle.agendaAdoption] : []);
    await insert('note', bundle.notes);
    const motions = parentsFirst(bundle.motions.map((m, index) => ({ ...m, parentId: m.parentMotionId, index })));
    await insert('motion', motions.map(({ parentId: _p, index: _i, ...m }) => m), 'motions', motions.map((m) => m.index));
    await insert('vote', bundle.votes);
    await insert('voteBallot', bundle.voteBallots.map((b) => ({ ...b, memberStateId: st(b.memberStateId)! })));
    await insert('decision', bundle.decisions);
    await insert('reservation', bundle.reservations.map((r) => ({ ...r, memberStateId: st(r.memberStateId)! })));
    await insert('referral', bundle.referrals);
    await insert('actionItem', bundle.actionItems.map((a) => ({ ...a, responsibleStateId: st(a.responsibleStateId) })));
    await insert(
      'actionUpdate',
      bundle.actionUpdates.map((u, i) => {
        if (u.reportedAtSessionId !== null && !knownSessions.has(u.reportedAtSessionId)) {
          warnings.push(`actionUpdates.${i}.reportedAtSessionId: session ${u.reportedAtSessionId} is not in this database; left empty`);
          return { ...u, reportedAtSessionId: null };
        }
        return u;
      }),
    );
    await insert('speaker', bundle.speakers ?? []);
    rows.followUpUpdates = 0;
    for (const [i, u] of bundle.followUpUpdates.entries()) {
      const action = await tx.selectFrom('actionItem').select('id').where('id', '=', u.actionItemId).executeTakeFirst();
      if (!action) {
        warnings.push(`followUpUpdates.${i}: action ${u.actionItemId} is not in this database (import its session first); skipped`);
        continue;
      }
      const stored = await tx.selectFrom('actionUpdate').select('id').where('id', '=', u.id).executeTakeFirst();
      if (stored) await tx.updateTable('actionUpdate').set({ reportedAtSessionId: s.id }).where('id', '=', u.id).execute();
      else await tx.insertInto('actionUpdate').values(u).execute();
      rows.followUpUpdates += 1;
    }
    // Follow-up updates of other sessions' actions that were reported at the replaced session now point at the new one.
    if (reportedHere.length) {
      await tx.updateTable('actionUpdate').set({ reportedAtSessionId: s.id }).where('id', 'in', reportedHere).execute();
    }
    // Last: from here on the triggers refuse any write to the record.
    if (s.lockedAt && !asCopy) await tx.updateTable('councilSession').set({ lockedAt: s.lockedAt }).where('id', '=', s.id).execute();
    // The same mark as a .zip whose seal does not verify (migration 0012): shown wherever the session is.
    const unverifiedCopy = asCopy ? { reason: 'no_seal' as const, detail: JSON_COPY_DETAIL } : undefined;
    if (unverifiedCopy) {
      await tx.insertInto('unverifiedCopy').values({ sessionId: s.id, ...unverifiedCopy, claimedLockedAt: s.lockedAt, importedAt: nowIso(ctx) }).execute();
    }
    await recordAudit(ctx, tx, {
      action: options.replace && existing ? 'bundle.import.replace' : 'bundle.import',
      entity: 'councilSession',
      entityId: s.id,
      sessionId: s.id,
      after: {
        kind: s.kind,
        number: s.number,
        lockedAt: asCopy ? null : s.lockedAt,
        rows,
        memberStatesAdded: added,
        exportedAt: bundle.exportedAt,
        ...(unverifiedCopy ? { unverifiedCopy: { ...unverifiedCopy, claimedLockedAt: s.lockedAt } } : {}),
      },
    });
    return { sessionId: s.id, kind: s.kind, number: s.number, replaced: Boolean(existing), memberStatesAdded: added, rows, warnings, ...(unverifiedCopy ? { unverifiedCopy } : {}) };
  });
}

/** Member states are shared by all sessions: the bundle's are matched to stored ones by ISO code. */
async function matchMemberStates(tx: Tx, bundle: SessionBundle): Promise<{ map: Map<string, string>; added: number }> {
  const stored = await tx.selectFrom('memberState').select(['id', 'isoCode']).execute();
  const byIso = new Map(stored.map((m) => [m.isoCode, m.id]));
  const storedIds = new Set(stored.map((m) => m.id));
  const map = new Map<string, string>();
  let added = 0;
  for (const [i, m] of bundle.memberStates.entries()) {
    const match = byIso.get(m.isoCode);
    if (match) {
      map.set(m.id, match);
      continue;
    }
    if (storedIds.has(m.id)) throw new ConflictError(`memberStates.${i}.id`, `member state id ${m.id} is used by another state here`, 'import_state_id_taken');
    await tx.insertInto('memberState').values(m).execute();
    map.set(m.id, m.id);
    added += 1;
  }
  return { map, added };
}

/** Delete a session's record (for --replace); returns other sessions' action updates that were reported at it. */
async function detachSession(tx: Tx, sessionId: string): Promise<string[]> {
  // A session bundle (JSON) does not carry working documents: replacing from one would lose them.
  const documents = await tx.selectFrom('workingDocument').select('id').where('sessionId', '=', sessionId).execute();
  if (documents.length) {
    throw new ConflictError('session.number', `the existing session has ${documents.length} working documents, which a session bundle does not carry: replace it from the session .zip`, 'import_replace_documents', { n: documents.length });
  }
  const reported = await tx.selectFrom('actionUpdate').select('id').where('reportedAtSessionId', '=', sessionId).execute();
  const ids = reported.map((r) => r.id);
  if (ids.length) await tx.updateTable('actionUpdate').set({ reportedAtSessionId: null }).where('id', 'in', ids).execute();
  const ownActions = tx.selectFrom('actionItem').select('id').where('sessionId', '=', sessionId);
  await tx.deleteFrom('actionUpdate').where('actionItemId', 'in', ownActions).execute();
  for (const table of RECORD_TABLES) {
    if (table === 'actionUpdate') continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await tx.deleteFrom(table as any).where('sessionId', '=', sessionId).execute();
  }
  // Agenda items reference each other; clear the links before deleting them all.
  await tx.updateTable('agendaItem').set({ parentId: null }).where('sessionId', '=', sessionId).execute();
  await tx.deleteFrom('agendaItem').where('sessionId', '=', sessionId).execute();
  await tx.deleteFrom('sitting').where('sessionId', '=', sessionId).execute();
  try {
    await tx.deleteFrom('councilSession').where('id', '=', sessionId).execute();
  } catch (err) {
    throw new ConflictError('session.number', `the existing session cannot be replaced: ${(err as Error).message}`, 'import_cannot_replace');
  }
  return ids;
}

function parentsFirst<T extends { id: string; parentId: string | null }>(list: T[]): T[] {
  const out: T[] = [];
  const done = new Set<string>();
  let pending = [...list];
  while (pending.length) {
    const next = pending.filter((x) => x.parentId !== null && !done.has(x.parentId) && pending.some((p) => p.id === x.parentId));
    const ready = pending.filter((x) => !next.includes(x));
    if (!ready.length) return [...out, ...pending]; // a cycle: let the database refuse it
    for (const x of ready) {
      out.push(x);
      done.add(x.id);
    }
    pending = next;
  }
  return out;
}
