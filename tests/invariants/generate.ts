// fast-check arbitraries of VALID session bundles (built the way the services would record them: attendance
// timelines, roll-call votes of the states present with tallies, quorum and outcome computed by the rules,
// decisions numbered once), and of one-fact mutations with the bundle path import must name.
/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from 'fast-check';
import { presentAt } from '../../src/attendance/presence';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../src/bundle/schema';
import { decideMajority } from '../../src/rules/majority';
import { quorumRequired } from '../../src/rules/quorum';
import { majorityRuleNames, quorumRuleNames } from '../../src/rules/rule-names';

type B = Record<string, any>;
const AT = '2025-04-01T08:00:00.000Z';
const minute = (base: string, m: number) => new Date(Date.parse(base) + m * 60_000).toISOString();
const id = (kind: string, n: number) => `00000000-0000-4000-8000-${kind}${String(n).padStart(12 - kind.length, '0')}`;
const ISO = ['DZ', 'BH', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'AE', 'YE'];

const params = fc.record({
  states: fc.integer({ min: 2, max: 12 }),
  extraMembers: fc.integer({ min: 0, max: 9 }),
  sittings: fc.integer({ min: 1, max: 3 }),
  zone: fc.constantFrom('', 'Africa/Casablanca', 'Asia/Baghdad'),
  quorumRule: fc.constantFrom(...quorumRuleNames),
  arrivals: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 36, maxLength: 36 }),
  departures: fc.array(fc.option(fc.integer({ min: 150, max: 230 })), { minLength: 36, maxLength: 36 }),
  votes: fc.array(
    fc.record({ sitting: fc.nat(), minute: fc.integer({ min: 0, max: 239 }), rule: fc.constantFrom(...majorityRuleNames), choices: fc.array(fc.constantFrom('yes', 'no', 'abstain', 'not_participating'), { minLength: 12, maxLength: 12 }) }),
    { minLength: 1, maxLength: 4 },
  ),
  reservation: fc.boolean(),
});

