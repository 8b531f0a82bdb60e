// Fixed wording of the session's documents other than the minutes (decisions, follow-up report,
// annotated agenda, list of documents), one implementation per language (documents-ar/en/fr.ts). The
// minutes' own wording (minutes-*.ts) is reused for what both say (decision numbers, reservations...). Pure.
import type { Language } from '../settings/schema';
import { documentsAr } from './documents-ar';
import { documentsEn } from './documents-en';
import { documentsFr } from './documents-fr';

export interface DocumentsWording {
  /** The line above the session's title, for each kind of paper. */
  decisionsOf: string;
  followUpOf: string;
  agendaOf: string;
  documentsListOf: string;
  /** Under the title of the decisions: what the document is. */
  decisionsIntro(count: string): string;
  noDecisions: string;
  /** The follow-up report prepared after the session for the next one. */
  followUpIntro: string;
  followUpEmpty: string;
  overdue: string;
  agendaIntro: string;
  presenter: string;
  documents: string;
  noDocuments: string;
  documentsListIntro: string;
  documentTable: { symbol: string; item: string; title: string };
  /** Working documents stored with the session: their table's headings, language names, version. */
  workingTable: { symbol: string; item: string; title: string; language: string; version: string };
  languageName: { ar: string; en: string; fr: string };
  version(n: string): string;
  /** The minutes' annex listing them. */
  annexDocuments: string;
  /** The convocation letter to member states. */
  convocationOf: string;
  letterDate(date: string): string;
  addressee: string;
  convocationBody(venue: string, dates: string): string;
  convocationAgenda: string;
  closingCourtesy: string;
  sender: string;
}

const byLanguage: Record<Language, DocumentsWording> = { ar: documentsAr, en: documentsEn, fr: documentsFr };

export function documentsWording(lang: Language): DocumentsWording {
  return byLanguage[lang];
}
