// Rebuilding the search index from the records: the same rows and folding as the triggers of migration
// 0002 (the migration keeps its own frozen copy of these statements).
import { sql } from 'kysely';
import type { Tx } from '../core/context';
import type { RebuildResult } from './types';

const SOURCES = [
  { kind: 'agenda_item', table: 'agenda_item', item: 'r.id', text: `r.title_ar || ' ' || r.title_en || ' ' || r.title_fr` },
  { kind: 'note', table: 'note', item: 'r.agenda_item_id', text: 'r.text' },
  { kind: 'motion', table: 'motion', item: 'r.agenda_item_id', text: `r.text_ar || ' ' || r.text_en || ' ' || r.text_fr` },
  {
    kind: 'decision',
    table: 'decision',
    item: 'r.agenda_item_id',
    text: `r.number_ar || ' ' || r.number_en || ' ' || r.number_fr || ' ' || r.text_ar || ' ' || r.text_en || ' ' || r.text_fr`,
  },
] as const;

export async function rebuildSearchIndex(tx: Tx): Promise<RebuildResult> {
  // A plain delete: 'delete-all' exists only for contentless tables, and search_fts is an ordinary one
  // since migration 0005 (readable by SQLite before 3.43).
  await sql`delete from search_fts`.execute(tx);
  await sql`delete from search_doc`.execute(tx);
  const counts: Record<string, number> = {};
  for (const s of SOURCES) {
    const inserted = await sql
      .raw(
        `insert into search_doc (kind, entity_id, session_id, agenda_item_id)
         select '${s.kind}', r.id, r.session_id, ${s.item} from ${s.table} r`,
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
  return { agendaItems: counts.agenda_item ?? 0, notes: counts.note ?? 0, motions: counts.motion ?? 0, decisions: counts.decision ?? 0 };
}