export const validBundle: fc.Arbitrary<B> = params.map((p) => {
  const sessionId = id('a', 1);
  const start = '2025-04-01';
  const end = `2025-04-0${p.sittings}`;
  const states = Array.from({ length: p.states }, (_, i) => ({
    id: id('b', i), isoCode: ISO[i]!, nameAr: `دولة ${i}`, nameEn: `State ${i}`, nameFr: `État ${i}`, protocolOrder: i + 1, active: 1, createdAt: AT,
  }));
  const delegations: B[] = states.map((s, i) => ({ id: id('c', i), sessionId, kind: 'member', memberStateId: s.id, nameAr: '', nameEn: '', nameFr: '', credentialsReceivedOn: start, createdAt: AT }));
  delegations.push({ id: id('c', 99), sessionId, kind: 'observer', memberStateId: null, nameAr: 'الأمانة العامة', nameEn: 'Somalia', nameFr: 'Somalie', credentialsReceivedOn: null, createdAt: AT });
  const delegates = delegations.map((d, i) => ({ id: id('d', i), sessionId, delegationId: d.id, fullName: `Person ${i}`, title: 'Minister', role: d.kind === 'member' ? 'head' : 'representative', position: 1 }));
  const sittings = Array.from({ length: p.sittings }, (_, k) => ({
    id: id('e', k), sessionId, number: k + 1, startsAt: `2025-04-0${k + 1}T08:00:00.000Z`, endsAt: `2025-04-0${k + 1}T12:00:00.000Z`, createdAt: AT,
  }));
  const events: B[] = [];
  sittings.forEach((s, k) => {
    delegations.forEach((d, i) => {
      const a = p.arrivals[(k * 12 + i) % 36]!;
      events.push({ id: id('f', events.length), sessionId, sittingId: s.id, delegationId: d.id, kind: 'arrival', at: minute(s.startsAt, a), recordedAt: AT });
      const dep = p.departures[(k * 12 + i) % 36];
      if (dep != null) events.push({ id: id('f', events.length), sessionId, sittingId: s.id, delegationId: d.id, kind: 'departure', at: minute(s.startsAt, dep), recordedAt: AT });
    });
  });
  const memberCount = p.states + p.extraMembers;
  const required = quorumRequired(p.quorumRule, memberCount);
  const agendaItem = { id: id('g', 0), sessionId, parentId: null, position: 1, standingKey: null, titleAr: 'بند', titleEn: 'Item', titleFr: 'Point', presenter: '', documentRefsJson: '[]', status: 'discussed', createdAt: AT };
  const motions: B[] = [];
  const votes: B[] = [];
  const ballots: B[] = [];
  const decisions: B[] = [];
  p.votes.forEach((v, n) => {
    const sitting = sittings[v.sitting % sittings.length]!;
    const heldAt = minute(sitting.startsAt, v.minute);
    const present = new Set(presentAt(events.filter((e) => e.sittingId === sitting.id) as never[], heldAt));
    const voters = delegations.filter((d) => d.kind === 'member' && present.has(d.id));
    const choices = voters.map((_, i) => v.choices[i % 12] as string);
    const count = (c: string) => choices.filter((x) => x === c).length;
    const tally = { yes: count('yes'), no: count('no'), abstain: count('abstain'), notParticipating: count('not_participating') };
    const result = decideMajority({ ...tally, rule: v.rule, members: memberCount, chairCastingVote: false, castingVote: null });
    const motionId = id('h', n);
    motions.push({ id: motionId, sessionId, agendaItemId: agendaItem.id, parentMotionId: null, textAr: 'يقرر', textEn: 'Decides', textFr: 'Décide', proposerDelegationId: null, status: result.outcome, majorityRule: v.rule, decidedBy: 'vote', decidedAt: heldAt, createdAt: AT });
    const voteId = id('i', n);
    votes.push({ id: voteId, sessionId, motionId, sittingId: sitting.id, heldAt, rule: v.rule, ...tally, presentCount: voters.length, memberCount, quorumRequired: required, quorumMet: voters.length >= required ? 1 : 0, inquorate: voters.length >= required ? 0 : 1, castingVote: null, outcome: result.outcome });
    voters.forEach((d, i) => ballots.push({ voteId, sessionId, memberStateId: d.memberStateId, delegationId: d.id, choice: choices[i], rollOrder: i + 1 }));
    if (result.outcome === 'adopted') {
      const serial = decisions.length + 1;
      decisions.push({ id: id('j', serial), sessionId, agendaItemId: agendaItem.id, motionId, serial, numberAr: `ق.م.ت/70/${serial}`, numberEn: `EC/70/${serial}`, numberFr: `CE/70/${serial}`, textAr: 'قرار', textEn: 'Decision', textFr: 'Décision', adoptedAt: heldAt, adoptedBy: 'vote', sittingId: sitting.id, createdAt: AT });
    }
  });
  const reservations = p.reservation && decisions.length ? [{ id: id('k', 0), sessionId, decisionId: decisions[0]!.id, memberStateId: states[0]!.id, text: 'تحفظ', recordedAt: AT }] : [];
  return {
    format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: AT, schema: '0004_session_time_zone',
    session: {
      id: sessionId, kind: 'extraordinary', number: 70, venueCityAr: 'الرباط', venueCityEn: 'Rabat', venueCityFr: 'Rabat', venueCountryAr: 'المغرب', venueCountryEn: 'Morocco', venueCountryFr: 'Maroc',
      startDate: start, endDate: end, languagesJson: '["ar","en","fr"]', chairStateId: null, rapporteurStateId: null, status: 'in_progress', memberCount, quorumRule: p.quorumRule,
      defaultMajorityRule: 'simple_majority_of_votes_cast', chairCastingVote: 0, allowInquorateVotes: 1, lastDecisionSerial: decisions.length, lockedAt: null, timeZone: p.zone, createdAt: AT, updatedAt: AT,
    },
    memberStates: states, sittings, delegations, delegates, attendanceEvents: events, agendaItems: [agendaItem], agendaAdoption: null, notes: [], motions, votes, voteBallots: ballots,
    decisions, reservations, referrals: [], actionItems: [], actionUpdates: [], followUpUpdates: [],
  };
});

export interface Mutation {
  name: string;
  /** Applies one broken fact to the bundle; returns the bundle path import must name, or null when not applicable. */
  apply(b: B, pick: number): string | null;
}

