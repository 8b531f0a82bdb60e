// A bundle's inner consistency: every row belongs to its session and every reference points at a row
// of the bundle. Checked before anything is written, so a bad bundle names its bad field.
import { ValidationError } from '../errors';
import type { SessionRecordRows } from './schema';

export function checkBundleReferences(b: SessionRecordRows): void {
  const sid = b.session.id;
  const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const states = ids(b.memberStates);
  const sittings = ids(b.sittings);
  const delegations = ids(b.delegations);
  const items = ids(b.agendaItems);
  const motions = ids(b.motions);
  const votes = ids(b.votes);
  const decisions = ids(b.decisions);
  const actions = ids(b.actionItems);

  const fail = (field: string, message: string): never => {
    throw new ValidationError(field, `${field}: ${message}`, 'bundle_inconsistent');
  };
  const ref = (set: Set<string>, value: string | null, field: string, what: string) => {
    if (value !== null && !set.has(value)) fail(field, `refers to a ${what} not in the bundle (${value})`);
  };
  const own = (table: string, list: { sessionId: string }[]) =>
    list.forEach((r, i) => r.sessionId !== sid && fail(`${table}.${i}.sessionId`, `not the bundle's session (${r.sessionId})`));

  ref(states, b.session.chairStateId, 'session.chairStateId', 'member state');
  ref(states, b.session.rapporteurStateId, 'session.rapporteurStateId', 'member state');
  for (const [table, list] of [
    ['sittings', b.sittings], ['delegations', b.delegations], ['delegates', b.delegates], ['attendanceEvents', b.attendanceEvents],
    ['agendaItems', b.agendaItems], ['notes', b.notes], ['motions', b.motions], ['votes', b.votes], ['voteBallots', b.voteBallots],
    ['decisions', b.decisions], ['reservations', b.reservations], ['referrals', b.referrals], ['actionItems', b.actionItems],
    ['speakers', b.speakers ?? []],
  ] as const) own(table, list);
  (b.speakers ?? []).forEach((x, i) => {
    ref(items, x.agendaItemId, `speakers.${i}.agendaItemId`, 'agenda item');
    ref(delegations, x.delegationId, `speakers.${i}.delegationId`, 'delegation');
    ref(sittings, x.sittingId, `speakers.${i}.sittingId`, 'sitting');
  });
  if (b.agendaAdoption) {
    if (b.agendaAdoption.sessionId !== sid) fail('agendaAdoption.sessionId', "not the bundle's session");
    ref(sittings, b.agendaAdoption.sittingId, 'agendaAdoption.sittingId', 'sitting');
  }
  b.delegations.forEach((d, i) => {
    ref(states, d.memberStateId, `delegations.${i}.memberStateId`, 'member state');
    if ((d.kind === 'member') !== (d.memberStateId !== null)) fail(`delegations.${i}.memberStateId`, 'set for member delegations only');
  });
  b.delegates.forEach((d, i) => ref(delegations, d.delegationId, `delegates.${i}.delegationId`, 'delegation'));
  b.attendanceEvents.forEach((e, i) => {
    ref(sittings, e.sittingId, `attendanceEvents.${i}.sittingId`, 'sitting');
    ref(delegations, e.delegationId, `attendanceEvents.${i}.delegationId`, 'delegation');
  });
  (b.sittingHeads ?? []).forEach((h, i) => {
    if (h.sessionId !== sid) fail(`sittingHeads.${i}.sessionId`, `not the bundle's session (${h.sessionId})`);
    ref(sittings, h.sittingId, `sittingHeads.${i}.sittingId`, 'sitting');
    ref(delegations, h.delegationId, `sittingHeads.${i}.delegationId`, 'delegation');
    if (b.delegations.find((d) => d.id === h.delegationId)?.kind !== 'member') fail(`sittingHeads.${i}.delegationId`, 'not a member delegation');
  });
  b.agendaItems.forEach((a, i) => ref(items, a.parentId, `agendaItems.${i}.parentId`, 'agenda item'));
  b.notes.forEach((n, i) => {
    ref(items, n.agendaItemId, `notes.${i}.agendaItemId`, 'agenda item');
    ref(delegations, n.speakerDelegationId, `notes.${i}.speakerDelegationId`, 'delegation');
  });
  b.motions.forEach((m, i) => {
    ref(items, m.agendaItemId, `motions.${i}.agendaItemId`, 'agenda item');
    ref(motions, m.parentMotionId, `motions.${i}.parentMotionId`, 'motion');
    ref(delegations, m.proposerDelegationId, `motions.${i}.proposerDelegationId`, 'delegation');
  });
  b.votes.forEach((v, i) => {
    ref(motions, v.motionId, `votes.${i}.motionId`, 'motion');
    ref(sittings, v.sittingId, `votes.${i}.sittingId`, 'sitting');
  });
  b.voteBallots.forEach((v, i) => {
    ref(votes, v.voteId, `voteBallots.${i}.voteId`, 'vote');
    ref(states, v.memberStateId, `voteBallots.${i}.memberStateId`, 'member state');
    ref(delegations, v.delegationId, `voteBallots.${i}.delegationId`, 'delegation');
  });
  b.decisions.forEach((d, i) => {
    ref(items, d.agendaItemId, `decisions.${i}.agendaItemId`, 'agenda item');
    ref(motions, d.motionId, `decisions.${i}.motionId`, 'motion');
    ref(sittings, d.sittingId, `decisions.${i}.sittingId`, 'sitting');
  });
  b.reservations.forEach((r, i) => {
    ref(decisions, r.decisionId, `reservations.${i}.decisionId`, 'decision');
    ref(states, r.memberStateId, `reservations.${i}.memberStateId`, 'member state');
  });
  b.referrals.forEach((r, i) => ref(decisions, r.decisionId, `referrals.${i}.decisionId`, 'decision'));
  b.actionItems.forEach((a, i) => {
    ref(decisions, a.decisionId, `actionItems.${i}.decisionId`, 'decision');
    ref(states, a.responsibleStateId, `actionItems.${i}.responsibleStateId`, 'member state');
  });
  b.actionUpdates.forEach((u, i) => ref(actions, u.actionItemId, `actionUpdates.${i}.actionItemId`, 'action item'));
  b.followUpUpdates.forEach((u, i) => {
    if (u.reportedAtSessionId !== sid) fail(`followUpUpdates.${i}.reportedAtSessionId`, "not the bundle's session");
    if (actions.has(u.actionItemId)) fail(`followUpUpdates.${i}.actionItemId`, "an action of the bundle's own session belongs in actionUpdates");
  });
}
