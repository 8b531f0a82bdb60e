// Reading and writing the translatable texts of one session, table by table as the registry says.
// Column names come from the registry (never from input), so the dynamic queries below are closed.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../core/context';
import { NotFoundError } from '../errors';
import { sourceColumn, translatableFields, type TargetLanguage, type TranslatableField } from './registry';
import type { TranslationEntry } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type RowData = Record<string, unknown>;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const unitIdOf = (field: TranslatableField, rowId: string) => `${field.key}:${rowId}`;

const keyOf = (f: TranslatableField) => f.idColumn ?? 'id';

function entry(f: TranslatableField, row: RowData, language: TargetLanguage): TranslationEntry | null {
  const original = String(row[f.original] ?? '');
  if (!original.trim()) return null;
  if (f.skipWhen && row[f.skipWhen.column] === f.skipWhen.value) return null;
  const originalLanguage = (f.languageColumn ? String(row[f.languageColumn]) : 'ar') as TranslationEntry['originalLanguage'];
  if (originalLanguage === language) return null;
  const id = String(row[keyOf(f)]);
  const translation = String(row[f[language]] ?? '');
  // Stale: the translation was made from another original (its source's hash is known and differs).
  const madeFrom = String(row[sourceColumn(f, language)] ?? '');
  const stale = Boolean(translation.trim()) && madeFrom !== '' && madeFrom !== sha256(original);
  return { unitId: unitIdOf(f, id), field: f.key, id, label: f.label, original, originalLanguage, language, translation, stale };
}

async function rowsOf(tx: Tx, f: TranslatableField, sessionId: string): Promise<RowData[]> {
  const db = tx as Loose;
  if (f.table === 'actionUpdate') {
    // An update belongs to the session it was reported at, or else to its action's session.
    return db
      .selectFrom('actionUpdate as u')
      .innerJoin('actionItem as a', 'a.id', 'u.actionItemId')
      .selectAll('u')
      .where(sql`coalesce(u.reported_at_session_id, a.session_id)`, '=', sessionId)
      .orderBy('u.at')
      .orderBy('u.id')
      .execute();
  }
  return db.selectFrom(f.table).selectAll().where('sessionId', '=', sessionId).orderBy(sql`rowid`).execute();
}

/** Every text of the session that has a form to fill in `language`, in the registry's order. */
export async function sessionEntries(tx: Tx, sessionId: string, language: TargetLanguage): Promise<TranslationEntry[]> {
  const out: TranslationEntry[] = [];
  for (const f of translatableFields) {
    for (const row of await rowsOf(tx, f, sessionId)) {
      const e = entry(f, row, language);
      if (e) out.push(e);
    }
  }
  return out;
}

/** The row a translation goes on, with the session whose record it belongs to; NotFoundError naming `field`. */
export async function requireTextRow(tx: Tx, f: TranslatableField, id: string, field = 'id'): Promise<{ row: RowData; sessionId: string }> {
  const db = tx as Loose;
  const row = (await db.selectFrom(f.table).selectAll().where(keyOf(f), '=', id).executeTakeFirst()) as RowData | undefined;
  if (!row) throw new NotFoundError(field, f.label.en.toLowerCase(), id);
  if (f.table !== 'actionUpdate') return { row, sessionId: String(row.sessionId) };
  if (row.reportedAtSessionId) return { row, sessionId: String(row.reportedAtSessionId) };
  const action = (await db.selectFrom('actionItem').select('sessionId').where('id', '=', row.actionItemId).executeTakeFirst()) as { sessionId: string };
  return { row, sessionId: action.sessionId };
}

export { entry as entryOf };

/** Writes a translation with what it was made from: the SHA-256 of `original` ('' when the translation is cleared). */
export async function writeTranslation(tx: Tx, f: TranslatableField, id: string, language: TargetLanguage, text: string, original: string): Promise<void> {
  const source = text ? sha256(original) : '';
  await (tx as Loose).updateTable(f.table).set({ [f[language]]: text, [sourceColumn(f, language)]: source }).where(keyOf(f), '=', id).execute();
}
