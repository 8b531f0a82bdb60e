// The record's rows indexed once per model (maps by id and by parent), where the section builders used to
// filter every ballot for each vote, every note for each item: that made building the model grow with the
// square of the session's size. Lists keep the record's order, so `index.get(x) ?? []` then a sort gives
// what `rows.filter(...)` then the same sort gave. Pure.
import type { SessionRecordRows } from '../bundle/schema';

type Row<K extends keyof SessionRecordRows> = SessionRecordRows[K] extends readonly (infer R)[] | undefined ? R : never;

function groupBy<T>(list: readonly T[] | undefined, key: (x: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list ?? []) {
    const k = key(x);
    if (k === null || k === undefined) continue;
    const group = out.get(k);
    if (group) group.push(x);
    else out.set(k, [x]);
  }
  return out;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  // The first row of an id wins, as Array.find gave it.
  for (const x of list) if (!out.has(x.id)) out.set(x.id, x);
  return out;
}

export interface RecordIndex {
  itemById: Map<string, Row<'agendaItems'>>;
  itemsByParent: Map<string, Row<'agendaItems'>[]>;
  delegationById: Map<string, Row<'delegations'>>;
  motionById: Map<string, Row<'motions'>>;
  notesByItem: Map<string, Row<'notes'>[]>;
  motionsByItem: Map<string, Row<'motions'>[]>;
  motionsByParent: Map<string, Row<'motions'>[]>;
  decisionsByItem: Map<string, Row<'decisions'>[]>;
  votesByMotion: Map<string, Row<'votes'>[]>;
  ballotsByVote: Map<string, Row<'voteBallots'>[]>;
  reservationsByDecision: Map<string, Row<'reservations'>[]>;
  referralsByDecision: Map<string, Row<'referrals'>[]>;
  actionsByDecision: Map<string, Row<'actionItems'>[]>;
}

export function indexRecord(rows: SessionRecordRows): RecordIndex {
  return {
    itemById: byId(rows.agendaItems),
    itemsByParent: groupBy(rows.agendaItems, (x) => x.parentId),
    delegationById: byId(rows.delegations),
    motionById: byId(rows.motions),
    notesByItem: groupBy(rows.notes, (x) => x.agendaItemId),
    motionsByItem: groupBy(rows.motions, (x) => x.agendaItemId),
    motionsByParent: groupBy(rows.motions, (x) => x.parentMotionId),
    decisionsByItem: groupBy(rows.decisions, (x) => x.agendaItemId),
    votesByMotion: groupBy(rows.votes, (x) => x.motionId),
    ballotsByVote: groupBy(rows.voteBallots, (x) => x.voteId),
    reservationsByDecision: groupBy(rows.reservations, (x) => x.decisionId),
    referralsByDecision: groupBy(rows.referrals, (x) => x.decisionId),
    actionsByDecision: groupBy(rows.actionItems, (x) => x.decisionId),
  };
}

/** The rows of a group, for a sort that must not reorder the index's own list. */
export function rowsOf<T>(map: Map<string, T[]>, key: string | null | undefined): T[] {
  const list = key === null || key === undefined ? undefined : map.get(key);
  return list ? list.slice() : [];
}
