// Votes, motions, reservations, referrals and the rapporteur in the French minutes. Every participle
// agrees with what was put to the council: la proposition (f.), l’amendement (m.). Pure.
import type { MotionKind, VoteWording } from './minutes-votes';

/** adopté / adoptée, tel que modifié / telle que modifiée... */
const agree = (kind: MotionKind, masculine: string, feminine: string) => (kind === 'amendment' ? masculine : feminine);
const abstentions = (n: string) => (n === '0' ? 'aucune abstention' : `${n} abstention${n === '1' ? '' : 's'}`);

/** « à » contracted with the article: au conseil, aux commissions, à l’Assemblée. */
const toBody = (body: string) => (/^le /i.test(body) ? `au ${body.slice(3)}` : /^les /i.test(body) ? `aux ${body.slice(4)}` : `à ${body}`);

export const votesFr: VoteWording = {
  motionLabel: (kind, proposer) =>
    `${kind === 'amendment' ? 'Amendement' : 'Proposition'}${proposer ? ` (${agree(kind, 'présenté', 'présentée')} par ${proposer})` : ''}`,
  voteResult: (v) => {
    const np = v.notParticipating ? `, ${v.notParticipating} ne participant pas au vote` : '';
    const tally = `${v.yes} voix pour, ${v.no} contre, ${abstentions(v.abstain)}${np}`;
    const as = v.asAmended ? ` ${agree(v.subject, 'tel que modifié', 'telle que modifiée')}` : '';
    if (v.outcome === 'adopted') {
      const adopted = agree(v.subject, 'adopté', 'adoptée');
      if (v.castingVote === 'yes') return `${adopted}${as} avec la voix prépondérante du Président, les voix étant partagées (${tally})`;
      return `${adopted}${as} par ${tally}, à ${v.rule}`;
    }
    const rejected = agree(v.subject, 'rejeté', 'rejetée');
    if (v.castingVote === 'no') return `${rejected} (${tally}) : les voix étant partagées, le Président a donné sa voix prépondérante contre`;
    const required = `${v.required} voix pour ${v.required === '1' ? 'était requise' : 'étaient requises'}`;
    return `${rejected} (${tally})${v.tie ? ', les voix étant partagées' : ''} : ${v.rule} n’a pas été atteinte, ${required}`;
  },
  voteSentence: (t, result) => {
    const subject = t.subject === 'amendment' ? 'l’amendement' : 'la proposition';
    const put = agree(t.subject, 'Mis', 'Mise');
    const quorum = t.inquorate
      ? `sans quorum, comme le règlement intérieur le permet (${t.present} des ${t.members} États membres présents ; quorum : ${t.quorum})`
      : `en présence de ${t.present} des ${t.members} États membres (quorum : ${t.quorum})`;
    return `${put} aux voix par appel nominal lors de ${t.sitting}, à ${t.time}, ${quorum}, ${subject} a été ${result}.`;
  },
  voteQuorum: (p) =>
    p.inquorate ? `${p.present} sur ${p.members}, sans quorum (quorum : ${p.quorum})` : `${p.present} sur ${p.members} (quorum : ${p.quorum})`,
  consensusOf: (kind, asAmended) =>
    kind === 'amendment'
      ? 'L’amendement a été adopté par consensus.'
      : `La proposition a été adoptée${asAmended ? ' telle que modifiée' : ''} par consensus.`,
  motionStatusOf: (kind, status) => {
    const it = kind === 'amendment' ? 'L’amendement' : 'La proposition';
    return {
      proposed: `${it} n’a pas encore été ${agree(kind, 'tranché', 'tranchée')}.`,
      withdrawn: `${it} a été ${agree(kind, 'retiré', 'retirée')}.`,
      deferred: `La décision sur ${kind === 'amendment' ? 'l’amendement' : 'la proposition'} a été reportée.`,
      referred: `${it} a été ${agree(kind, 'renvoyé', 'renvoyée')} à une autre instance.`,
    }[status];
  },
  motionReferredTo: (kind, body) => `${kind === 'amendment' ? 'L’amendement' : 'La proposition'} a été ${agree(kind, 'renvoyé', 'renvoyée')} ${toBody(body)}.`,
  outcomeOf: (kind, outcome, asAmended) => {
    const it = kind === 'amendment' ? 'L’amendement' : 'La proposition';
    if (outcome === 'rejected') return `${it} a été ${agree(kind, 'rejeté', 'rejetée')}.`;
    return `${it} a été ${agree(kind, 'adopté', 'adoptée')}${asAmended ? ` ${agree(kind, 'tel que modifié', 'telle que modifiée')}` : ''}.`;
  },
  textAsAmended: (kind) => (kind === 'amendment' ? 'Texte de l’amendement tel que modifié :' : 'Texte de la proposition telle que modifiée :'),
  amendmentsApplied: 'Elle a été adoptée avec les amendements ci-dessus.',
  reservationBy: (state, text) => `La délégation ${state} a émis une réserve sur cette décision : ${text}`,
  reservationQuoted: (state, text) => `La délégation ${state} a émis une réserve sur cette décision, ainsi libellée : « ${text} »`,
  referralSentence: (body, note) => `Cette décision est soumise ${toBody(body)}${note !== null ? `, ${note}` : ''}.`,
  rapporteur: (state, name) => `La délégation ${state} a assuré les fonctions de rapporteur de la session${name ? `, en la personne de ${name}` : ''}.`,
  votesColumns: {
    number: 'N°',
    item: 'Point',
    when: 'Séance, heure',
    present: 'Présents (quorum)',
    yes: 'Pour',
    no: 'Contre',
    abstain: 'Abst.',
    notParticipating: 'Ne participant pas',
    result: 'Résultat',
  },
  adoptedByVote: (result) => `par vote : ${result}`,
};
