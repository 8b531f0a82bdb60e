// The minutes' wording for sittings, attendance and quorum (issue 9): each sitting's opening and closing,
// arrivals, departures and returns at their times, the quorum lost and restored, absent states, each
// sitting's head of delegation, the attendance annex's intervals. One implementation per language
// (minutes-attendance-ar/en/fr.ts). Numbers and times arrive formatted. States arrive in their "of" form
// (French "du Maroc"), as for MinutesWording. Pure.
import type { Language } from '../settings/schema';
import { attendanceAr } from './minutes-attendance-ar';
import { attendanceEn } from './minutes-attendance-en';
import { attendanceFr } from './minutes-attendance-fr';

export interface QuorumFacts {
  time: string;
  present: string;
  members: string;
  required: string;
}

export interface AttendanceWording {
  /** Heading of the section that tells each sitting (replaces the session's opening heading). */
  sittingsHeading: string;
  /** A sitting's sub-heading: "The second sitting — 13 November 2024". */
  sittingHeading(sitting: string, date: string): string;
  /** A sitting after the first one opening. */
  sittingOpened(p: { sitting: string; date: string; time: string; chair: string | null; chairName: string | null }): string;
  /** Members present when the sitting opened (names joined), or none. */
  presentAtOpening(states: string): string;
  noneAtOpening: string;
  /** A head of delegation other than the usual one at this sitting; the name goes in the HOLE. */
  headAtSitting(state: string, hole: string): string;
  arrived(state: string, time: string): string;
  left(state: string, time: string): string;
  returned(state: string, time: string): string;
  quorumLost(p: QuorumFacts): string;
  quorumRestored(p: QuorumFacts): string;
  /** The quorum reached for the first time during a sitting that opened without it. */
  quorumReached(p: QuorumFacts): string;
  /** A sitting other than the last ends (the last one's end is the session's closing). */
  sittingClosed(p: { sitting: string; time: string }): string;
  /** Member states that had no delegation in the room at any sitting of the session. */
  absentStates(states: string): string;
  allRepresented: string;
  /** In the delegations table: the head at a given sitting. */
  headFor(sitting: string): string;
  /** Attendance annex: the column of intervals, an interval, its open end. */
  presence: string;
  interval(from: string, to: string): string;
  endOfSitting: string;
  /** "A, B and C" */
  list(items: string[]): string;
}

const wordings: Record<Language, AttendanceWording> = { ar: attendanceAr, en: attendanceEn, fr: attendanceFr };

export function attendanceWording(lang: Language): AttendanceWording {
  return wordings[lang];
}

