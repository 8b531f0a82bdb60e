// The rules a whole session record obeys, as pure functions over its rows (the session bundle's shape,
// which is also what the minutes read from the database). Import refuses a bundle that breaks one, before
// writing anything; `council check` runs them on a stored database; the services use the same rule
// functions (quorum, majorities, attendance timelines, dates, speakers) one fact at a time.
import type { SessionRecordRows } from '../../bundle/schema';
import { withinSessionDates } from '../calendar';
import { majorityRuleNames, quorumRuleNames } from '../rule-names';
import { checkAttendance } from './attendance';
import { speakerProblem } from './speakers';
import { referralBodyProblem } from '../referral-body';
import type { Report, Violation } from './types';
import { checkVotes } from './votes';
import { checkDecisions } from './decisions';

export type { InvariantRule, Violation } from './types';

/** Every broken rule of the record, in the order of the bundle's fields. */
export function recordViolations(rows: SessionRecordRows): Violation[] {
  const out: Violation[] = [];
  const report: Report = (field, rule, message, params) => out.push({ field, rule, message: `${field}: ${message}`, ...(params ? { params } : {}) });
  const ctx = recordContext(rows);
  checkIds(rows, report);
  checkSession(rows, report);
  checkMemberStates(rows, report);
  checkSittings(rows, report);
  checkDelegations(rows, ctx, report);
  checkAttendance(rows, ctx, report);
  checkAgenda(rows, report);
  checkNotes(rows, ctx, report);
  checkMotions(rows, report);
  checkVotes(rows, ctx, report);
  checkDecisions(rows, ctx, report);
  return out;
}

/** The first broken rule, or null: what import refuses with. */
export function firstViolation(rows: SessionRecordRows): Violation | null {
  return recordViolations(rows)[0] ?? null;
}

export interface RecordContext {
  stateName(id: string | null): string;
  delegation(id: string): SessionRecordRows['delegations'][number] | undefined;
  delegationName(id: string): string;
}

function recordContext(rows: SessionRecordRows): RecordContext {
  const states = new Map(rows.memberStates.map((m) => [m.id, m]));
  const delegations = new Map(rows.delegations.map((d) => [d.id, d]));
  const stateName = (id: string | null) => (id === null ? '?' : (states.get(id)?.nameEn ?? id.slice(0, 40)));
  return {
    stateName,
    delegation: (id) => delegations.get(id),
    delegationName: (id) => {
      const d = delegations.get(id);
      if (!d) return id.slice(0, 40);
      return d.kind === 'member' ? stateName(d.memberStateId) : d.nameEn || d.nameAr;
    },
  };
}

/** Ids are unique within each table (the database would refuse the second with "UNIQUE constraint failed"). */
function checkIds(rows: SessionRecordRows, report: Report): void {
  for (const table of ['memberStates', 'sittings', 'delegations', 'delegates', 'attendanceEvents', 'agendaItems', 'notes', 'motions', 'votes', 'decisions', 'reservations', 'referrals', 'actionItems'] as const) {
    const seen = new Set<string>();
    (rows[table] as { id: string }[]).forEach((r, i) => {
      if (seen.has(r.id)) report(`${table}.${i}.id`, 'duplicate_id', `id ${r.id} given twice`, { value: r.id });
      seen.add(r.id);
    });
  }
  const updates = new Set<string>();
  for (const table of ['actionUpdates', 'followUpUpdates'] as const) {
    rows[table].forEach((u, i) => {
      if (updates.has(u.id)) report(`${table}.${i}.id`, 'duplicate_id', `id ${u.id} given twice`, { value: u.id });
      updates.add(u.id);
    });
  }
}

