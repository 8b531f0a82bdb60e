// Who was in the room, from the attendance events: per sitting and delegation, the first arrival and a
// departure that was not followed by a return. Pure.
import type { AttendanceEventRow, SittingRow } from '../bundle/schema';

export interface SittingPresence {
  arrival: string | null;
  /** The last departure when the delegation did not come back before the end. */
  departure: string | null;
  presentAtOpening: boolean;
  late: boolean;
}

/** delegationId -> presence, for one sitting. */
export function presenceAt(sitting: SittingRow, events: AttendanceEventRow[]): Map<string, SittingPresence> {
  const bySitting = events.filter((e) => e.sittingId === sitting.id).sort((a, b) => a.at.localeCompare(b.at));
  const out = new Map<string, SittingPresence>();
  const opening = Date.parse(sitting.startsAt);
  for (const e of bySitting) {
    let p = out.get(e.delegationId);
    if (!p) {
      p = { arrival: null, departure: null, presentAtOpening: false, late: false };
      out.set(e.delegationId, p);
    }
    if (e.kind === 'arrival') {
      if (!p.arrival) {
        p.arrival = e.at;
        p.late = Date.parse(e.at) > opening;
        p.presentAtOpening = !p.late;
      }
      p.departure = null;
    } else {
      p.departure = e.at;
      if (Date.parse(e.at) <= opening) p.presentAtOpening = false;
    }
  }
  return out;
}
