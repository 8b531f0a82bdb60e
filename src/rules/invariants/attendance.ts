// Attendance in a whole record: each event inside its sitting, and each delegation's timeline in a sitting
// alternating arrival, departure... from an arrival (the same timelineProblem the attendance service uses).
import { timelineProblem } from '../../attendance/presence';
import type { SessionRecordRows } from '../../bundle/schema';
import type { RecordContext } from './record';
import type { Report } from './types';

const reasons = {
  departure_while_absent: 'a departure while the delegation is not present (no arrival before it)',
  arrival_while_present: 'two arrivals in a row (the delegation is already present)',
  same_instant: 'two events of the delegation at the same instant',
} as const;

/** Normalised UTC instant, so string order is time order whatever offset the bundle wrote. */
export const utc = (at: string) => new Date(at).toISOString();

export function checkAttendance(rows: SessionRecordRows, ctx: RecordContext, report: Report): void {
  const sittings = new Map(rows.sittings.map((s) => [s.id, s]));
  const timelines = new Map<string, { index: number; kind: 'arrival' | 'departure'; at: string }[]>();
  rows.attendanceEvents.forEach((e, i) => {
    const sitting = sittings.get(e.sittingId);
    if (!sitting) return;
    const at = utc(e.at);
    if (at < utc(sitting.startsAt) || (sitting.endsAt !== null && at > utc(sitting.endsAt))) {
      report(`attendanceEvents.${i}.at`, 'outside_sitting', `${e.at} is outside sitting ${sitting.number}`, { sitting: sitting.number });
    }
    const key = `${e.sittingId}\u0000${e.delegationId}`;
    const list = timelines.get(key) ?? [];
    list.push({ index: i, kind: e.kind, at });
    timelines.set(key, list);
  });
  const problems: { index: number; reason: keyof typeof reasons; delegationId: string }[] = [];
  for (const list of timelines.values()) {
    const sorted = [...list].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const problem = timelineProblem(sorted);
    if (problem) problems.push({ index: sorted[problem.index]!.index, reason: problem.reason, delegationId: rows.attendanceEvents[sorted[problem.index]!.index]!.delegationId });
  }
  for (const p of problems.sort((a, b) => a.index - b.index)) {
    report(`attendanceEvents.${p.index}.kind`, 'attendance_order', `${ctx.delegationName(p.delegationId)}: ${reasons[p.reason]}`, {
      delegation: ctx.delegationName(p.delegationId),
      reason: p.reason,
    });
  }
}
