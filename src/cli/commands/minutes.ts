import fs from 'node:fs';
import path from 'node:path';
import { generateMinutesDocx, generateMinutesHtml } from '../../minutes/generate';
import { loadSettings, resolveSession } from '../../minutes/load-record';
import { minutesTimeZone, isTimeZone } from '../../rules/time-zone';
import { languageSchema } from '../../settings/schema';
import { flagValue, onePositional, registerCommand, UsageError } from '../registry';

registerCommand({
  name: 'minutes',
  summary: 'write the minutes of a session as Word (.docx) or HTML (.html)',
  usage: 'minutes <session> --lang ar|en|fr --out FILE.docx [--tz ZONE] [--toc-pages]',
  flags: { lang: true, out: true, tz: true, draft: false, 'toc-pages': false },
  opensDatabase: true,
  async run(args, io, open) {
    const ref = onePositional(args, 'session (an id, ordinary:66 or 66)');
    const out = flagValue(args, 'out', true);
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.docx' && ext !== '.html') throw new UsageError(`--out must end in .docx or .html: ${out}`);
    const langArg = flagValue(args, 'lang');
    const lang = langArg === undefined ? undefined : languageSchema.safeParse(langArg);
    if (lang && !lang.success) throw new UsageError(`--lang must be ar, en or fr: ${langArg}`);
    const tzFlag = flagValue(args, 'tz');
    if (tzFlag !== undefined && !isTimeZone(tzFlag)) throw new UsageError(`--tz is not a time zone: ${tzFlag}`);
    const { ctx } = await open();
    const sessionId = await resolveSession(ctx.db, ref);
    // --tz first, then the venue's zone stored on the session, then this computer's zone.
    const session = await ctx.db.selectFrom('councilSession').select('timeZone').where('id', '=', sessionId).executeTakeFirstOrThrow();
    const timeZone = minutesTimeZone(tzFlag, session.timeZone);
    const language = lang?.data ?? (await loadSettings(ctx.db)).defaultLanguage;
    const options = { lang: language, timeZone, ...(args.flags.has('draft') ? { approved: false } : {}) };
    const content = ext === '.docx' ? await generateMinutesDocx(ctx, sessionId, { ...options, tocPageNumbers: args.flags.has('toc-pages') }) : await generateMinutesHtml(ctx, sessionId, options);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const tmp = `${out}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, out);
    io.out(`wrote ${out} (${language}, ${typeof content === 'string' ? Buffer.byteLength(content) : content.length} bytes)`);
    return 0;
  },
});
