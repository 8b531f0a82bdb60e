// Each API call's service function. Services validate their own input (zod), so a handler is the service.
import type { CoreContext } from '../core/context';
import { validate } from '../errors/validate';
import { ValidationError } from '../errors';
import { documentPreviewSchema, documentRequestSchema, minutesRequestSchema, restoreBackupSchema, type ApiCallName, type BackupView, type FileToSave, type MinutesPreview, type RestoreView, type SessionZipFile } from './contract';
import { fileSignedScan, listAttachments } from '../approval/attachments';
import { exportSessionZip, importSessionZip, type ZipHost } from '../bundle/zip';
import { sealKeyView, sealMinutes, verifyUpload, type SealHostServices } from '../seal/service';
import { resolveSession } from '../minutes/load-record';
import { generateMinutesDocx, generateMinutesHtml } from '../minutes/generate';
import { generateDocumentDocx, generateDocumentHtml, type DocumentKind } from '../documents/generate';
import type { MinutesRenderer } from '../minutes/worker-pool';
import { rebuildSearchIndex, search } from '../search/service';
import * as actions from '../actions/service';
import { followUpReport, openActions } from '../actions/report';
import { getOrganisationSettings, updateOrganisationSettings } from '../settings/service';
import * as memberStates from '../member-states/service';
import * as sessions from '../sessions/service';
import * as sittings from '../sittings/service';
import * as delegations from '../delegations/service';
import * as agenda from '../agenda/service';
import * as approval from '../approval/service';
import * as adoption from '../agenda/adoption-service';
import * as template from '../agenda/template-service';
import * as attendance from '../attendance/service';
import * as sittingHeads from '../delegations/sitting-heads';
import * as delegationEdits from '../delegations/edit';
import { addAllMemberDelegations } from '../delegations/add-all';
import { quorumAt } from '../quorum/service';
import * as notes from '../notes/service';
import * as decisions from '../decisions/service';
import * as motions from '../motions/service';
import * as votes from '../votes/service';
import * as openVotes from '../votes/open';
import * as reservations from '../reservations/service';
import * as translations from '../translations/service';
import { exportXliff, importXliff } from '../translations/xliff';
import * as referrals from '../referrals/service';
import * as signatories from '../signatories/service';
import * as corrigenda from '../corrigenda/service';
import * as speakers from '../speakers/service';
import * as room from '../room/display';
import { openHallSchema } from '../room/schema';
import type { HallOpened } from '../room/types';
import * as workingDocuments from '../working-documents/service';
import { sealDocument } from '../seal/document-seal';

export type Handler = (ctx: CoreContext, input: unknown) => Promise<unknown>;

/**
 * What only the host can do, because it holds the database file and the data folder: backups (and
 * restoring one, which swaps the open database) and the seal (its key lives in <data folder>/seal; the
 * desktop app can also print a PDF). Electron's main and the browser host pass these to createDispatcher;
 * a host without one refuses its calls, naming 'call'. Nothing here takes a path from the renderer.
 */
export interface HostServices {
  backups?: {
    list(): BackupView[];
    backupNow(reason?: string): Promise<{ backup: BackupView }>;
    /** Close the database, restore the named backup, reopen (src/backup/live.ts). */
    restore?(fileName: string): Promise<RestoreView>;
    /** A sitting was just opened: the automatic backup's check runs now (src/backup/live.ts). */
    afterSittingOpened?(): Promise<void>;
  };
  seal?: SealHostServices;
  /** Renders minutes off the host's main thread (src/minutes/worker-pool.ts); in-process without one. */
  minutes?: MinutesRenderer;
  /** The hall display: Electron opens a second window; the browser host gives the page's address. */
  hall?: { open(sessionId: string, lang: 'ar' | 'en' | 'fr', fullscreen: boolean): Promise<HallOpened> };
}

const view = (b: BackupView): BackupView => ({
  fileName: b.fileName,
  reason: b.reason,
  takenAt: b.takenAt,
  bytes: b.bytes,
});

