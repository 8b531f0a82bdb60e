// The session documents' fixed wording in English. Pure.
import type { DocumentsWording } from './documents';

export const documentsEn: DocumentsWording = {
  decisionsOf: 'Decisions of the',
  followUpOf: 'Report on the follow-up of the Council’s decisions, for the session following the',
  agendaOf: 'Annotated provisional agenda of the',
  documentsListOf: 'List of documents of the',
  decisionsIntro: (count) => `At this session the Council adopted the following ${count === '1' ? 'decision' : `${count} decisions`}:`,
  noDecisions: 'No decision was adopted at this session.',
  followUpIntro: 'The Secretariat reports below on the actions decided and the status of their implementation:',
  followUpEmpty: 'No actions remain open.',
  overdue: 'overdue',
  agendaIntro: 'The provisional agenda of the session follows, with the documents for each item and who presents it:',
  presenter: 'Presented by: ',
  documents: 'Documents: ',
  noDocuments: 'No documents for this item.',
  documentsListIntro: 'The documents of the session, by agenda item:',
  documentTable: { symbol: 'Symbol', item: 'Item', title: 'Title of the item' },
  workingTable: { symbol: 'Symbol', item: 'Item', title: 'Title', language: 'Language', version: 'Version' },
  languageName: { ar: 'Arabic', en: 'English', fr: 'French' },
  version: (n) => `version ${n}`,
  annexDocuments: 'Documents of the session',
  convocationOf: 'Convocation to the',
  letterDate: (date) => `Date: ${date}`,
  addressee: 'To the heads of delegation of the member states of the Council',
  convocationBody: (venue, dates) =>
    `The Secretariat presents its compliments and has the honour to invite your country to take part in this session, to be held in ${venue}, on ${dates}. The provisional agenda of the session is attached.`,
  convocationAgenda: 'Attachment: provisional agenda',
  closingCourtesy: 'Please accept the assurances of our highest consideration.',
  sender: 'The Secretariat',
};
