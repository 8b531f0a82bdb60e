// Which actions the follow-up report prepared after a session lists: the report of the session that
// follows (src/actions/report.ts). When that session is in the database, it is exactly its report (with
// what was reported at it); before it exists, the same rules (followUpEntry) for a session opening the
// day after this one ends: an action decided at this session or an earlier one is listed unless it was
// closed before this session ended, with the newest known status and update.
import { sql } from 'kysely';
import { inTransaction, type CoreContext } from '../core/context';
import { followUpEntry, followUpReport } from '../actions/report';
import type { FollowUpEntry } from '../actions/types';
import { actionQuery, toActionViews } from '../actions/views';

/** The day after `date` (YYYY-MM-DD). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function followUpForNextSession(ctx: CoreContext, sessionId: string): Promise<FollowUpEntry[]> {
  const s = await ctx.db.selectFrom('councilSession').select(['id', 'startDate', 'endDate']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  const held = await ctx.db
    .selectFrom('councilSession')
    .select('id')
    .where('startDate', '>', s.startDate)
    .orderBy('startDate')
    .orderBy('number')
    .executeTakeFirst();
  if (held) return (await followUpReport(ctx, { sessionId: held.id })).entries;
  return inTransaction(ctx, async (tx) => {
    // The next session, not yet held: it opens after this one ends; every update known so far is shown.
    const next = { id: '', startDate: dayAfter(s.endDate), endDate: '9999-12-31' };
    const rows = await actionQuery(tx)
      .where('s.startDate', '<=', s.startDate)
      .orderBy('s.startDate')
      .orderBy('s.number')
      .orderBy((eb) => eb.fn.coalesce('d.serial', eb.lit(1_000_000)))
      .orderBy('a.createdAt')
      .orderBy(sql`a.rowid`)
      .execute();
    return (await toActionViews(tx, rows)).map((a) => followUpEntry(a, next)).filter((e): e is FollowUpEntry => e !== null);
  });
}
