// The minutes' fixed wording in English. Pure.
import type { MinutesWording } from './minutes';
import { votesEn } from './minutes-votes-en';

const majorityRules: Record<string, string> = {
  simple_majority_of_votes_cast: 'simple majority of votes cast',
  absolute_majority_of_members: 'absolute majority of member states',
  two_thirds_present_and_voting: 'two-thirds majority of states present and voting',
  two_thirds_of_members: 'two-thirds majority of member states',
  unanimity_of_present: 'unanimity of states present',
};

const quorumRules: Record<string, string> = {
  two_thirds_of_members: 'two-thirds of member states',
  absolute_majority_of_members: 'absolute majority of member states',
  none: 'no quorum required',
};

const SITTINGS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export const minutesEn: MinutesWording = {
  lang: 'en',
  dir: 'ltr',
  minutesOf: 'Minutes of the',
  venue: (city, country) => `${city}, ${country}`,
  dates: (g) => g,
  sittingName: (n) => (SITTINGS[n] ? `the ${SITTINGS[n]} sitting` : `sitting ${n}`),
  draft: 'DRAFT',
  unverifiedCopy: 'UNVERIFIED COPY',
  footer: 'Page {page} of {pages}',
  toc: 'Contents',
  untranslated: '[translation pending]',
  none: '—',
  headings: {
    opening: 'Opening of the session',
    participation: 'Participants',
    agendaAdoption: 'Adoption of the agenda',
    items: 'Deliberations',
    closing: 'Closing of the session',
    signatures: 'Signatures',
    annexes: 'Annexes',
    annexAttendance: 'Attendance at the sittings',
    annexAgenda: 'Agenda as adopted',
    annexDecisions: 'Register of decisions',
    annexFollowUp: 'Follow-up of previous sessions’ decisions',
    annexVotes: 'Roll-call votes',
    corrigenda: 'Corrigenda',
  },
  annex: (n, title) => `Annex ${n}: ${title}`,
  opening: ({ date, time, chair, chairName }) => {
    const by = chair ? `, chaired by ${chairName ? `${chairName}, ` : ''}head of the delegation of ${chair}` : '';
    return `The session was opened on ${date} at ${time}${by}.`;
  },
  quorum: ({ present, members, required, met }) =>
    met
      ? `The quorum was established: ${present} of the ${members} member states were present (quorum: ${required}).`
      : `The quorum was not met at the opening: ${present} of the ${members} member states were present (quorum: ${required}).`,
  quorumRule: (rule) => quorumRules[rule] ?? rule,
  delegationsIntro: (count) => `The delegations of the following ${count} member states took part in the session:`,
  delegationTable: { state: 'State', head: 'Head of delegation', members: 'Members', credentials: 'Credentials' },
  credentialsReceived: (date) => `received on ${date}`,
  credentialsMissing: 'not received',
  credentialsIssuedBy: ', issued by ',
  lateArrival: (state, time, sitting) => `The delegation of ${state} joined the meeting at ${time} during ${sitting}.`,
  observersIntro: 'The following attended as observers:',
  secretariatIntro: 'For the Organization’s secretariat:',
  agendaAdopted: ({ sitting, date, asAmended }) =>
    `At ${sitting}, on ${date}, the Council adopted the agenda of the session${asAmended ? ' as amended' : ''}; it is annexed to these minutes.`,
  agendaNotAdopted: 'No adoption of the agenda was recorded.',
  item: (n, title) => `Item ${n}: ${title}`,
  presentedBy: (presenter, documents) => `${presenter} presented the item${documents ? ` (documents: ${documents})` : ''}.`,
  itemStatus: {
    deferred: 'Consideration of this item was deferred.',
    withdrawn: 'This item was withdrawn from the agenda.',
    pending: 'This item was not considered.',
    nothingRecorded: 'No matters were raised under this item.',
  },
  interventions: 'Summary of interventions:',
  speakerLabel: (kind, name) =>
    kind === 'chair' ? 'The Chair' : kind === 'secretariat' ? 'The Secretariat' : kind === 'delegation' ? `The delegation of ${name}` : name,
  delegationOf: (state) => `the delegation of ${state}`,
  motion: 'Proposal',
  amendment: 'Amendment',
  majorityRule: (rule) => majorityRules[rule] ?? rule,
  rollCall: {
    caption: (n) => `Roll-call vote no. ${n}`,
    state: 'State',
    vote: 'Vote',
    choice: { yes: 'Yes', no: 'No', abstain: 'Abstain', not_participating: 'Not participating' },
  },
  decision: (number) => `Decision ${number}`,
  adoptedBy: { consensus: 'by consensus', vote: 'by vote' },
  referralBody: { general_assembly: 'the General Assembly', ministerial_council: 'the competent ministerial council', other: 'the competent body' },
  actionsIntro: 'Follow-up actions:',
  action: ({ description, responsible, due }) => `${description} — responsible: ${responsible}${due ? ` — due: ${due}` : ''}`,
  closing: ({ date, time }) => `The session was closed on ${date} at ${time}.`,
  nextSession: (decision) => `The date and venue of the next session were set by ${decision}.`,
  sealed: (fp) => `Seal fingerprint: ${fp}`,
  corrigendaIntro: 'The following corrigenda were made to these minutes after their approval:',
  corrigendum: ({ number, decision, date }) => `Corrigendum No. ${number}${decision ? ` (to ${decision})` : ''}, ${date}:`,
  corrigendumReason: 'Reason: ',
  attendance: { delegation: 'Delegation', arrival: 'Arrival', departure: 'Departure', throughout: 'until the end', absent: 'absent' },
  register: { number: 'Number', item: 'Item', adoption: 'Adopted', reservations: 'Reservations', referral: 'Referral' },
  followUp: {
    intro: 'The Secretariat reported on the implementation of the decisions of previous sessions:',
    session: 'Session',
    decision: 'Decision',
    action: 'Action',
    responsible: 'Responsible',
    due: 'Due',
    status: 'Status',
    update: 'Latest update',
    empty: 'No actions from previous sessions remain open.',
  },
  actionStatus: { open: 'not started', in_progress: 'in progress', done: 'done', cancelled: 'cancelled' },
  votesSummary: { number: 'No.', item: 'Item', sitting: 'Sitting', tally: 'Yes / No / Abstain', rule: 'Rule', result: 'Result' },
  ...votesEn,
};

/** The speakers' list in the minutes (src/minutes/build-speakers.ts): who took the floor, in order. */
export const floorWordingEn = {
  secretariat: 'the Secretariat',
  directorGeneral: 'the Director-General',
  secondRound: (name: string) => `${name} (again)`,
  tookTheFloor: (names: string[]) =>
    `The following took the floor, in this order: ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}.`,
};