function checkSession(rows: SessionRecordRows, report: Report): void {
  const s = rows.session;
  if (!(quorumRuleNames as readonly string[]).includes(s.quorumRule)) {
    report('session.quorumRule', 'unknown_rule', `unknown quorum rule "${s.quorumRule.slice(0, 60)}" (one of ${quorumRuleNames.join(', ')})`);
  }
  if (!(majorityRuleNames as readonly string[]).includes(s.defaultMajorityRule)) {
    report('session.defaultMajorityRule', 'unknown_rule', `unknown majority rule "${s.defaultMajorityRule.slice(0, 60)}" (one of ${majorityRuleNames.join(', ')})`);
  }
  if (s.endDate < s.startDate) report('session.endDate', 'date_order', `the end date ${s.endDate} is before the start date ${s.startDate}`);
  let languages: unknown;
  try {
    languages = JSON.parse(s.languagesJson);
  } catch {
    languages = null;
  }
  const ok = Array.isArray(languages) && languages.length >= 1 && languages.length <= 3 && new Set(languages).size === languages.length && languages.every((l) => l === 'ar' || l === 'en' || l === 'fr');
  if (!ok) report('session.languagesJson', 'languages', 'not a list of the languages ar, en, fr, each once');
}

function checkMemberStates(rows: SessionRecordRows, report: Report): void {
  const codes = new Set<string>();
  rows.memberStates.forEach((m, i) => {
    if (codes.has(m.isoCode)) report(`memberStates.${i}.isoCode`, 'duplicate_key', `the code ${m.isoCode} is given to two member states`, { value: m.isoCode });
    codes.add(m.isoCode);
  });
}

function checkSittings(rows: SessionRecordRows, report: Report): void {
  const s = rows.session;
  const numbers = new Set<number>();
  rows.sittings.forEach((t, i) => {
    if (numbers.has(t.number)) report(`sittings.${i}.number`, 'duplicate_key', `sitting number ${t.number} given twice`, { value: t.number });
    numbers.add(t.number);
    if (!withinSessionDates(s, t.startsAt)) {
      report(`sittings.${i}.startsAt`, 'outside_session', `${t.startsAt} is outside the session's dates (${s.startDate} to ${s.endDate})`, { from: s.startDate, to: s.endDate });
    }
    if (t.endsAt !== null && Date.parse(t.endsAt) <= Date.parse(t.startsAt)) report(`sittings.${i}.endsAt`, 'date_order', 'the sitting ends before it starts');
  });
}

function checkDelegations(rows: SessionRecordRows, ctx: RecordContext, report: Report): void {
  const byState = new Set<string>();
  let secretariat = false;
  rows.delegations.forEach((d, i) => {
    if (d.kind === 'member' && d.memberStateId !== null) {
      if (byState.has(d.memberStateId)) report(`delegations.${i}.memberStateId`, 'duplicate_key', `${ctx.stateName(d.memberStateId)} has two delegations`, { state: ctx.stateName(d.memberStateId) });
      byState.add(d.memberStateId);
    }
    if (d.kind === 'secretariat') {
      if (secretariat) report(`delegations.${i}.kind`, 'duplicate_key', 'the session has two secretariats');
      secretariat = true;
    }
  });
  const heads = new Map<string, number>();
  rows.delegates.forEach((p, i) => {
    const d = ctx.delegation(p.delegationId);
    if (!d) return;
    if (p.role === 'head') {
      if (heads.has(p.delegationId)) {
        report(`delegates.${i}.role`, 'heads', `${ctx.delegationName(p.delegationId)}'s delegation has two heads`, { delegation: ctx.delegationName(p.delegationId) });
      }
      heads.set(p.delegationId, i);
    }
    const memberRole = p.role === 'head' || p.role === 'member' || p.role === 'adviser';
    if ((d.kind === 'member') !== memberRole) {
      report(`delegates.${i}.role`, 'delegation_kind', `a ${d.kind} delegation has no ${p.role}`, { role: p.role });
    }
  });
}

function checkAgenda(rows: SessionRecordRows, report: Report): void {
  const parent = new Map(rows.agendaItems.map((a) => [a.id, a.parentId]));
  rows.agendaItems.forEach((a, i) => {
    const seen = new Set([a.id]);
    for (let p = a.parentId; p !== null && p !== undefined; p = parent.get(p) ?? null) {
      if (seen.has(p)) {
        report(`agendaItems.${i}.parentId`, 'agenda_cycle', 'the item is under itself');
        break;
      }
      seen.add(p);
    }
  });
}

