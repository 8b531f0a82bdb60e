// Decisions and reservations in a whole record: each number given once (serials never reused), each adopted
// within the session from an adopted motion of its item, and a reservation only by a state that had a
// delegation at the session, once per decision.
import type { SessionRecordRows } from '../../bundle/schema';
import { dueBeforeDecision, withinSessionDates } from '../calendar';
import type { RecordContext } from './record';
import type { Report } from './types';

export function checkDecisions(rows: SessionRecordRows, ctx: RecordContext, report: Report): void {
  const s = rows.session;
  const motions = new Map(rows.motions.map((m) => [m.id, m]));
  const serials = new Set<number>();
  const numbers = { numberAr: new Set<string>(), numberEn: new Set<string>(), numberFr: new Set<string>() };
  const decidedMotions = new Set<string>();
  rows.decisions.forEach((d, i) => {
    const at = `decisions.${i}`;
    // Serials are never reused: each once, and the session's counter at least the highest, or the next
    // decision recorded after an import would take a number already given.
    if (serials.has(d.serial)) report(`${at}.serial`, 'duplicate_key', `serial ${d.serial} given twice`, { value: d.serial });
    serials.add(d.serial);
    if (d.serial > s.lastDecisionSerial) {
      report('session.lastDecisionSerial', 'decision', `${s.lastDecisionSerial} is below decision serial ${d.serial} (${at})`, { value: d.serial });
    }
    for (const key of ['numberAr', 'numberEn', 'numberFr'] as const) {
      const n = d[key].trim();
      if (n && numbers[key].has(n)) report(`${at}.${key}`, 'duplicate_key', `decision number ${n} given twice`, { value: n });
      numbers[key].add(n);
    }
    if (!withinSessionDates(s, d.adoptedAt)) {
      report(`${at}.adoptedAt`, 'outside_session', `${d.adoptedAt} is outside the session's dates (${s.startDate} to ${s.endDate})`, { from: s.startDate, to: s.endDate });
    }
    if (d.motionId !== null) {
      const m = motions.get(d.motionId);
      if (!m) return;
      if (decidedMotions.has(d.motionId)) report(`${at}.motionId`, 'duplicate_key', 'the motion already has a decision');
      decidedMotions.add(d.motionId);
      if (m.agendaItemId !== d.agendaItemId) report(`${at}.motionId`, 'decision', 'the motion belongs to another agenda item');
      else if (m.parentMotionId !== null) report(`${at}.motionId`, 'decision', 'an amendment changes its motion; the decision is recorded from the motion itself');
      else if (m.status !== 'adopted') report(`${at}.motionId`, 'decision', `the motion is ${m.status}, not adopted`);
    }
  });

  const decisions = new Map(rows.decisions.map((d) => [d.id, d]));
  rows.actionItems.forEach((a, i) => {
    const d = a.decisionId ? decisions.get(a.decisionId) : undefined;
    if (d && dueBeforeDecision(a.dueDate, d.adoptedAt, s.timeZone ?? '')) {
      report(`actionItems.${i}.dueDate`, 'due_before_decision', `${a.dueDate} is before the decision was adopted (${d.adoptedAt})`, { date: a.dueDate ?? '' });
    }
  });

  const withDelegation = new Set(rows.delegations.filter((d) => d.kind === 'member').map((d) => d.memberStateId));
  const reserved = new Set<string>();
  rows.reservations.forEach((r, i) => {
    const name = ctx.stateName(r.memberStateId);
    if (!withDelegation.has(r.memberStateId)) report(`reservations.${i}.memberStateId`, 'reservation', `${name} had no delegation at this session`, { state: name });
    const key = `${r.decisionId}\u0000${r.memberStateId}`;
    if (reserved.has(key)) report(`reservations.${i}.memberStateId`, 'duplicate_key', `${name} already has a reservation on this decision`, { state: name });
    reserved.add(key);
  });
}
