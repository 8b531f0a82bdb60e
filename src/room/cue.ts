// The hall's cues that are not the record: which agenda item the secretary has on screen, and a roll
// call as it is being entered (the record is written once, by votes.record). Kept in memory per session:
// after a restart the display falls back to the item where the floor was last given. The roll call
// itself is read from the stored open roll call first (display.ts); this cue is only its fallback.
import type { BallotChoice } from '../votes/types';

export interface RollCallCue {
  motionId: string;
  sittingId: string;
  at: string;
  ballots: Map<string, BallotChoice>;
}

interface Cue {
  agendaItemId: string | null;
  rollCall: RollCallCue | null;
}

const cues = new Map<string, Cue>();

export function cueOf(sessionId: string): Cue {
  let cue = cues.get(sessionId);
  if (!cue) {
    cue = { agendaItemId: null, rollCall: null };
    cues.set(sessionId, cue);
  }
  return cue;
}

/** Every session's cue (a recorded vote clears its roll call wherever it was shown). */
export function cueList(): Cue[] {
  return [...cues.values()];
}
