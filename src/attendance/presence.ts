// Presence derived purely from attendance events. For one delegation in one sitting the events, in time
// order, must alternate arrival, departure, arrival... starting with an arrival (it may end either way:
// a delegation still in the room when the sitting ends simply has no departure).
// An event at instant t counts at t: arrived at t → present at t; left at t → absent at t.

export type AttendanceKind = 'arrival' | 'departure';

export interface PresenceEvent {
  delegationId: string;
  kind: AttendanceKind;
  /** ISO-8601 UTC, normalised (so string order is time order). */
  at: string;
}

export type TimelineProblem =
  | { index: number; reason: 'departure_while_absent' }
  | { index: number; reason: 'arrival_while_present' }
  | { index: number; reason: 'same_instant' };

/** The first thing wrong with one delegation's timeline (events in any order), or null. */
export function timelineProblem(events: readonly Pick<PresenceEvent, 'kind' | 'at'>[]): TimelineProblem | null {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let present = false;
  for (const [index, e] of sorted.entries()) {
    // Two events at one instant have no order, so presence at that instant would be ambiguous.
    if (index > 0 && sorted[index - 1]!.at === e.at) return { index, reason: 'same_instant' };
    if (e.kind === 'arrival') {
      if (present) return { index, reason: 'arrival_while_present' };
      present = true;
    } else {
      if (!present) return { index, reason: 'departure_while_absent' };
      present = false;
    }
  }
  return null;
}

/** Whether the delegation is present at `instant`, from its own events. */
export function isPresentAt(events: readonly Pick<PresenceEvent, 'kind' | 'at'>[], instant: string): boolean {
  let last: Pick<PresenceEvent, 'kind' | 'at'> | undefined;
  for (const e of events) {
    if (e.at <= instant && (!last || e.at >= last.at)) last = e;
  }
  return last?.kind === 'arrival';
}

/** The delegations present at `instant`, from all of a sitting's events; sorted ids. */
export function presentAt(events: readonly PresenceEvent[], instant: string): string[] {
  const byDelegation = new Map<string, PresenceEvent[]>();
  for (const e of events) {
    const list = byDelegation.get(e.delegationId);
    if (list) list.push(e);
    else byDelegation.set(e.delegationId, [e]);
  }
  const present: string[] = [];
  for (const [id, list] of byDelegation) if (isPresentAt(list, instant)) present.push(id);
  return present.sort();
}
