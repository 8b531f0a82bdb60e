import { generateMinutesDocx, generateMinutesHtml } from '../../minutes/generate';
import { resolveSession } from '../../minutes/load-record';
import { minutesTimeZone } from '../../rules/time-zone';
import { type CliIo, type OpenCouncil, type ParsedArgs, onePositional } from '../registry';
import { documentFlags, documentLanguage, writeDocument } from './document-output';

export async function runMinutes(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const ref = onePositional(args, 'session (an id, ordinary:66 or 66)');
  const flags = documentFlags(args);
  const { ctx } = await open();
  const sessionId = await resolveSession(ctx.db, ref);
  // --tz first, then the venue's zone stored on the session, then this computer's zone.
  const session = await ctx.db.selectFrom('councilSession').select('timeZone').where('id', '=', sessionId).executeTakeFirstOrThrow();
  const timeZone = minutesTimeZone(flags.tz, session.timeZone);
  const language = await documentLanguage(ctx.db, flags);
  const options = { lang: language, timeZone, ...(args.flags.has('draft') ? { approved: false } : {}) };
  const content =
    flags.format === 'docx'
      ? await generateMinutesDocx(ctx, sessionId, { ...options, tocPageNumbers: args.flags.has('toc-pages') })
      : await generateMinutesHtml(ctx, sessionId, options);
  const bytes = writeDocument(flags.out, content);
  io.out(`wrote ${flags.out} (${language}, ${bytes} bytes)`);
  return 0;
}
