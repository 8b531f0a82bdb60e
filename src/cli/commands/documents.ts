import { DOCUMENT_KINDS, generateDocumentDocx, generateDocumentHtml, isDocumentKind } from '../../documents/generate';
import { resolveSession } from '../../minutes/load-record';
import path from 'node:path';
import { defaultDatabasePath } from '../../core/paths';
import { sealDocumentBytes } from '../../seal/document-seal';
import { MANIFEST_SUFFIX } from '../../seal/manifest';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError } from '../registry';
import { documentFlags, documentLanguage, writeDocument } from './document-output';

export async function runDocument(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const [kind, ref, ...rest] = args.positionals;
  if (!kind || !isDocumentKind(kind)) throw new UsageError(`the document kind must be one of ${DOCUMENT_KINDS.join(', ')}: ${kind ?? '(none)'}`);
  if (!ref || rest.length) throw new UsageError('expected the document kind and one session (an id, ordinary:66 or 66)');
  const flags = documentFlags(args);
  const { ctx } = await open();
  const sessionId = await resolveSession(ctx.db, ref);
  const language = await documentLanguage(ctx.db, flags);
  if (args.flags.has('seal')) {
    // Sealed as the settings ask (sealedDocuments), with this installation's key; manifest beside the file.
    if (flags.format !== 'docx' || flags.tz) throw new UsageError("--seal writes a .docx in the session's own time zone (no --tz)");
    const dataDir = path.dirname(path.resolve((args.flags.get('db') as string | undefined) ?? defaultDatabasePath()));
    const sealed = await sealDocumentBytes(ctx, { sessionId, kind, lang: language }, { dataDir });
    writeDocument(flags.out, sealed.bytes);
    writeDocument(flags.out + MANIFEST_SUFFIX, `${JSON.stringify(sealed.manifest, null, 2)}\n`);
    io.out(`wrote ${flags.out} (${kind}, ${language}, ${sealed.bytes.length} bytes), sealed: ${flags.out}${MANIFEST_SUFFIX}`);
    io.out(`key: ${sealed.manifest.fingerprint}`);
    return 0;
  }
  const options = { lang: language, ...(flags.tz ? { timeZone: flags.tz } : {}) };
  const content =
    flags.format === 'docx' ? await generateDocumentDocx(ctx, kind, sessionId, options) : await generateDocumentHtml(ctx, kind, sessionId, options);
  const bytes = writeDocument(flags.out, content);
  io.out(`wrote ${flags.out} (${kind}, ${language}, ${bytes} bytes)`);
  return 0;
}
