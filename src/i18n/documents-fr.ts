// The session documents' fixed wording in French. Pure.
import type { DocumentsWording } from './documents';

export const documentsFr: DocumentsWording = {
  decisionsOf: 'Décisions de la',
  followUpOf: 'Rapport sur le suivi des décisions du Conseil, pour la session suivant la',
  agendaOf: 'Ordre du jour provisoire annoté de la',
  documentsListOf: 'Liste des documents de la',
  decisionsIntro: (count) => `Au cours de cette session, le Conseil a adopté ${count === '1' ? 'la décision suivante' : `les ${count} décisions suivantes`} :`,
  noDecisions: 'Aucune décision n’a été adoptée au cours de cette session.',
  followUpIntro: 'Le Secrétariat rend compte ci-après des actions décidées et de l’état de leur mise en œuvre :',
  followUpEmpty: 'Aucune action ne reste ouverte.',
  overdue: 'en retard',
  agendaIntro: 'L’ordre du jour provisoire de la session figure ci-après, avec les documents de chaque point et qui le présente :',
  presenter: 'Présenté par : ',
  documents: 'Documents : ',
  noDocuments: 'Aucun document pour ce point.',
  documentsListIntro: 'Les documents de la session, par point de l’ordre du jour :',
  documentTable: { symbol: 'Cote', item: 'Point', title: 'Intitulé du point' },
  workingTable: { symbol: 'Cote', item: 'Point', title: 'Titre', language: 'Langue', version: 'Version' },
  languageName: { ar: 'arabe', en: 'anglais', fr: 'français' },
  version: (n) => `version ${n}`,
  annexDocuments: 'Documents de la session',
  convocationOf: 'Convocation à la',
  letterDate: (date) => `Date : ${date}`,
  addressee: 'Aux chefs de délégation des États membres du Conseil',
  convocationBody: (venue, dates) =>
    `Le Secrétariat présente ses compliments et a l’honneur d’inviter votre pays à prendre part à cette session, qui se tiendra à ${venue} aux dates suivantes : ${dates}. L’ordre du jour provisoire de la session est joint.`,
  convocationAgenda: 'Pièce jointe : ordre du jour provisoire',
  closingCourtesy: 'Veuillez agréer l’assurance de notre très haute considération.',
  sender: 'Le Secrétariat',
};
