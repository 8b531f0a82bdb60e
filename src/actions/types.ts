// Views returned by the follow-up action services.
import type { LocalizedText } from '../decisions/types';

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface SessionRef {
  id: string;
  kind: 'ordinary' | 'extraordinary';
  number: number;
  startDate: string;
}

export type Responsible =
  | { kind: 'secretariat_unit'; unit: string }
  | { kind: 'member_state'; memberStateId: string; state: { isoCode: string; ar: string; en: string; fr: string } };

export interface ActionUpdate {
  id: string;
  actionItemId: string;
  at: string;
  text: string;
  /** Its English and French forms ('' until translated: migration 0018). */
  textForms: { en: string; fr: string };
  /** The action's status after this update. */
  status: ActionStatus;
  /** The session at whose follow-up report it was reported, if any. */
  reportedAt: SessionRef | null;
}

export interface ActionItem {
  id: string;
  session: SessionRef;
  decisionId: string | null;
  decisionNumber: LocalizedText | null;
  description: string;
  /** English and French forms of the description and of a secretariat unit ('' until translated). */
  forms: { description: { en: string; fr: string }; unit: { en: string; fr: string } };
  responsible: Responsible;
  dueDate: string | null;
  /** The current status. */
  status: ActionStatus;
  createdAt: string;
  /** Oldest first. */
  updates: ActionUpdate[];
  latestUpdate: ActionUpdate | null;
}

/** One line of a session's follow-up report: an action from an earlier session still open when it opened. */
export interface FollowUpEntry {
  action: ActionItem;
  /** The status when the session opened (what was still to be done). */
  statusBefore: ActionStatus;
  /** The status as reported at the session (its latest update up to and including the session). */
  statusAtReport: ActionStatus;
  /** The latest update up to and including the session; later updates are not part of this report. */
  latestUpdate: ActionUpdate | null;
  /** Due before the session opened and not done at the report. */
  overdue: boolean;
}

export interface FollowUpReport {
  session: SessionRef;
  entries: FollowUpEntry[];
}
