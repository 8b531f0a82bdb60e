// The record invariants over a stored database (for `council check`): each session's rows loaded as a bundle
// carries them, checked by the bundle schema (text, dates, instants) and by rules/invariants, every
// violation named by session and field. Reads only.
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema';
import { loadSessionRows } from '../minutes/load-record';
import { recordViolations } from '../rules/invariants/record';
import { checkBundleReferences } from './check';
import { sessionRecordRowsSchema } from './schema';

export interface StoredViolation {
  session: string;
  field: string;
  rule: string;
  message: string;
}

export async function storedRecordViolations(db: Kysely<Database>): Promise<StoredViolation[]> {
  const sessions = await db.selectFrom('councilSession').select(['id', 'kind', 'number']).orderBy('kind').orderBy('number').execute();
  const out: StoredViolation[] = [];
  for (const s of sessions) {
    const session = `${s.kind}:${s.number}`;
    const rows = await loadSessionRows(db, s.id);
    const parsed = sessionRecordRowsSchema.safeParse(rows);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        const params = (issue as { params?: { rule?: unknown } }).params;
        out.push({ session, field, rule: typeof params?.rule === 'string' ? params.rule : 'schema', message: `${field}: ${issue.message}` });
      }
    }
    // The domain rules run on the rows as stored, whatever their text holds.
    try {
      checkBundleReferences(rows);
    } catch (err) {
      const e = err as { field?: string; message: string };
      out.push({ session, field: e.field ?? '', rule: 'reference', message: e.message });
    }
    for (const v of recordViolations(rows)) out.push({ session, field: v.field, rule: `rule.${v.rule}`, message: v.message });
  }
  return out;
}
