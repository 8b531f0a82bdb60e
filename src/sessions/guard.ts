import { LockedSessionError, NotFoundError } from '../errors';
import type { Tx } from '../core/context';
import type { Row } from '../database/schema';

/** The session, or NotFoundError naming `field`. */
export async function requireSession(tx: Tx, sessionId: string, field = 'sessionId'): Promise<Row<'councilSession'>> {
  const row = await tx.selectFrom('councilSession').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'session', sessionId);
  return row;
}

/** Every write to a session's record passes here first: a locked session (approved minutes) refuses. */
export async function assertSessionWritable(tx: Tx, sessionId: string, field = 'sessionId'): Promise<Row<'councilSession'>> {
  const row = await requireSession(tx, sessionId, field);
  if (row.lockedAt) throw new LockedSessionError(sessionId, field);
  return row;
}
