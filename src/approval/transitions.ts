// The life of one version of the minutes, as a pure rule: draft → circulated → approved → signed.
// A new version (a new draft) may be started while the session is unlocked, or, once it is locked, only to
// carry corrigenda recorded since the latest version.
export type MinutesStatus = 'draft' | 'circulated' | 'approved' | 'signed';

const NEXT: Record<MinutesStatus, MinutesStatus | null> = {
  draft: 'circulated',
  circulated: 'approved',
  approved: 'signed',
  signed: null,
};

/** The status a version may move to from `from`, or null at the end. */
export function nextStatus(from: MinutesStatus): MinutesStatus | null {
  return NEXT[from];
}

export function canMove(from: MinutesStatus, to: MinutesStatus): boolean {
  return NEXT[from] === to;
}

/** Why a new version cannot be started, or null when it can. */
export function newVersionRefusal(input: {
  locked: boolean;
  corrigendaCount: number;
  latestCorrigendaCount: number | null;
}): string | null {
  if (!input.locked) return null;
  if (input.corrigendaCount > (input.latestCorrigendaCount ?? 0)) return null;
  return 'the minutes are approved: a new version needs a corrigendum recorded since the latest version';
}
