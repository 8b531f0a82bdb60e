// `council translations export SESSION --lang en|fr [--from ar|en|fr] --out FILE.xlf` (--from: the texts
// typed in that language, Arabic by default: XLIFF has one source language per file) and
// `council translations import SESSION FILE.xlf [--lang en|fr]`: the texts to translate as XLIFF 2.0 for a
// translator's tool, and the translated file back (checked; refused as a whole, naming the units, when it
// does not match the record).
import fs from 'node:fs';
import path from 'node:path';
import { resolveSession } from '../../minutes/load-record';
import { exportXliff, importXliff } from '../../translations/xliff';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError, flagValue } from '../registry';

const language = (v: string | undefined): 'en' | 'fr' | undefined => {
  if (v === undefined) return undefined;
  if (v !== 'en' && v !== 'fr') throw new UsageError('--lang: en or fr (the original is Arabic)');
  return v;
};

const source = (v: string | undefined): 'ar' | 'en' | 'fr' | undefined => {
  if (v === undefined) return undefined;
  if (v !== 'ar' && v !== 'en' && v !== 'fr') throw new UsageError('--from: ar, en or fr (the language the texts were typed in)');
  return v;
};

export async function runTranslations(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const [verb, ref, file, ...rest] = args.positionals;
  if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (verb === 'export') {
    if (!ref || file) throw new UsageError('usage: translations export SESSION --lang en|fr [--from ar|en|fr] --out FILE.xlf');
    const lang = language(flagValue(args, 'lang', true))!;
    const from = source(flagValue(args, 'from'));
    if (from === lang) throw new UsageError('--from: the texts typed in a language are not translated into it; choose another --lang');
    const out = flagValue(args, 'out', true);
    const { ctx } = await open();
    const r = await exportXliff(ctx, { sessionId: await resolveSession(ctx.db, ref), language: lang, ...(from ? { sourceLanguage: from } : {}) });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const tmp = `${out}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, r.xliff, 'utf8');
    fs.renameSync(tmp, out);
    io.out(`wrote ${out} (${r.units} texts to translate into ${lang})`);
    return 0;
  }
  if (verb === 'import') {
    if (!ref || !file) throw new UsageError('usage: translations import SESSION FILE.xlf [--lang en|fr]');
    if (args.flags.has('out') || args.flags.has('from')) throw new UsageError(`--${args.flags.has('out') ? 'out' : 'from'} is for export`);
    if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const lang = language(flagValue(args, 'lang'));
    const { ctx } = await open();
    const r = await importXliff(ctx, { sessionId: await resolveSession(ctx.db, ref), xliff: fs.readFileSync(file, 'utf8'), ...(lang ? { language: lang } : {}) });
    io.out(`imported ${file}: ${r.updated} translations into ${r.language} written, ${r.unchanged} unchanged, ${r.empty} left untranslated`);
    return 0;
  }
  throw new UsageError('translations export ... or translations import ...');
}
