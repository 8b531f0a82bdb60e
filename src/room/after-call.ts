// The dispatcher's signal to the room after every call that changed something (attendance, a vote, a
// decision...): the display re-reads its state once per action, whichever feature acted. Reads are not
// signalled. A recorded vote ends the roll call on screen, so the hall shows its result.
import { cueList } from './cue';
import { signalRoom } from './events';

/** Verbs that only read: no signal. */
const READ_VERBS = new Set([
  'get', 'list', 'at', 'presentAt', 'rollCallOrder', 'query', 'preview', 'docx', 'key', 'verify', 'open',
  'followUpReport', 'getAdoption', 'getTemplate', 'display', 'exportZip', 'openHall',
]);

/** Calls that signal by themselves, with their session (src/speakers, src/room). */
const SELF_SIGNALLING = /^(speakers\.|room\.)/;

export function afterCall(name: string, payload: unknown): void {
  if (SELF_SIGNALLING.test(name)) return;
  const verb = name.slice(name.indexOf('.') + 1);
  // 'votes.open' opens a stored roll call (not a read): the hall shows it from its first moment.
  if (READ_VERBS.has(verb) && name !== 'votes.open') return;
  if (name === 'votes.record') {
    const motionId = (payload as { motionId?: unknown } | null)?.motionId;
    if (typeof motionId === 'string') clearRollCall(motionId);
  }
  signalRoom({ sessionId: null, reason: name });
}

function clearRollCall(motionId: string): void {
  for (const cue of cueList()) if (cue.rollCall?.motionId === motionId) cue.rollCall = null;
}
