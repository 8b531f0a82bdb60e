// What the hall display shows: everything the room may read, nothing it may not (no draft note, no
// control). Names come in the three languages; the display picks the session's or the one asked for.
import type { AgendaTitle } from '../agenda/types';
import type { QuorumStatus } from '../quorum/types';
import type { LocalizedText } from '../sessions/types';
import type { SpeakerEntry } from '../speakers/types';
import type { BallotChoice } from '../votes/types';

export interface HallRollCallEntry {
  rollOrder: number;
  memberStateId: string;
  name: LocalizedText;
  /** null: not yet called (or not yet answered). */
  choice: BallotChoice | null;
}

export interface HallState {
  /** The core's clock when the state was read: the display counts the speaker's time from it. */
  at: string;
  session: { id: string; title: LocalizedText; languages: ('ar' | 'en' | 'fr')[] };
  sitting: { id: string; number: number } | null;
  item: { id: string; number: string; title: AgendaTitle } | null;
  speaking: SpeakerEntry | null;
  next: SpeakerEntry[];
  quorum: QuorumStatus | null;
  /** A roll call under way on the screen. */
  rollCall: { motionId: string; motionText: LocalizedText; entries: HallRollCallEntry[] } | null;
  /** The last vote on the item: its result as the minutes state it, and the decision's number. */
  result: { motionId: string; phrase: LocalizedText; decisionNumber: LocalizedText | null } | null;
}

/** How the host opened the display. */
export interface HallOpened {
  /** Electron: the window is open (on the second screen when there is one). */
  opened: boolean;
  /** The browser host: the page's address, to open in a tab or on another screen (carries the token). */
  url?: string;
  /** The display it went to ('external' when a second screen was found). */
  screen?: 'external' | 'primary';
}
