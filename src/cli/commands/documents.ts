import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_KINDS, generateDocumentDocx, generateDocumentHtml, isDocumentKind } from '../../documents/generate';
import { loadSettings, resolveSession } from '../../minutes/load-record';
import { isTimeZone } from '../../rules/time-zone';
import { languageSchema } from '../../settings/schema';
import { flagValue, registerCommand, UsageError } from '../registry';

registerCommand({
  name: 'document',
  summary: `write a session document as Word (.docx) or HTML (.html): ${DOCUMENT_KINDS.join(', ')}`,
  usage: `document ${DOCUMENT_KINDS.join('|')} <session> --lang ar|en|fr --out FILE.docx [--tz ZONE]`,
  flags: { lang: true, out: true, tz: true },
  opensDatabase: true,
  async run(args, io, open) {
    const [kind, ref, ...rest] = args.positionals;
    if (!kind || !isDocumentKind(kind)) throw new UsageError(`the document kind must be one of ${DOCUMENT_KINDS.join(', ')}: ${kind ?? '(none)'}`);
    if (!ref || rest.length) throw new UsageError('expected the document kind and one session (an id, ordinary:66 or 66)');
    const out = flagValue(args, 'out', true);
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.docx' && ext !== '.html') throw new UsageError(`--out must end in .docx or .html: ${out}`);
    const langArg = flagValue(args, 'lang');
    const lang = langArg === undefined ? undefined : languageSchema.safeParse(langArg);
    if (lang && !lang.success) throw new UsageError(`--lang must be ar, en or fr: ${langArg}`);
    const tz = flagValue(args, 'tz');
    if (tz !== undefined && !isTimeZone(tz)) throw new UsageError(`--tz is not a time zone: ${tz}`);
    const { ctx } = await open();
    const sessionId = await resolveSession(ctx.db, ref);
    const language = lang?.data ?? (await loadSettings(ctx.db)).defaultLanguage;
    const options = { lang: language, ...(tz ? { timeZone: tz } : {}) };
    const content = ext === '.docx' ? await generateDocumentDocx(ctx, kind, sessionId, options) : await generateDocumentHtml(ctx, kind, sessionId, options);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const tmp = `${out}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, out);
    io.out(`wrote ${out} (${kind}, ${language}, ${typeof content === 'string' ? Buffer.byteLength(content) : content.length} bytes)`);
    return 0;
  },
});