type HostCall =
  | 'backups.list'
  | 'backups.now'
  | 'backups.restore'
  | 'seal.key'
  | 'seal.minutes'
  | 'seal.verify'
  | 'seal.document'
  | 'minutes.docx'
  | 'minutes.preview'
  | 'room.openHall'
  | 'bundles.exportZip'
  | 'bundles.importZip';

/** The handlers of the calls that need the host, bound to what this host offers. */
export function hostHandlers(host: HostServices): Pick<Record<ApiCallName, Handler>, HostCall> {
  const unavailable = (what: string) => async () => {
    throw new ValidationError('call', `${what} is not available in this host`, 'not_in_this_host');
  };
  const { backups, seal, minutes, hall } = host;
  const restore = backups?.restore?.bind(backups);
  return {
    'backups.list': backups ? async () => backups.list().map(view) : unavailable('backups'),
    'backups.now': backups ? async () => view((await backups.backupNow('manual')).backup) : unavailable('backups'),
    'backups.restore': restore
      ? async (_ctx, input) => restore(validate(restoreBackupSchema, input).fileName)
      : unavailable('restoring a backup'),
    'seal.key': seal ? (ctx, input) => sealKeyView(ctx, input, seal) : unavailable('the seal'),
    'seal.minutes': seal ? (ctx, input) => sealMinutes(ctx, input, seal) : unavailable('the seal'),
    'seal.verify': seal ? (ctx, input) => verifyUpload(ctx, input, seal) : unavailable('the seal'),
    'seal.document': seal ? (ctx, input) => sealDocument(ctx, input, seal) : unavailable('the seal'),
    // The installation's seal key (when the host has one) is trusted for a locked session's seal.
    'bundles.exportZip': (ctx, input) => exportZipFile(ctx, input, seal ? { dataDir: seal.dataDir } : {}),
    'bundles.importZip': (ctx, input) => importSessionZip(ctx, input, seal ? { dataDir: seal.dataDir } : {}),
    'minutes.docx': (ctx, input) => minutesDocx(ctx, input, minutes),
    'minutes.preview': (ctx, input) => minutesPreview(ctx, input, minutes),
    'room.openHall': hall
      ? async (ctx, input) => {
          const data = validate(openHallSchema, input);
          await sessions.getSession(ctx, { id: data.sessionId });
          return hall.open(data.sessionId, data.lang, data.fullscreen);
        }
      : unavailable('the hall display'),
  };
}

