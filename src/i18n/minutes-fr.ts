// The minutes' fixed wording in French. Pure.
import type { MinutesWording } from './minutes';
import { votesFr } from './minutes-votes-fr';

const majorityRules: Record<string, string> = {
  simple_majority_of_votes_cast: 'la majorité simple des suffrages exprimés',
  absolute_majority_of_members: 'la majorité absolue des États membres',
  two_thirds_present_and_voting: 'la majorité des deux tiers des États présents et votants',
  two_thirds_of_members: 'la majorité des deux tiers des États membres',
  unanimity_of_present: 'l’unanimité des États présents',
};

const quorumRules: Record<string, string> = {
  two_thirds_of_members: 'deux tiers des États membres',
  absolute_majority_of_members: 'majorité absolue des États membres',
  none: 'aucun quorum requis',
};

const SITTINGS = ['', 'première', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième'];

export const minutesFr: MinutesWording = {
  lang: 'fr',
  dir: 'ltr',
  minutesOf: 'Procès-verbal de la',
  venue: (city, country) => `${city} (${country})`,
  dates: (g) => g,
  sittingName: (n) => (SITTINGS[n] ? `la ${SITTINGS[n]} séance` : `la séance n° ${n}`),
  draft: 'PROJET',
  unverifiedCopy: 'COPIE NON VÉRIFIÉE',
  footer: 'Page {page} sur {pages}',
  toc: 'Sommaire',
  untranslated: '[traduction en attente]',
  none: '—',
  headings: {
    opening: 'Ouverture de la session',
    participation: 'Participants',
    agendaAdoption: 'Adoption de l’ordre du jour',
    items: 'Délibérations',
    closing: 'Clôture de la session',
    signatures: 'Signatures',
    annexes: 'Annexes',
    annexAttendance: 'Présence aux séances',
    annexAgenda: 'Ordre du jour adopté',
    annexDecisions: 'Registre des décisions',
    annexFollowUp: 'Suivi des décisions des sessions précédentes',
    annexVotes: 'Votes par appel nominal',
    corrigenda: 'Rectificatifs',
  },
  annex: (n, title) => `Annexe ${n} : ${title}`,
  opening: ({ date, time, chair, chairName }) => {
    const by = chair ? `, sous la présidence de ${chairName ? `${chairName}, ` : ''}chef de la délégation ${chair}` : '';
    return `La session a été ouverte le ${date} à ${time}${by}.`;
  },
  quorum: ({ present, members, required, met }) =>
    met
      ? `Le quorum a été constaté : ${present} des ${members} États membres étaient présents (quorum : ${required}).`
      : `Le quorum n’était pas atteint à l’ouverture : ${present} des ${members} États membres étaient présents (quorum : ${required}).`,
  quorumRule: (rule) => quorumRules[rule] ?? rule,
  delegationsIntro: (count) => `Les délégations des ${count} États membres suivants ont participé à la session :`,
  delegationTable: { state: 'État', head: 'Chef de délégation', members: 'Membres', credentials: 'Pouvoirs' },
  credentialsReceived: (date) => `reçus le ${date}`,
  credentialsMissing: 'non reçus',
  credentialsIssuedBy: ', délivrés par ',
  lateArrival: (state, time, sitting) => `La délégation ${state} a rejoint la réunion à ${time} au cours de ${sitting}.`,
  observersIntro: 'Ont assisté en qualité d’observateurs :',
  secretariatIntro: 'Pour le secrétariat de l’Organisation :',
  agendaAdopted: ({ sitting, date, asAmended }) =>
    `Lors de ${sitting}, le ${date}, le Conseil a adopté l’ordre du jour de la session${asAmended ? ' tel que modifié' : ''} ; il est annexé au présent procès-verbal.`,
  agendaNotAdopted: 'Aucune adoption de l’ordre du jour n’a été enregistrée.',
  item: (n, title) => `Point ${n} : ${title}`,
  presentedBy: (presenter, documents) => `${presenter} a présenté ce point${documents ? ` (documents : ${documents})` : ''}.`,
  itemStatus: {
    deferred: 'L’examen de ce point a été reporté.',
    withdrawn: 'Ce point a été retiré de l’ordre du jour.',
    pending: 'Ce point n’a pas été examiné.',
    nothingRecorded: 'Aucune question n’a été soulevée au titre de ce point.',
  },
  interventions: 'Résumé des interventions :',
  speakerLabel: (kind, name) =>
    kind === 'chair' ? 'Le Président' : kind === 'secretariat' ? 'Le Secrétariat' : kind === 'delegation' ? `La délégation ${name}` : name,
  delegationOf: (state) => `la délégation ${state}`,
  motion: 'Proposition',
  amendment: 'Amendement',
  majorityRule: (rule) => majorityRules[rule] ?? rule,
  rollCall: {
    caption: (n) => `Vote par appel nominal n° ${n}`,
    state: 'État',
    vote: 'Vote',
    choice: { yes: 'Pour', no: 'Contre', abstain: 'Abstention', not_participating: 'Ne participe pas' },
  },
  decision: (number) => `Décision ${number}`,
  adoptedBy: { consensus: 'par consensus', vote: 'par vote' },
  referralBody: { general_assembly: 'l’Assemblée générale', ministerial_council: 'le conseil ministériel compétent', other: 'l’instance compétente' },
  actionsIntro: 'Actions de suivi :',
  action: ({ description, responsible, due }) => `${description} — responsable : ${responsible}${due ? ` — échéance : ${due}` : ''}`,
  closing: ({ date, time }) => `La session a été close le ${date} à ${time}.`,
  nextSession: (decision) => `La date et le lieu de la prochaine session ont été fixés par la ${decision.charAt(0).toLowerCase()}${decision.slice(1)}.`,
  sealed: (fp) => `Empreinte du sceau : ${fp}`,
  corrigendaIntro: 'Les rectificatifs suivants ont été apportés au présent procès-verbal après son adoption :',
  corrigendum: ({ number, decision, date }) =>
    `Rectificatif n° ${number}${decision ? ` (à la ${decision.charAt(0).toLowerCase()}${decision.slice(1)})` : ''}, du ${date} :`,
  corrigendumReason: 'Motif : ',
  attendance: { delegation: 'Délégation', arrival: 'Arrivée', departure: 'Départ', throughout: 'jusqu’à la fin', absent: 'absente' },
  register: { number: 'Numéro', item: 'Point', adoption: 'Adoption', reservations: 'Réserves', referral: 'Renvoi' },
  followUp: {
    intro: 'Le Secrétariat a rendu compte de la mise en œuvre des décisions des sessions précédentes :',
    session: 'Session',
    decision: 'Décision',
    action: 'Action',
    responsible: 'Responsable',
    due: 'Échéance',
    status: 'État',
    update: 'Dernière information',
    empty: 'Aucune action des sessions précédentes ne reste ouverte.',
  },
  actionStatus: { open: 'non commencée', in_progress: 'en cours', done: 'réalisée', cancelled: 'annulée' },
  votesSummary: { number: 'N°', item: 'Point', sitting: 'Séance', tally: 'Pour / Contre / Abst.', rule: 'Règle', result: 'Résultat' },
  ...votesFr,
};

/** The speakers' list in the minutes (src/minutes/build-speakers.ts): who took the floor, in order. */
export const floorWordingFr = {
  secretariat: 'le Secrétariat',
  directorGeneral: 'le Directeur général',
  secondRound: (name: string) => `${name} (à nouveau)`,
  tookTheFloor: (names: string[]) =>
    `Ont pris la parole, dans l'ordre : ${names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}` : names[0]}.`,
};
