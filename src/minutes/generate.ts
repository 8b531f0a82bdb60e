// One call from a session to its minutes (model, docx or HTML), for the CLI and the app's API.
import type { CoreContext } from '../core/context';
import type { Language } from '../settings/schema';
import { signatoriesForMinutes } from '../signatories/service';
import { buildMinutesModel, type BuildOptions } from './build-model';
import { loadMinutesRecord } from './load-record';
import type { MinutesDocument, SignatoryInput } from './model';
import type { MinutesRecord } from './record';
import { renderHtml } from './render-html';
import { localText } from './text';

export interface GenerateOptions {
  lang: Language;
  timeZone?: string;
  /** Overrides: by default a locked session's minutes are approved and the session's signatories sign. */
  approved?: boolean;
  signatories?: SignatoryInput[];
  sealFingerprint?: string | null;
}

/** Everything the minutes of one session in one language are drawn from: data only (the worker hashes it). */
export interface MinutesInputs {
  record: MinutesRecord;
  build: BuildOptions;
}

export async function minutesInputs(ctx: CoreContext, sessionId: string, options: GenerateOptions): Promise<MinutesInputs> {
  const record = await loadMinutesRecord(ctx.db, sessionId);
  const build: BuildOptions = {
    lang: options.lang,
    approved: options.approved ?? record.rows.session.lockedAt !== null,
    // The zone asked for (CLI --tz, the app) overrides the venue's zone stored on the session.
    ...(options.timeZone || record.rows.session.timeZone ? { timeZone: options.timeZone || record.rows.session.timeZone } : {}),
    ...(options.sealFingerprint ? { sealFingerprint: options.sealFingerprint } : {}),
    ...(record.corrigenda?.length ? { corrigenda: record.corrigenda } : {}),
  };
  // An unverified copy (migration 0012) says so in the header and the mark across every page.
  if (await ctx.db.selectFrom('unverifiedCopy').select('sessionId').where('sessionId', '=', sessionId).executeTakeFirst()) build.unverifiedCopy = true;
  const signatories = options.signatories ?? (await storedSignatories(ctx, sessionId, options.lang));
  if (signatories.length) build.signatories = signatories;
  return { record, build };
}

export async function minutesModel(ctx: CoreContext, sessionId: string, options: GenerateOptions): Promise<MinutesDocument> {
  const { record, build } = await minutesInputs(ctx, sessionId, options);
  return buildMinutesModel(record, build);
}

async function storedSignatories(ctx: CoreContext, sessionId: string, lang: Language): Promise<SignatoryInput[]> {
  const list = await signatoriesForMinutes(ctx, sessionId);
  return list.map((s) => ({
    role: { ar: s.titleAr, en: s.titleEn, fr: s.titleFr }[lang] || s.titleAr,
    name: localText(s.fullName, { en: s.fullNameEn, fr: s.fullNameFr }, lang),
    signatureImage:
      s.signatureImage && (s.signatureImage.mime === 'image/png' || s.signatureImage.mime === 'image/jpeg')
        ? { base64: Buffer.from(s.signatureImage.bytes).toString('base64'), type: s.signatureImage.mime === 'image/png' ? 'png' : 'jpg' }
        : null,
  }));
}

export async function renderMinutesDocx(inputs: MinutesInputs, options: { tocPageNumbers?: boolean } = {}): Promise<Buffer> {
  // Loaded on first use: the docx writer is most of the code, and nothing else needs it (a CLI command
  // or the app's start does not wait for it).
  const { renderDocx } = await import('./render-docx');
  return renderDocx(buildMinutesModel(inputs.record, inputs.build), { tocPageNumbers: options.tocPageNumbers ?? false });
}

export function renderMinutesHtml(inputs: MinutesInputs): string {
  return renderHtml(buildMinutesModel(inputs.record, inputs.build));
}

export async function generateMinutesDocx(
  ctx: CoreContext,
  sessionId: string,
  options: GenerateOptions & { tocPageNumbers?: boolean },
): Promise<Buffer> {
  return renderMinutesDocx(await minutesInputs(ctx, sessionId, options), options);
}

export async function generateMinutesHtml(ctx: CoreContext, sessionId: string, options: GenerateOptions): Promise<string> {
  return renderMinutesHtml(await minutesInputs(ctx, sessionId, options));
}
