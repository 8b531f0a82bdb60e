// Fixed wording of the minutes, one implementation per language (minutes-ar/en/fr.ts). Numbers and dates
// arrive already formatted (digits as the organisation chooses). Pure.
import type { Language } from '../settings/schema';
import { minutesAr } from './minutes-ar';
import { minutesEn } from './minutes-en';
import { minutesFr } from './minutes-fr';
import type { VoteWording } from './minutes-votes';

export type Choice = 'yes' | 'no' | 'abstain' | 'not_participating';
export type ActionStatusWord = 'open' | 'in_progress' | 'done' | 'cancelled';
export type MotionStatusWord = 'proposed' | 'adopted' | 'rejected' | 'withdrawn' | 'deferred' | 'referred';
export type SpeakerKind = 'delegation' | 'observer' | 'chair' | 'secretariat';

/**
 * A state or delegation after "delegation of" (opening's chair, lateArrival, speakerLabel of a delegation,
 * delegationOf, reservation) arrives in its "of" form: French has its "de" contracted with the article
 * ("du Maroc", "de l’Égypte", rules/french-names.ts); the other languages get the bare name.
 */
export interface MinutesWording extends VoteWording {
  lang: Language;
  dir: 'rtl' | 'ltr';
  /** The line above the session's title (rules/session-title.ts): "محضر اجتماعات", "Minutes of the"... */
  minutesOf: string;
  venue(city: string, country: string): string;
  dates(gregorian: string, hijri: string | null): string;
  sittingName(n: number, num: (n: number) => string): string;
  draft: string;
  /** The mark of a session imported from a .zip whose seal did not verify (in place of the draft mark). */
  unverifiedCopy: string;
  footer: string;
  toc: string;
  untranslated: string;
  none: string;
  headings: {
    opening: string;
    participation: string;
    agendaAdoption: string;
    items: string;
    closing: string;
    signatures: string;
    annexes: string;
    annexAttendance: string;
    annexAgenda: string;
    annexDecisions: string;
    annexFollowUp: string;
    annexVotes: string;
    /** Corrections made after the minutes were approved (src/corrigenda), printed in a later version. */
    corrigenda: string;
  };
  annex(n: string, title: string): string;
  opening(p: { date: string; time: string; chair: string | null; chairName: string | null }): string;
  quorum(p: { present: string; members: string; required: string; met: boolean }): string;
  quorumRule(rule: string): string;
  delegationsIntro(count: string): string;
  delegationTable: { state: string; head: string; members: string; credentials: string };
  credentialsReceived(date: string): string;
  credentialsMissing: string;
  /** Between the date received and the authority that issued them (its name follows, as typed). */
  credentialsIssuedBy: string;
  lateArrival(state: string, time: string, sitting: string): string;
  observersIntro: string;
  secretariatIntro: string;
  agendaAdopted(p: { sitting: string; date: string; asAmended: boolean }): string;
  agendaNotAdopted: string;
  item(n: string, title: string): string;
  presentedBy(presenter: string, documents: string | null): string;
  /** nothingRecorded: an item discussed with nothing on record under it (any other business, say). */
  itemStatus: { deferred: string; withdrawn: string; pending: string; nothingRecorded: string };
  interventions: string;
  speakerLabel(kind: SpeakerKind, name: string): string;
  delegationOf(state: string): string;
  motion: string;
  amendment: string;
  majorityRule(rule: string): string;
  rollCall: { caption(n: string): string; state: string; vote: string; choice: Record<Choice, string> };
  decision(number: string): string;
  adoptedBy: { consensus: string; vote: string };
  referralBody: { general_assembly: string; ministerial_council: string; other: string };
  actionsIntro: string;
  action(p: { description: string; responsible: string; due: string | null }): string;
  closing(p: { date: string; time: string }): string;
  nextSession(decision: string): string;
  sealed(fingerprint: string): string;
  corrigendaIntro: string;
  /** "Corrigendum No. 2 (to Decision X), 3 March 2025:" — decision already worded by `decision()`. */
  corrigendum(p: { number: string; decision: string | null; date: string }): string;
  corrigendumReason: string;
  attendance: { delegation: string; arrival: string; departure: string; throughout: string; absent: string };
  register: { number: string; item: string; adoption: string; reservations: string; referral: string };
  followUp: {
    intro: string;
    session: string;
    decision: string;
    action: string;
    responsible: string;
    due: string;
    status: string;
    update: string;
    empty: string;
  };
  actionStatus: Record<ActionStatusWord, string>;
  votesSummary: { number: string; item: string; sitting: string; tally: string; rule: string; result: string };
}

const wordings: Record<Language, MinutesWording> = { ar: minutesAr, en: minutesEn, fr: minutesFr };

export function minutesWording(lang: Language): MinutesWording {
  return wordings[lang];
}
