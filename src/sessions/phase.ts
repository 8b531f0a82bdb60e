// The session's phase as every screen shows it, derived from the record alone (issue 11): a sitting open
// now -> in session; sittings held, all closed, minutes not yet approved (the session not locked) -> held,
// awaiting approval; locked -> approved; no sitting yet -> planned. The one place this is decided. Pure.
export type SessionPhase = 'planned' | 'in_session' | 'held' | 'approved';

export function sessionPhase(session: { lockedAt: string | null }, sittings: readonly { endsAt: string | null }[]): SessionPhase {
  if (session.lockedAt !== null) return 'approved';
  if (sittings.some((s) => s.endsAt === null)) return 'in_session';
  return sittings.length > 0 ? 'held' : 'planned';
}
