// Translations of the record: each text a secretary types carries English and French forms beside the
// original (src/translations/registry.ts). Setting one is a write to the session's record: the lock
// refuses, the text rule applies, the audit trail keeps before and after.
import { inTransaction, recordAudit, type CoreContext } from '../core/context';
import { ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { fieldByKey } from './registry';
import { listTranslationsSchema, setTranslationSchema } from './schema';
import { entryOf, requireTextRow, sessionEntries, writeTranslation } from './store';
import type { TranslationEntry, TranslationList } from './types';

export async function listTranslations(ctx: CoreContext, input: unknown): Promise<TranslationList> {
  const data = validate(listTranslationsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    const all = await sessionEntries(tx, data.sessionId, data.language);
    const missing = all.filter((e) => !e.translation.trim());
    const stale = all.filter((e) => e.stale);
    // The worklist: what has no translation, and what was translated from an original edited since.
    const worklist = all.filter((e) => !e.translation.trim() || e.stale);
    return { sessionId: data.sessionId, language: data.language, entries: data.missingOnly ? worklist : all, total: all.length, missing: missing.length, stale: stale.length };
  });
}

export async function setTranslation(ctx: CoreContext, input: unknown): Promise<TranslationEntry> {
  const data = validate(setTranslationSchema, input);
  const field = fieldByKey(data.field)!;
  // Blank is no translation: stored as '' so the worklist and the minutes see it missing.
  const text = data.text.trim() ? data.text : '';
  return inTransaction(ctx, async (tx) => {
    const { row, sessionId } = await requireTextRow(tx, field, data.id);
    await assertSessionWritable(tx, sessionId, 'id');
    const before = entryOf(field, row, data.language);
    if (!before) throw new ValidationError('language', `this text is not translated into ${data.language} (its original is in that language, or it is empty)`, 'not_translatable', { language: data.language });
    // Saving the same translation of an edited original confirms it (the review is done): its source is stamped anew.
    if (before.translation !== text || before.stale) {
      await writeTranslation(tx, field, data.id, data.language, text, before.original);
      await recordAudit(ctx, tx, {
        action: 'translation.set',
        entity: field.table,
        entityId: data.id,
        sessionId,
        before: { field: field.key, language: data.language, text: before.translation },
        after: { field: field.key, language: data.language, text },
      });
    }
    return { ...before, translation: text, stale: false };
  });
}