export const mutations: Mutation[] = [
  { name: 'tally', apply: (b, k) => ((k %= b.votes.length), (b.votes[k].yes += 1), `votes.${k}.yes`) },
  {
    name: 'observer ballot',
    apply: (b, k) => {
      if (!b.voteBallots.length) return null;
      k %= b.voteBallots.length;
      b.voteBallots[k].delegationId = b.delegations.find((d: B) => d.kind === 'observer').id;
      return `voteBallots.${k}.delegationId`;
    },
  },
  {
    name: 'ballot by a state not present',
    apply: (b, k) => {
      k %= b.votes.length;
      const v = b.votes[k];
      const state = { ...b.memberStates[0], id: id('b', 50), isoCode: 'YE', nameEn: 'Absent' };
      const d = { ...b.delegations[0], id: id('c', 50), memberStateId: state.id };
      b.memberStates.push(state);
      b.delegations.push(d);
      b.delegates.push({ ...b.delegates[0], id: id('d', 50), delegationId: d.id });
      b.voteBallots.push({ voteId: v.id, sessionId: v.sessionId, memberStateId: state.id, delegationId: d.id, choice: 'abstain', rollOrder: 99 });
      v.abstain += 1;
      v.presentCount += 1;
      return `voteBallots.${b.voteBallots.length - 1}.delegationId`;
    },
  },
  { name: 'casting vote', apply: (b, k) => ((k %= b.votes.length), (b.votes[k].castingVote = 'yes'), `votes.${k}.castingVote`) },
  { name: 'unknown quorum rule', apply: (b, k) => ((b.session.quorumRule = ['0', 'two-thirds', 'quorum', ''][k % 4]), 'session.quorumRule') },
  { name: '30 February', apply: (b) => ((b.session.startDate = '2025-02-30'), 'session.startDate') },
  { name: 'month 13', apply: (b, k) => ((k %= b.sittings.length), (b.sittings[k].startsAt = b.sittings[k].startsAt.replace('-04-', '-13-')), `sittings.${k}.startsAt`) },
  {
    name: 'sitting outside the session',
    apply: (b, k) => {
      k %= b.sittings.length;
      const s = b.sittings[k];
      s.startsAt = minute(s.startsAt, 20 * 24 * 60);
      s.endsAt = minute(s.endsAt, 20 * 24 * 60);
      return `sittings.${k}.startsAt`;
    },
  },
  {
    name: 'two arrivals in a row',
    apply: (b, k) => {
      const arrivals = b.attendanceEvents.filter((e: B) => e.kind === 'arrival');
      const e = arrivals[k % arrivals.length];
      b.attendanceEvents.push({ ...e, id: id('f', 900), at: minute(e.at, 1) });
      return `attendanceEvents.${b.attendanceEvents.length - 1}.kind`;
    },
  },
  {
    name: 'departure before any arrival',
    apply: (b, k) => {
      const i = b.attendanceEvents.findIndex((e: B, n: number) => n >= k % b.attendanceEvents.length && e.kind === 'arrival');
      const at = i < 0 ? b.attendanceEvents.findIndex((e: B) => e.kind === 'arrival') : i;
      b.attendanceEvents[at].kind = 'departure';
      return `attendanceEvents.${at}.kind`;
    },
  },
  {
    name: 'two heads',
    apply: (b, k) => {
      const members = b.delegates.filter((p: B) => p.role === 'head');
      const head = members[k % members.length];
      b.delegates.push({ ...head, id: id('d', 800), fullName: 'Second head', position: 2 });
      return `delegates.${b.delegates.length - 1}.role`;
    },
  },
  {
    name: 'reservation by a state with no delegation',
    apply: (b) => {
      if (!b.decisions.length) return null;
      b.memberStates.push({ ...b.memberStates[0], id: id('b', 60), isoCode: 'KM', nameEn: 'Comoros' });
      b.reservations.push({ id: id('k', 9), sessionId: b.session.id, decisionId: b.decisions[0].id, memberStateId: id('b', 60), text: 'تحفظ', recordedAt: AT });
      return `reservations.${b.reservations.length - 1}.memberStateId`;
    },
  },
  {
    name: 'decision number given twice',
    apply: (b, k) => {
      if (b.decisions.length < 2) return null;
      const key = ['numberAr', 'numberEn', 'numberFr'][k % 3]!;
      b.decisions[1][key] = b.decisions[0][key];
      return `decisions.1.${key}`;
    },
  },
  { name: 'lone surrogate', apply: (b, k) => ((k %= b.delegates.length), (b.delegates[k].title = 'Minister \uDC00'), `delegates.${k}.title`) },
  { name: 'NUL', apply: (b, k) => ((k %= b.agendaItems.length), (b.agendaItems[k].titleEn = 'Budget\u0000report'), `agendaItems.${k}.titleEn`) },
];
