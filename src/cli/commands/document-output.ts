// What the commands that write a document (minutes, document) share: the --out, --lang and --tz flags,
// checked before the database is opened, and a write that never leaves half a file behind.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../core/context';
import { loadSettings } from '../../minutes/load-record';
import { isTimeZone } from '../../rules/time-zone';
import { languageSchema, type Language } from '../../settings/schema';
import { flagValue, UsageError, type ParsedArgs } from '../registry';

export interface DocumentFlags {
  out: string;
  format: 'docx' | 'html';
  /** --lang, when given; else the settings' default language (see `language`). */
  lang: Language | undefined;
  tz: string | undefined;
}

export function documentFlags(args: ParsedArgs): DocumentFlags {
  const out = flagValue(args, 'out', true);
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.docx' && ext !== '.html') throw new UsageError(`--out must end in .docx or .html: ${out}`);
  const langArg = flagValue(args, 'lang');
  const lang = langArg === undefined ? undefined : languageSchema.safeParse(langArg);
  if (lang && !lang.success) throw new UsageError(`--lang must be ar, en or fr: ${langArg}`);
  const tz = flagValue(args, 'tz');
  if (tz !== undefined && !isTimeZone(tz)) throw new UsageError(`--tz is not a time zone: ${tz}`);
  return { out, format: ext === '.docx' ? 'docx' : 'html', lang: lang?.data, tz };
}

/** The language asked for, else the one the settings name as the default. */
export async function documentLanguage(db: Db, flags: DocumentFlags): Promise<Language> {
  return flags.lang ?? (await loadSettings(db)).defaultLanguage;
}

/** Written beside the target, then renamed over it: a failure leaves no half-written document. Its size. */
export function writeDocument(out: string, content: Buffer | string): number {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, out);
  return typeof content === 'string' ? Buffer.byteLength(content) : content.length;
}
