// Votes, motions, reservations, referrals and the rapporteur in the English minutes. Pure.
import type { VoteWording } from './minutes-votes';

const votes = (n: string) => `${n} ${n === '1' ? 'vote' : 'votes'}`;
const abstentions = (n: string) => `${n} ${n === '1' ? 'abstention' : 'abstentions'}`;

export const votesEn: VoteWording = {
  motionLabel: (kind, proposer) => `${kind === 'amendment' ? 'Amendment' : 'Proposal'}${proposer ? ` (submitted by ${proposer})` : ''}`,
  voteResult: (v) => {
    const np = v.notParticipating ? `, ${v.notParticipating} not participating` : '';
    const tally = `${votes(v.yes)} in favour, ${v.no} against, ${abstentions(v.abstain)}${np}`;
    const as = v.asAmended ? ' as amended' : '';
    if (v.outcome === 'adopted') {
      if (v.castingVote === 'yes') return `adopted${as} on the Chair’s casting vote, the votes being equal (${tally})`;
      return `adopted${as} by ${votes(v.yes)} in favour to ${v.no} against, with ${abstentions(v.abstain)}${np}, by ${v.rule}`;
    }
    if (v.castingVote === 'no') return `not adopted (${tally}): the votes being equal, the Chair gave a casting vote against`;
    const required = `${votes(v.required)} in favour ${v.required === '1' ? 'was' : 'were'} required`;
    return `not adopted (${tally})${v.tie ? ', the votes being equal' : ''}: short of ${v.rule}, ${required}`;
  },
  voteSentence: (t, result) => {
    const subject = t.subject === 'amendment' ? 'the amendment' : 'the proposal';
    const quorum = t.inquorate
      ? `without quorum, as the rules of procedure allow (${t.present} of the ${t.members} member states present; quorum: ${t.quorum})`
      : `with ${t.present} of the ${t.members} member states present (quorum: ${t.quorum})`;
    return `Put to a roll-call vote at ${t.sitting}, at ${t.time}, ${quorum}, ${subject} was ${result}.`;
  },
  voteQuorum: (p) =>
    p.inquorate ? `${p.present} of ${p.members}, without quorum (quorum: ${p.quorum})` : `${p.present} of ${p.members} (quorum: ${p.quorum})`,
  consensusOf: (kind, asAmended) =>
    `${kind === 'amendment' ? 'The amendment' : 'The proposal'} was adopted${asAmended ? ' as amended' : ''} by consensus.`,
  motionStatusOf: (kind, status) => {
    const it = kind === 'amendment' ? 'The amendment' : 'The proposal';
    return {
      proposed: `${it} has not yet been decided.`,
      withdrawn: `${it} was withdrawn.`,
      deferred: `The decision on ${kind === 'amendment' ? 'the amendment' : 'the proposal'} was deferred.`,
      referred: `${it} was referred elsewhere for decision.`,
    }[status];
  },
  motionReferredTo: (kind, body) => `${kind === 'amendment' ? 'The amendment' : 'The proposal'} was referred to ${body}.`,
  outcomeOf: (kind, outcome, asAmended) =>
    `${kind === 'amendment' ? 'The amendment' : 'The proposal'} was ${outcome === 'adopted' ? `adopted${asAmended ? ' as amended' : ''}` : 'not adopted'}.`,
  textAsAmended: (kind) => `The text of the ${kind === 'amendment' ? 'amendment' : 'proposal'} as amended:`,
  amendmentsApplied: 'It was adopted with the amendments above.',
  reservationBy: (state, text) => `The delegation of ${state} entered a reservation on this decision: ${text}`,
  reservationQuoted: (state, text) => `The delegation of ${state} entered a reservation on this decision, which reads: “${text}”`,
  referralSentence: (body, note) => `This decision is referred to ${body}${note !== null ? `, ${note}` : ''}.`,
  rapporteur: (state, name) => `The delegation of ${state} served as rapporteur of the session${name ? `, represented by ${name}` : ''}.`,
  votesColumns: {
    number: 'No.',
    item: 'Item',
    when: 'Sitting, time',
    present: 'Present (quorum)',
    yes: 'Yes',
    no: 'No',
    abstain: 'Abstain',
    notParticipating: 'Not participating',
    result: 'Result',
  },
  adoptedByVote: (result) => `by vote: ${result}`,
};
