// Realistic broken bundles: the 66th session in Agadir (resources/samples/agadir-66.json) with ONE fact
// broken per case, each with the bundle path and the rule code import must refuse it with. They mirror the
// audit's hidden set (issue 10): tallies against ballots, who votes and when, rules, dates, attendance,
// delegations, reservations, decision numbers, text.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { IssueCode } from '../../src/errors';
type B = Record<string, any>;

export interface BrokenCase {
  name: string;
  mutate(b: B): void;
  field: string | RegExp;
  /** The issue code the UI says it with (issues[0].code), when the case names one. */
  code?: IssueCode;
  message?: RegExp;
}

const byName = (b: B, nameEn: string) => b.delegations.find((d: B) => d.nameEn === nameEn);
const stateOf = (b: B, nameEn: string) => byName(b, nameEn).memberStateId;
const ballotOf = (b: B, vote: number, nameEn: string) =>
  b.voteBallots.findIndex((x: B) => x.voteId === b.votes[vote].id && x.delegationId === byName(b, nameEn).id);
const observer = (b: B) => b.delegations.find((d: B) => d.kind === 'observer');

export const brokenCases: BrokenCase[] = [
  // Votes: tallies, ballots, quorum, outcome.
  { name: 'a tally that disagrees with the ballots', mutate: (b) => (b.votes[0].yes += 1), field: 'votes.0.yes', code: 'record_tally' },
  { name: 'a present count that disagrees with the ballots', mutate: (b) => (b.votes[1].presentCount = 11), field: 'votes.1.presentCount', code: 'record_tally' },
  {
    name: 'a ballot cast through an observer delegation',
    mutate: (b) => {
      const o = observer(b);
      o.nameEn = 'Somalia';
      b.voteBallots[14].delegationId = o.id;
    },
    field: 'voteBallots.14.delegationId',
    code: 'record_ballot_delegation',
    message: /Somalia's delegation is an observer and cannot vote/,
  },
  {
    name: 'a ballot by a state not present at that instant (Bahrain left at 11:00)',
    mutate: (b) => (b.votes[1].heldAt = '2024-11-13T11:15:00.000Z'),
    field: /^voteBallots\.\d+\.delegationId$/,
    code: 'record_ballot_absent',
    message: /Bahrain is not present/,
  },
  {
    name: 'a ballot naming another state than its delegation',
    mutate: (b) => (b.voteBallots[ballotOf(b, 0, 'Egypt')].memberStateId = stateOf(b, 'Iraq')),
    field: /^voteBallots\.\d+\.memberStateId$/,
    code: 'record_ballot_delegation',
  },
  {
    name: 'a state present with no ballot',
    mutate: (b) => {
      const i = ballotOf(b, 0, 'Oman');
      const [gone] = b.voteBallots.splice(i, 1);
      b.votes[0][gone.choice === 'not_participating' ? 'notParticipating' : gone.choice] -= 1;
      b.votes[0].presentCount -= 1;
    },
    field: 'votes.0.presentCount',
    code: 'record_ballot_missing',
  },
  { name: 'a vote outside its sitting', mutate: (b) => (b.votes[0].heldAt = '2024-11-12T14:00:00.000Z'), field: 'votes.0.heldAt', code: 'record_outside_sitting' },
  { name: 'a vote filed under the other sitting', mutate: (b) => (b.votes[0].sittingId = b.sittings[1].id), field: 'votes.0.heldAt', code: 'record_outside_sitting' },
  { name: 'a casting vote in a session that allows none', mutate: (b) => (b.votes[0].castingVote = 'yes'), field: 'votes.0.castingVote', code: 'record_casting_vote' },
  { name: 'an outcome the ballots do not give', mutate: (b) => (b.votes[0].outcome = 'rejected'), field: 'votes.0.outcome', code: 'record_outcome' },
  { name: 'quorum said not met with 12 of 11 present', mutate: (b) => (b.votes[0].quorumMet = 0), field: 'votes.0.quorumMet', code: 'record_quorum' },
  { name: 'an inquorate vote in a session that does not allow one', mutate: (b) => ((b.votes[0].quorumRequired = 14), (b.votes[0].quorumMet = 0), (b.votes[0].inquorate = 1)), field: 'votes.0.inquorate', code: 'record_quorum' },
  // Rules named in the record.
  { name: 'an unknown quorum rule ("0")', mutate: (b) => (b.session.quorumRule = '0'), field: 'session.quorumRule', code: 'record_unknown_rule' },
  { name: 'an unknown majority rule printed raw', mutate: (b) => (b.session.defaultMajorityRule = 'majorité simple'), field: 'session.defaultMajorityRule', code: 'record_unknown_rule' },
  { name: "an unknown rule on a vote", mutate: (b) => (b.votes[1].rule = 'two_thirds'), field: 'votes.1.rule', code: 'record_unknown_rule' },
  // Dates and instants that do not exist.
  { name: '30 February', mutate: (b) => (b.session.startDate = '2024-02-30'), field: 'session.startDate', code: 'invalid_date' },
  { name: 'year 0001', mutate: (b) => (b.sittings[0].startsAt = '0001-11-12T08:00:00.000Z'), field: 'sittings.0.startsAt', code: 'invalid_instant' },
  { name: 'an instant in month 13', mutate: (b) => (b.decisions[0].adoptedAt = '2024-13-12T10:50:00.000Z'), field: 'decisions.0.adoptedAt', code: 'invalid_instant' },
  { name: 'an end date before the start date', mutate: (b) => (b.session.endDate = '2024-11-11'), field: 'session.endDate', code: 'record_date_order' },
  {
    name: "a sitting outside the session's dates (the day after, in Agadir)",
    mutate: (b) => ((b.sittings[1].startsAt = '2024-11-14T08:30:00.000Z'), (b.sittings[1].endsAt = '2024-11-14T11:45:00.000Z')),
    field: 'sittings.1.startsAt',
    code: 'record_outside_session',
  },
  { name: "a decision adopted after the session", mutate: (b) => (b.decisions[2].adoptedAt = '2024-12-01T10:00:00.000Z'), field: 'decisions.2.adoptedAt', code: 'record_outside_session' },
  // Attendance.
  {
    name: 'two arrivals in a row',
    mutate: (b) => b.attendanceEvents.push({ ...b.attendanceEvents[3], id: 'f0000000-0000-4000-8000-000000000001', at: '2024-11-12T09:00:00.000Z' }),
    field: 'attendanceEvents.26.kind',
    code: 'record_attendance_order',
    message: /Tunisia: two arrivals in a row/,
  },
  { name: 'a departure before any arrival', mutate: (b) => (b.attendanceEvents[12].kind = 'departure'), field: 'attendanceEvents.12.kind', code: 'record_attendance_order', message: /Mauritania/ },
  { name: 'an arrival outside its sitting', mutate: (b) => (b.attendanceEvents[12].at = '2024-11-12T07:00:00.000Z'), field: 'attendanceEvents.12.at', code: 'record_outside_sitting' },
  // Delegations.
  { name: 'two heads of one delegation', mutate: (b) => (b.delegates[10].role = 'head'), field: 'delegates.10.role', code: 'record_heads', message: /Saudi Arabia's delegation has two heads/ },
  { name: 'two delegations for one state', mutate: (b) => (byName(b, 'Egypt').memberStateId = stateOf(b, 'Morocco')), field: /^delegations\.\d+\.memberStateId$/, code: 'record_duplicate_key' },
  { name: 'an observer delegation with a head', mutate: (b) => (b.delegates[2].role = 'head'), field: 'delegates.2.role', code: 'record_delegation_kind' },
  { name: 'an observer speaking as a member delegation', mutate: (b) => (b.notes[0].speakerDelegationId = observer(b).id), field: 'notes.0.speakerDelegationId', code: 'record_speaker' },
  // Reservations and decisions.
  {
    name: 'a reservation by a state with no delegation',
    mutate: (b) => {
      b.memberStates.push({ ...b.memberStates[0], id: 'f0000000-0000-4000-8000-0000000000aa', isoCode: 'LY', nameAr: 'ليبيا', nameEn: 'Libya', nameFr: 'Libye' });
      b.reservations[0].memberStateId = 'f0000000-0000-4000-8000-0000000000aa';
    },
    field: 'reservations.0.memberStateId',
    code: 'record_reservation',
    message: /Libya had no delegation/,
  },
  {
    name: 'a follow-up action due before its decision was adopted',
    mutate: (b) => (b.actionItems[0].dueDate = '2024-11-01'),
    field: 'actionItems.0.dueDate',
    code: 'record_due_before_decision',
  },
  { name: 'a decision number given twice', mutate: (b) => (b.decisions[1].numberAr = b.decisions[0].numberAr), field: 'decisions.1.numberAr', code: 'record_duplicate_key' },
  { name: 'a decision serial given twice', mutate: (b) => (b.decisions[3].serial = b.decisions[1].serial), field: 'decisions.3.serial', code: 'record_duplicate_key' },
  { name: 'an id given twice', mutate: (b) => (b.notes[4].id = b.notes[3].id), field: 'notes.4.id', code: 'record_duplicate_id' },
  { name: 'a decision from a motion of another item', mutate: (b) => (b.decisions[0].agendaItemId = b.decisions[4].agendaItemId), field: 'decisions.0.motionId', code: 'record_decision' },
  // Text.
  { name: 'a lone surrogate', mutate: (b) => (b.decisions[0].textEn = 'The Council \uD83D adopts'), field: 'decisions.0.textEn', code: 'text_lone_surrogate' },
  { name: 'a NUL character', mutate: (b) => (b.notes[1].text = 'the report\u0000was adopted'), field: 'notes.1.text', code: 'text_control_character' },
  { name: 'a control character in a name', mutate: (b) => (b.delegates[0].fullName = 'Ahmed\u0007Ali'), field: 'delegates.0.fullName', code: 'text_control_character' },
  { name: 'an unknown key (a typo)', mutate: (b) => (b.decisions[0].adoptedBY = 'vote'), field: 'decisions.0.adoptedBY', code: 'unknown_key' },
  { name: 'languages that are not a list of languages', mutate: (b) => (b.session.languagesJson = 'ar,en'), field: 'session.languagesJson', code: 'record_languages' },
  // The text as amended (migration 0013).
  {
    name: 'a text as amended on a motion no amendment amended',
    mutate: (b) => (b.motions[0].consolidatedAr = 'يعتمد المجلس التقرير بصيغته المعدلة.'),
    field: 'motions.0.consolidatedAr',
    code: 'record_consolidated_text',
    message: /no amendment to the motion was adopted/,
  },
  {
    name: 'a text as amended in English without its Arabic',
    mutate: (b) => {
      const m = b.motions[0];
      b.motions.push({ ...m, id: 'amendment-0', parentMotionId: m.id, consolidatedAr: '', consolidatedEn: '', consolidatedFr: '' });
      m.consolidatedEn = 'The Council adopts the report as amended.';
    },
    field: 'motions.0.consolidatedAr',
    code: 'record_consolidated_text',
    message: /has its Arabic/,
  },
  {
    name: 'a text as amended on a rejected motion',
    mutate: (b) => {
      const i = b.motions.findIndex((m: B) => m.status === 'rejected');
      b.motions.push({ ...b.motions[i], id: 'amendment-r', parentMotionId: b.motions[i].id, status: 'adopted', decidedBy: 'consensus' });
      b.motions[i].consolidatedAr = 'نص معدل';
    },
    field: /^motions\.\d+\.consolidatedAr$/,
    code: 'record_consolidated_text',
    message: /a rejected motion has no text as amended/,
  },
];