/** The session as a .zip for the host to save (Electron: a save dialog; the browser: a download). */
async function exportZipFile(ctx: CoreContext, input: unknown, host: ZipHost = {}): Promise<SessionZipFile> {
  const zip = await exportSessionZip(ctx, input, host);
  return { fileName: zip.fileName, mimeType: 'application/zip', base64: Buffer.from(zip.bytes).toString('base64'), sha256: zip.sha256 };
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The minutes as a file for the host to save (Electron: a save dialog; the browser: a download). */
async function minutesDocx(ctx: CoreContext, input: unknown, renderer?: MinutesRenderer): Promise<FileToSave> {
  const data = validate(minutesRequestSchema, input);
  const sessionId = await resolveSession(ctx.db, data.sessionId, 'sessionId');
  const session = await ctx.db.selectFrom('councilSession').select(['kind', 'number']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  const options = { lang: data.lang, ...(data.timeZone ? { timeZone: data.timeZone } : {}) };
  const bytes = renderer ? (await renderer.docx(sessionId, options)).bytes : await generateMinutesDocx(ctx, sessionId, options);
  return { fileName: `minutes-${session.kind}-${session.number}-${data.lang}.docx`, mimeType: DOCX_MIME, base64: bytes.toString('base64') };
}

async function minutesPreview(ctx: CoreContext, input: unknown, renderer?: MinutesRenderer): Promise<MinutesPreview> {
  const data = validate(minutesRequestSchema, input);
  const sessionId = await resolveSession(ctx.db, data.sessionId, 'sessionId');
  const options = { lang: data.lang, ...(data.timeZone ? { timeZone: data.timeZone } : {}) };
  return { html: renderer ? (await renderer.html(sessionId, options)).html : await generateMinutesHtml(ctx, sessionId, options) };
}

/** A session document (src/documents) as a file for the host to save, like the minutes. */
function documentDocx(kind: DocumentKind) {
  return async (ctx: CoreContext, input: unknown): Promise<FileToSave> => {
    const data = validate(documentRequestSchema, input);
    const sessionId = await resolveSession(ctx.db, data.sessionId, 'sessionId');
    const session = await ctx.db.selectFrom('councilSession').select(['kind', 'number']).where('id', '=', sessionId).executeTakeFirstOrThrow();
    const bytes = await generateDocumentDocx(ctx, kind, sessionId, { lang: data.lang, ...(data.timeZone ? { timeZone: data.timeZone } : {}) });
    return { fileName: `${kind}-${session.kind}-${session.number}-${data.lang}.docx`, mimeType: DOCX_MIME, base64: bytes.toString('base64') };
  };
}

async function documentPreview(ctx: CoreContext, input: unknown): Promise<MinutesPreview> {
  const data = validate(documentPreviewSchema, input);
  const sessionId = await resolveSession(ctx.db, data.sessionId, 'sessionId');
  return { html: await generateDocumentHtml(ctx, data.kind, sessionId, { lang: data.lang, ...(data.timeZone ? { timeZone: data.timeZone } : {}) }) };
}

// Record<ApiCallName, ...>: a call in the contract without a handler fails the type check (the host's
// calls are bound per host by hostHandlers).
export const handlers: Omit<Record<ApiCallName, Handler>, HostCall> = {
  'settings.get': getOrganisationSettings,

  'documents.decisions': documentDocx('decisions'),
  'documents.followUp': documentDocx('follow-up'),
  'documents.agenda': documentDocx('agenda'),
  'documents.documentsList': documentDocx('documents-list'),
  'documents.preview': documentPreview,
  'documents.convocation': documentDocx('convocation'),
  'settings.update': updateOrganisationSettings,

  'memberStates.list': memberStates.listMemberStates,
  'memberStates.create': memberStates.createMemberState,
  'memberStates.update': memberStates.updateMemberState,
  'memberStates.setActive': memberStates.setMemberStateActive,

  'sessions.list': sessions.listSessions,
  'sessions.get': sessions.getSession,
  'sessions.create': sessions.createSession,
  'sessions.update': sessions.updateSession,
  'sessions.setStatus': sessions.setSessionStatus,

  'sittings.list': sittings.listSittings,
  'sittings.get': sittings.getSitting,
  'sittings.create': sittings.createSitting,
  'sittings.update': sittings.updateSitting,
  'sittings.end': sittings.endSitting,

  'delegations.list': delegations.listDelegations,
  'delegations.get': delegations.getDelegation,
  'delegations.createMember': delegations.createMemberDelegation,
  'delegations.createObserver': delegations.createObserverDelegation,
  'delegations.createSecretariat': delegations.createSecretariatDelegation,
  'delegations.setDelegates': delegations.setMemberDelegates,
  'delegations.setPeople': delegations.setDelegationPeople,
  'delegations.setCredentials': delegations.setCredentialsReceived,
  'delegations.remove': delegations.removeDelegation,

  'agenda.list': agenda.listAgenda,
  'agenda.get': agenda.getAgendaItem,
  'agenda.add': agenda.addAgendaItem,
  'agenda.update': agenda.updateAgendaItem,
  'agenda.remove': agenda.removeAgendaItem,
  'agenda.move': agenda.moveAgendaItem,
  'agenda.recordAdoption': adoption.recordAgendaAdoption,
  'agenda.getAdoption': adoption.getAgendaAdoption,
  'agenda.getTemplate': template.getAgendaTemplate,
  'agenda.updateTemplate': template.updateAgendaTemplate,
  'agenda.applyTemplate': template.applyAgendaTemplate,

  'attendance.arrive': attendance.recordArrival,
  'attendance.depart': attendance.recordDeparture,
  'attendance.remove': attendance.removeAttendanceEvent,
  'attendance.list': attendance.listAttendance,
  'attendance.presentAt': attendance.presentAtSitting,
  'attendance.presentFromOpening': attendance.recordPresentFromOpening,
  'delegations.setSittingHead': sittingHeads.setSittingHead,
  'delegations.listSittingHeads': sittingHeads.listSittingHeads,
  'quorum.at': quorumAt,

  'notes.add': notes.addNote,
  'notes.edit': notes.editNote,
  'notes.delete': notes.deleteNote,
  'notes.list': notes.listNotes,

  'motions.propose': motions.proposeMotion,
  'motions.update': motions.updateMotion,
  'motions.decideByConsensus': motions.decideByConsensus,
  'motions.withdraw': motions.withdrawMotion,
  'motions.defer': motions.deferMotion,
  'motions.refer': motions.referMotion,
  'motions.get': motions.getMotion,
  'motions.list': motions.listMotions,
  'motions.setConsolidatedText': motions.setConsolidatedText,

  'votes.rollCallOrder': votes.rollCallOrder,
  'votes.record': votes.recordRollCallVote,
  'votes.get': votes.getVote,
  'votes.list': votes.listVotes,
  'votes.open': openVotes.openRollCall,
  'votes.keyBallot': openVotes.keyBallot,
  'votes.abandon': openVotes.abandonRollCall,
  'votes.listOpen': openVotes.openRollCalls,

  'decisions.record': decisions.recordDecision,
  'decisions.update': decisions.updateDecision,
  'decisions.delete': decisions.deleteDecision,
  'decisions.get': decisions.getDecision,
  'decisions.list': decisions.listDecisions,

  'reservations.create': reservations.createReservation,
  'reservations.update': reservations.updateReservation,
  'reservations.remove': reservations.removeReservation,
  'reservations.list': reservations.listReservations,

  'referrals.create': referrals.createReferral,
  'referrals.update': referrals.updateReferral,
  'referrals.remove': referrals.removeReferral,
  'referrals.list': referrals.listReferrals,

  'search.query': search,
  'search.rebuild': rebuildSearchIndex,

  'actions.create': actions.createAction,
  'actions.update': actions.updateAction,
  'actions.remove': actions.removeAction,
  'actions.addUpdate': actions.addActionUpdate,
  'actions.get': actions.getAction,
  'actions.list': actions.listActions,
  'actions.open': openActions,
  'actions.followUpReport': followUpReport,


  'signatories.set': signatories.setSignatory,
  'signatories.remove': signatories.removeSignatory,
  'signatories.list': signatories.listSignatories,
  'corrigenda.add': corrigenda.addCorrigendum,
  'corrigenda.list': corrigenda.listCorrigenda,

  'minutesVersions.list': approval.listMinutesVersions,
  'minutesVersions.create': approval.createMinutesVersion,
  'minutesVersions.circulate': approval.circulateMinutes,
  'minutesVersions.approve': approval.approveMinutes,
  'minutesVersions.markSigned': approval.markMinutesSigned,
  'sessions.unlock': approval.unlockSession,

  'scans.file': fileSignedScan,
  'attachments.list': listAttachments,


  'speakers.list': speakers.listSpeakers,
  'speakers.add': speakers.addSpeaker,
  'speakers.move': speakers.moveSpeaker,
  'speakers.putFirst': speakers.putSpeakerFirst,
  'speakers.remove': speakers.removeSpeaker,
  'speakers.giveFloor': speakers.giveFloor,
  'speakers.endTurn': speakers.endTurn,
  'room.display': room.hallDisplay,
  'room.show': room.showItem,
  'room.rollCall': room.rollCallProgress,

  'workingDocuments.attach': workingDocuments.attachWorkingDocument,
  'workingDocuments.list': workingDocuments.listWorkingDocuments,
  'workingDocuments.download': workingDocuments.downloadWorkingDocument,
  'workingDocuments.remove': workingDocuments.removeWorkingDocument,
  'delegations.rename': delegationEdits.renameDelegation,
  'delegations.addDelegate': delegationEdits.addDelegate,
  'delegations.updateDelegate': delegationEdits.updateDelegate,
  'delegations.removeDelegate': delegationEdits.removeDelegate,
  'delegations.moveDelegate': delegationEdits.moveDelegate,
  'delegations.addAllMembers': addAllMemberDelegations,
  'translations.list': translations.listTranslations,
  'translations.set': translations.setTranslation,
  'translations.exportXliff': exportXliff,
  'translations.importXliff': importXliff,
};
