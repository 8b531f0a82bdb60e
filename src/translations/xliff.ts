// Export of a session's texts to translate as XLIFF 2.0, and import of the translated file, checked unit by
// unit before anything is written: the file must be this session's, for the language asked, every unit id
// known, every source as exported and the record's original unchanged since (SHA-256), no markup or
// placeholder lost. Any mismatch refuses the whole file (TranslationFileError listing each unit).
import { inTransaction, nowIso, recordAudit, type CoreContext } from '../core/context';
import type { IssueCode } from '../errors';
import { validate } from '../errors/validate';
import { textProblem, textProblemMessage } from '../rules/text';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { TranslationFileError, fileError } from './errors';
import { fieldByKey, type TargetLanguage } from './registry';
import { exportXliffSchema, importXliffSchema } from './schema';
import { sessionEntries, sha256, writeTranslation } from './store';
import type { TranslationEntry, XliffFile, XliffImportResult } from './types';
import { buildXliff, markupTokens, readXliff } from './xliff-format';
import { isXmlChar } from './xml';

export { sha256 };

/** Texts sent in one file: those whose original is in the file's source language (XLIFF has one per file). */
const sendable = (srcLang: string) => (e: TranslationEntry) => e.originalLanguage === srcLang;
type SourceLanguage = TranslationEntry['originalLanguage'];

function xmlProblem(text: string): number | null {
  for (const ch of text) if (!isXmlChar(ch.codePointAt(0)!)) return ch.codePointAt(0)!;
  return null;
}

export async function exportXliff(ctx: CoreContext, input: unknown): Promise<XliffFile> {
  const data = validate(exportXliffSchema, input);
  return inTransaction(ctx, async (tx) => {
    const session = await requireSession(tx, data.sessionId);
    const srcLang: SourceLanguage = data.sourceLanguage ?? 'ar';
    const entries = (await sessionEntries(tx, data.sessionId, data.language)).filter(sendable(srcLang));
    for (const e of entries) {
      const bad = xmlProblem(e.original) ?? xmlProblem(e.translation);
      if (bad !== null) throw new TranslationFileError([{ unitId: e.unitId, code: 'xliff_unreadable', message: `the text holds U+${bad.toString(16).toUpperCase()}, which XML cannot carry; correct it first` }]);
    }
    const xliff = buildXliff({
      sessionId: session.id,
      srcLang,
      trgLang: data.language,
      exportedAt: nowIso(ctx),
      units: entries.map((e) => ({ unitId: e.unitId, label: e.label.en, source: e.original, target: e.translation, sourceSha256: sha256(e.original) })),
    });
    const from = srcLang === 'ar' ? '' : `-from-${srcLang}`;
    return { fileName: `session-${session.kind}-${session.number}${from}-${data.language}.xlf`, xliff, units: entries.length };
  });
}

export async function importXliff(ctx: CoreContext, input: unknown): Promise<XliffImportResult> {
  const data = validate(importXliffSchema, input);
  const doc = readXliff(data.xliff);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, data.sessionId);
    if (doc.sessionId !== data.sessionId) throw fileError('xliff_wrong_session', `the file was exported from another session (${doc.sessionId ?? 'none named'})`);
    const language = doc.trgLang as TargetLanguage;
    if (!['en', 'fr'].includes(doc.trgLang) || doc.exportLanguage !== doc.trgLang || (data.language && data.language !== doc.trgLang)) {
      throw fileError('xliff_wrong_language', `the file's target language is ${doc.trgLang || 'not given'}${doc.exportLanguage && doc.exportLanguage !== doc.trgLang ? ` but it was exported for ${doc.exportLanguage}` : ''}${data.language ? `; ${data.language} was expected` : ''}`);
    }
    if (!['ar', 'en', 'fr'].includes(doc.srcLang) || doc.srcLang === doc.trgLang) {
      throw fileError('xliff_wrong_language', `the file's source language is ${doc.srcLang || 'not given'}, not ar, en or fr other than the target`);
    }
    // Only the texts typed in the file's source language are its units: a unit of another is unknown.
    const known = new Map((await sessionEntries(tx, data.sessionId, language)).filter(sendable(doc.srcLang)).map((e) => [e.unitId, e]));
    const problems: { unitId: string | null; code: IssueCode; message: string }[] = [];
    const seen = new Set<string>();
    const writes: { entry: TranslationEntry; text: string }[] = [];
    let empty = 0;
    for (const u of doc.units) {
      const refuse = (code: IssueCode, message: string) => problems.push({ unitId: u.unitId, code, message });
      const entry = known.get(u.unitId);
      if (seen.has(u.unitId)) refuse('xliff_duplicate_unit', 'the unit appears twice in the file');
      else if (!entry) refuse('xliff_unknown_unit', 'no such text in this session (an id the app never exported, or a text deleted since)');
      else if (u.inlineMarkup) refuse('xliff_inline_markup', 'the unit holds inline codes (<ph>, <pc>...) that the record cannot keep; translate the text only');
      else if (!u.sourceSha256 || sha256(u.source) !== u.sourceSha256) refuse('xliff_source_edited', 'the source text in the file is not the one exported (it was edited)');
      else if (u.sourceSha256 !== sha256(entry.original)) refuse('xliff_source_changed', 'the original text changed in the record since the export; export again');
      else if (u.target === null || !u.target.trim()) empty++;
      else {
        const tp = textProblem(u.target);
        if (tp) refuse('invalid', `the translation breaks the text rule: ${textProblemMessage(tp)}`);
        else if (markupTokens(u.target).join('\u0001') !== markupTokens(u.source).join('\u0001')) {
          refuse('xliff_markup_lost', `the translation does not keep the source's markup, placeholders or paragraphs (${markupTokens(u.source).join(' ')})`);
        } else writes.push({ entry, text: u.target });
      }
      seen.add(u.unitId);
    }
    if (problems.length) throw new TranslationFileError(problems);
    let updated = 0;
    for (const { entry, text } of writes) {
      if (entry.translation === text && !entry.stale) continue;
      const field = fieldByKey(entry.field)!;
      await writeTranslation(tx, field, entry.id, language, text, entry.original);
      await recordAudit(ctx, tx, {
        action: 'translation.import',
        entity: field.table,
        entityId: entry.id,
        sessionId: data.sessionId,
        before: { field: field.key, language, text: entry.translation },
        after: { field: field.key, language, text },
      });
      updated++;
    }
    return { language, updated, unchanged: writes.length - updated, empty };
  });
}
