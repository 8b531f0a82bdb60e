// Who was in the room, from the attendance events. Pure.
// - presenceAt: per sitting and delegation, every interval of presence (a delegation that leaves and
//   returns has two), whether it was there at the opening, and whether it came late;
// - sittingChronicle: the sitting's attendance events after its opening in time order, each with the
//   member count present after it and whether the quorum was lost, restored or reached at that moment.
import type { AttendanceEventRow, SittingRow } from '../bundle/schema';

export interface PresenceInterval {
  from: string;
  /** null: still present when the sitting ended (or it has not ended). */
  to: string | null;
}

export interface SittingPresence {
  /** The first arrival. */
  arrival: string | null;
  /** The last departure when the delegation did not come back before the end. */
  departure: string | null;
  intervals: PresenceInterval[];
  presentAtOpening: boolean;
  late: boolean;
}

function eventsOf(sitting: SittingRow, events: readonly AttendanceEventRow[]): AttendanceEventRow[] {
  return events.filter((e) => e.sittingId === sitting.id).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** delegationId -> presence, for one sitting. */
export function presenceAt(sitting: SittingRow, events: readonly AttendanceEventRow[]): Map<string, SittingPresence> {
  const out = new Map<string, SittingPresence>();
  const opening = Date.parse(sitting.startsAt);
  for (const e of eventsOf(sitting, events)) {
    let p = out.get(e.delegationId);
    if (!p) {
      p = { arrival: null, departure: null, intervals: [], presentAtOpening: false, late: false };
      out.set(e.delegationId, p);
    }
    const open = p.intervals.at(-1);
    if (e.kind === 'arrival') {
      if (!p.arrival) {
        p.arrival = e.at;
        p.late = Date.parse(e.at) > opening;
        p.presentAtOpening = !p.late;
      }
      if (!open || open.to !== null) p.intervals.push({ from: e.at, to: null });
      p.departure = null;
    } else {
      if (open && open.to === null) open.to = e.at;
      p.departure = e.at;
      if (Date.parse(e.at) <= opening) p.presentAtOpening = false;
    }
  }
  return out;
}

export type ChronicleEntry = {
  at: string;
  delegationId: string;
  kind: 'arrived' | 'left' | 'returned';
  /** Member delegations present just after this moment (all events at the same instant applied). */
  present: number;
  /** What happened to the quorum at this moment, on the last entry of the instant. */
  quorum: 'lost' | 'restored' | 'reached' | null;
};

/**
 * The attendance events of one sitting after its opening, in time order, for member delegations; with
 * the quorum's changes. Events at the opening itself are the opening's roll call, not part of it.
 */
export function sittingChronicle(
  sitting: SittingRow,
  events: readonly AttendanceEventRow[],
  memberDelegationIds: ReadonlySet<string>,
  required: number,
): { presentAtOpening: string[]; entries: ChronicleEntry[] } {
  const list = eventsOf(sitting, events).filter((e) => memberDelegationIds.has(e.delegationId));
  const present = new Set<string>();
  const seen = new Set<string>();
  let i = 0;
  for (; i < list.length && list[i]!.at <= sitting.startsAt; i++) {
    const e = list[i]!;
    seen.add(e.delegationId);
    if (e.kind === 'arrival') present.add(e.delegationId);
    else present.delete(e.delegationId);
  }
  const presentAtOpening = [...present];
  let met = present.size >= required;
  let everMet = met;
  const entries: ChronicleEntry[] = [];
  for (; i < list.length; i++) {
    const e = list[i]!;
    const kind = e.kind === 'departure' ? 'left' : seen.has(e.delegationId) ? 'returned' : 'arrived';
    seen.add(e.delegationId);
    if (e.kind === 'arrival') present.add(e.delegationId);
    else present.delete(e.delegationId);
    const entry: ChronicleEntry = { at: e.at, delegationId: e.delegationId, kind, present: present.size, quorum: null };
    entries.push(entry);
    const lastOfInstant = i + 1 === list.length || list[i + 1]!.at !== e.at;
    if (!lastOfInstant) continue;
    for (const x of entries) if (x.at === e.at) x.present = present.size;
    const nowMet = present.size >= required;
    if (nowMet !== met) entry.quorum = nowMet ? (everMet ? 'restored' : 'reached') : 'lost';
    met = nowMet;
    everMet ||= nowMet;
  }
  return { presentAtOpening, entries };
}
