// One call from a session to one of its documents (model, .docx or HTML), for the CLI and the app's API.
// The documents are drawn by the minutes' renderers, so they share their styles, header and fonts.
import type { CoreContext } from '../core/context';
import { loadMinutesRecord } from '../minutes/load-record';
import type { MinutesDocument } from '../minutes/model';
import { renderHtml } from '../minutes/render-html';
import { buildAgendaDocument, buildDocumentsListDocument } from './agenda';
import { buildConvocationDocument } from './convocation';
import { buildDecisionsDocument } from './decisions';
import { buildFollowUpDocument } from './follow-up';
import { followUpForNextSession } from './follow-up-data';
import type { ConvocationOptions } from './convocation';

export const DOCUMENT_KINDS = ['decisions', 'follow-up', 'agenda', 'documents-list', 'convocation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(x: string): x is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(x);
}

export async function documentModel(ctx: CoreContext, kind: DocumentKind, sessionId: string, options: ConvocationOptions): Promise<MinutesDocument> {
  const record = await loadMinutesRecord(ctx.db, sessionId);
  const zone = options.timeZone || record.rows.session.timeZone;
  const opts: ConvocationOptions = { lang: options.lang, ...(zone ? { timeZone: zone } : {}) };
  switch (kind) {
    case 'decisions':
      return buildDecisionsDocument(record, opts);
    case 'follow-up':
      return buildFollowUpDocument(record, await followUpForNextSession(ctx, sessionId), opts);
    case 'agenda':
      return buildAgendaDocument(record, opts);
    case 'documents-list':
      return buildDocumentsListDocument(record, opts);
    case 'convocation':
      return buildConvocationDocument(record, { ...opts, ...(options.letterDate ? { letterDate: options.letterDate } : {}) });
  }
}

export async function generateDocumentDocx(ctx: CoreContext, kind: DocumentKind, sessionId: string, options: ConvocationOptions): Promise<Buffer> {
  const { renderDocx } = await import('../minutes/render-docx');
  return renderDocx(await documentModel(ctx, kind, sessionId, options));
}

export async function generateDocumentHtml(ctx: CoreContext, kind: DocumentKind, sessionId: string, options: ConvocationOptions): Promise<string> {
  return renderHtml(await documentModel(ctx, kind, sessionId, options));
}
