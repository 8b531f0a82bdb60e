// Views returned by the speakers' list services.
import type { SpeakerListKind } from './schema';

export type SpeakerStatus = 'waiting' | 'speaking' | 'spoken';

export interface SpeakerEntry {
  id: string;
  sessionId: string;
  agendaItemId: string;
  kind: SpeakerListKind;
  delegationId: string | null;
  /** The delegation's name (or '' for the secretariat and the Director-General), in the three languages. */
  label: { ar: string; en: string; fr: string };
  name: string;
  /** 1..n among those waiting; 0 once the floor was given. */
  position: number;
  /** 1 for a first request on the item, 2 for the second round, ... */
  round: number;
  pointOfOrder: boolean;
  status: SpeakerStatus;
  requestedAt: string;
  sittingId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** The speaking time the settings gave when the floor was given (0 = no limit). */
  limitSeconds: number | null;
}

/** An item's list: who spoke (in the order the floor was given), who speaks, who waits (in order). */
export interface SpeakersList {
  agendaItemId: string;
  spoken: SpeakerEntry[];
  speaking: SpeakerEntry | null;
  waiting: SpeakerEntry[];
}
