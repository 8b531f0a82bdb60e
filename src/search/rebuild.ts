// Rebuilding the search index from the records: the same rows and folding as the triggers of migration
// 0011 (which keeps its own frozen copy of these statements).
import { sql } from 'kysely';
import type { Tx } from '../core/context';
import { SEARCH_SOURCES } from './sources';
import type { RebuildResult } from './types';

export async function rebuildSearchIndex(tx: Tx): Promise<RebuildResult> {
  // A plain delete: 'delete-all' exists only for contentless tables, and search_fts is an ordinary one
  // since migration 0005 (readable by SQLite before 3.43).
  await sql`delete from search_fts`.execute(tx);
  await sql`delete from search_doc`.execute(tx);
  const counts: Record<string, number> = {};
  for (const s of SEARCH_SOURCES) {
    const inserted = await sql
      .raw(
        `insert into search_doc (kind, entity_id, session_id, agenda_item_id, decision_id)
         select '${s.kind}', r.id, r.session_id, ${s.item}, ${s.decision} from ${s.table} r`,
      )
      .execute(tx);
    counts[s.kind] = Number(inserted.numAffectedRows ?? 0);
    await sql
      .raw(
        `insert into search_fts (rowid, body, variants)
         select d.id, council_search_body(${s.text}), council_search_variants(${s.text})
         from ${s.table} r join search_doc d on d.kind = '${s.kind}' and d.entity_id = r.id`,
      )
      .execute(tx);
  }
  await sql`insert into search_fts (search_fts) values ('optimize')`.execute(tx);
  return {
    agendaItems: counts.agenda_item ?? 0,
    notes: counts.note ?? 0,
    motions: counts.motion ?? 0,
    decisions: counts.decision ?? 0,
    reservations: counts.reservation ?? 0,
    referrals: counts.referral ?? 0,
    actions: counts.action ?? 0,
  };
}