function checkNotes(rows: SessionRecordRows, ctx: RecordContext, report: Report): void {
  rows.notes.forEach((n, i) => {
    const d = n.speakerDelegationId === null ? null : ctx.delegation(n.speakerDelegationId);
    if (d === undefined) return; // a dangling reference is reported by the reference check
    const problem = speakerProblem(n.speakerKind, d === null ? null : d.kind);
    if (problem) report(`notes.${i}.speakerDelegationId`, 'speaker', problem);
  });
}

function checkMotions(rows: SessionRecordRows, report: Report): void {
  const byId = new Map(rows.motions.map((m) => [m.id, m]));
  rows.motions.forEach((m, i) => {
    if (m.majorityRule !== null && !(majorityRuleNames as readonly string[]).includes(m.majorityRule)) {
      report(`motions.${i}.majorityRule`, 'unknown_rule', `unknown majority rule "${m.majorityRule.slice(0, 60)}"`);
    }
    if (m.parentMotionId !== null) {
      const parent = byId.get(m.parentMotionId);
      if (parent && parent.agendaItemId !== m.agendaItemId) report(`motions.${i}.parentMotionId`, 'motion', 'an amendment is on the same agenda item as its motion');
      const seen = new Set([m.id]);
      for (let p: string | null = m.parentMotionId; p !== null; p = byId.get(p)?.parentMotionId ?? null) {
        if (seen.has(p)) {
          report(`motions.${i}.parentMotionId`, 'motion', 'the motion amends itself');
          break;
        }
        seen.add(p);
      }
    }
    const decided = m.status === 'adopted' || m.status === 'rejected';
    if (decided !== (m.decidedBy !== null)) report(`motions.${i}.decidedBy`, 'motion', `a ${m.status} motion ${decided ? 'says how it was decided' : 'was not decided'}`);
    if ((m.status !== 'proposed') !== (m.decidedAt !== null)) report(`motions.${i}.decidedAt`, 'motion', `a ${m.status} motion ${m.decidedAt === null ? 'has no' : 'has a'} decision time`);
    checkConsolidated(rows, m, i, report);
    checkReferralBody(m, i, report);
  });
}

/** The body of a referred motion (migration 0019): only on a referred motion, by the one rule of referrals. */
function checkReferralBody(m: SessionRecordRows['motions'][number], i: number, report: Report): void {
  // A bundle read without its schema (an older one) may lack the columns: none recorded.
  const [body, name] = [m.referralBody ?? '', m.referralBodyName ?? ''];
  if (body === '') {
    if (name.trim()) report(`motions.${i}.referralBody`, 'motion', 'a body’s name without the body referred to');
    return;
  }
  if (m.status !== 'referred') report(`motions.${i}.referralBody`, 'motion', `a ${m.status} motion is referred to no body`);
  const problem = referralBodyProblem(body, name);
  if (problem) report(`motions.${i}.referralBodyName`, 'motion', problem);
}

/** A text as amended (migration 0013) only on a motion before the council or adopted, with an adopted amendment, Arabic first. */
function checkConsolidated(rows: SessionRecordRows, m: SessionRecordRows['motions'][number], i: number, report: Report): void {
  // A bundle read without its schema (an older one) may lack the columns: none recorded.
  const [ar, en, fr] = [m.consolidatedAr ?? '', m.consolidatedEn ?? '', m.consolidatedFr ?? ''];
  if (!ar.trim() && !en.trim() && !fr.trim()) return;
  if (!ar.trim()) report(`motions.${i}.consolidatedAr`, 'consolidated_text', 'a text as amended in English or French has its Arabic');
  if (m.status !== 'proposed' && m.status !== 'adopted') report(`motions.${i}.consolidatedAr`, 'consolidated_text', `a ${m.status} motion has no text as amended`);
  else if (!rows.motions.some((a) => a.parentMotionId === m.id && a.status === 'adopted')) {
    report(`motions.${i}.consolidatedAr`, 'consolidated_text', 'a text as amended, but no amendment to the motion was adopted');
  }
}
