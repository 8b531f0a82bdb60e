// What the minutes are built from: one session's rows (the same shape as the session bundle), the
// organisation's settings, and the follow-up of earlier sessions' actions. Pure types.
import type { MemberStateRow, SessionRecordRows } from '../bundle/schema';
import type { OrganisationSettings } from '../settings/schema';
import type { FrenchArticle } from '../rules/french-names';
import type { CorrigendumInput } from './model';

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

/** An action item decided at an earlier session, as the follow-up annex reports it. */
export interface FollowUpAction {
  actionId: string;
  sessionKind: 'ordinary' | 'extraordinary';
  sessionNumber: number;
  decisionNumber: { ar: string; en: string; fr: string } | null;
  description: string;
  responsibleKind: 'secretariat_unit' | 'member_state';
  responsibleUnit: string;
  responsibleState: { ar: string; en: string; fr: string } | null;
  dueDate: string | null;
  status: ActionStatus;
  latestUpdate: { at: string; text: string; status: ActionStatus; textEn?: string; textFr?: string } | null;
  /** Translations (migration 0018); absent = none. */
  descriptionEn?: string;
  descriptionFr?: string;
  responsibleUnitEn?: string;
  responsibleUnitFr?: string;
}

/** A working document of the session (src/working-documents), without its bytes. */
export interface WorkingDocumentEntry {
  agendaItemId: string;
  symbol: string;
  language: 'ar' | 'en' | 'fr';
  version: number;
  title: string;
}

export interface MinutesRecord {
  settings: OrganisationSettings;
  rows: SessionRecordRows;
  followUp: FollowUpAction[];
  /** The session's corrigenda, by number (none before the minutes are approved). */
  corrigenda?: CorrigendumInput[];
  /** French articles set for member states by ISO code (states added by users; see rules/french-names.ts). */
  frenchArticles?: Record<string, FrenchArticle>;
  /**
   * The council's member states (active ones, and any the session's delegations name), so the minutes
   * can name those absent from the whole session. Without it no absent state is named.
   */
  memberStates?: MemberStateRow[];
  /** The working documents attached to the agenda items, by symbol, language and version. */
  workingDocuments?: WorkingDocumentEntry[];
}
