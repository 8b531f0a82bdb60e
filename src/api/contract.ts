// The one typed API between the UI and the core: for each call, its input schema (zod) and its output
// type. main/ (IPC), the browser host (HTTP on loopback) and the renderer all use this file; it is pure
// (no node:*), so the renderer may import it. Call names are '<feature>.<verb>'.
import { z } from 'zod';
import type { ErrorPayload } from '../errors';
import { organisationSettingsPatchSchema, type OrganisationSettings } from '../settings/schema';
import * as memberStates from '../member-states/schema';
import type { MemberState } from '../member-states/types';
import * as sessions from '../sessions/schema';
import type { CouncilSession } from '../sessions/types';
import * as sittings from '../sittings/schema';
import type { Sitting } from '../sittings/types';
import * as delegations from '../delegations/schema';
import type { Delegation, SittingHead } from '../delegations/types';
import * as agenda from '../agenda/schema';
import type { AgendaAdoption, AgendaItem } from '../agenda/types';
import * as attendance from '../attendance/schema';
import type { AttendanceEvent, Presence } from '../attendance/types';
import { quorumAtSchema } from '../quorum/schema';
import type { QuorumStatus } from '../quorum/types';
import * as notes from '../notes/schema';
import type { Note } from '../notes/types';
import * as decisions from '../decisions/schema';
import type { Decision } from '../decisions/types';
import * as motions from '../motions/schema';
import type { Motion } from '../motions/types';
import * as votes from '../votes/schema';
import type { OpenRollCall, RollCallEntry, RollCallVote } from '../votes/types';
import * as reservations from '../reservations/schema';
import type { Reservation } from '../reservations/types';
import * as referrals from '../referrals/schema';
import type { Referral } from '../referrals/types';
import * as search from '../search/schema';
import type { RebuildResult, SearchResults } from '../search/types';
import * as actions from '../actions/schema';
import type { ActionItem, FollowUpReport } from '../actions/types';
import * as signatories from '../signatories/schema';
import type { SignatoryView } from '../signatories/types';
import * as corrigenda from '../corrigenda/schema';
import type { CorrigendumView } from '../corrigenda/types';
import * as approval from '../approval/schema';
import type { AttachmentView, MinutesVersionView, SessionLockView } from '../approval/types';
import { sealMinutesSchema, verifyUploadSchema } from '../seal/schema';
import type { SealedMinutes, SealKeyView, VerifyResult } from '../seal/types';
import { exportZipSchema, importZipRequestSchema, type ZipImportResult } from '../bundle/zip-schema';
import * as speakers from '../speakers/schema';
import type { SpeakerEntry, SpeakersList } from '../speakers/types';
import * as room from '../room/schema';
import type { HallOpened, HallState } from '../room/types';
import * as workingDocuments from '../working-documents/schema';
import type { WorkingDocument } from '../working-documents/types';
import { sealDocumentSchema } from '../documents/seal-schema';
import * as translations from '../translations/schema';
import type { TranslationEntry, TranslationList, XliffFile, XliffImportResult } from '../translations/types';

const empty = z.object({}).strict();

/** An IANA zone the minutes' times are written in (the secretary's laptop's zone). */
const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Africa/Casablanca');

/** The minutes of a session, in one language: the .docx (as a file to save) or an HTML preview. */
export const minutesRequestSchema = z
  .object({ sessionId: z.string().min(1, 'required'), lang: z.enum(['ar', 'en', 'fr']), timeZone: timeZoneSchema.optional() })
  .strict();

export interface MinutesPreview {
  html: string;
}

/** A session document other than the minutes (src/documents), in one language. */
export const documentRequestSchema = minutesRequestSchema;
/** Its HTML preview names the kind: decisions, follow-up, agenda, documents-list. */
export const documentPreviewSchema = z
  .object({ sessionId: z.string().min(1, 'required'), lang: z.enum(['ar', 'en', 'fr']), timeZone: timeZoneSchema.optional(), kind: z.enum(['decisions', 'follow-up', 'agenda', 'documents-list', 'convocation']) })
  .strict();

/** A backup copy of the database file (the host knows the file; see src/backup). */
export interface BackupView {
  fileName: string;
  /** 'daily', 'session-closed', 'manual', 'before-restore', 'before-<migration>'. */
  reason: string;
  takenAt: string;
  bytes: number;
}
export const backupNowSchema = z.object({}).strict();
/** Restore one of the listed backups, named by its file name (the host knows the folder). */
export const restoreBackupSchema = z.object({ fileName: z.string().min(1, 'required').max(255) }).strict();

/** A restore done: the database now open is the backup's; the one before is kept aside and backed up. */
export interface RestoreView {
  restoredFrom: string;
  /** The backup taken just before, to undo the restore from the same list. */
  beforeRestore: string;
  keptAside: string[];
}

/** The session's .zip, to save. */
export interface SessionZipFile extends FileToSave {
  sha256: string;
}

export const apiCalls = {
  'settings.get': { input: empty },
  'settings.update': { input: organisationSettingsPatchSchema },

  'memberStates.list': { input: memberStates.listMemberStatesSchema },
  'memberStates.create': { input: memberStates.createMemberStateSchema },
  'memberStates.update': { input: memberStates.updateMemberStateSchema },
  'memberStates.setActive': { input: memberStates.setMemberStateActiveSchema },

  'sessions.list': { input: sessions.listSessionsSchema },
  'sessions.get': { input: sessions.sessionIdSchema },
  'sessions.create': { input: sessions.createSessionSchema },
  'sessions.update': { input: sessions.updateSessionSchema },
  'sessions.setStatus': { input: sessions.setSessionStatusSchema },

  'sittings.list': { input: sittings.listSittingsSchema },
  'sittings.get': { input: sittings.sittingIdSchema },
  'sittings.create': { input: sittings.createSittingSchema },
  'sittings.update': { input: sittings.updateSittingSchema },
  'sittings.end': { input: sittings.endSittingSchema },

  'delegations.list': { input: delegations.listDelegationsSchema },
  'delegations.get': { input: delegations.delegationIdSchema },
  'delegations.createMember': { input: delegations.createMemberDelegationSchema },
  'delegations.createObserver': { input: delegations.createObserverDelegationSchema },
  'delegations.createSecretariat': { input: delegations.createSecretariatDelegationSchema },
  'delegations.setDelegates': { input: delegations.setMemberDelegatesSchema },
  'delegations.setPeople': { input: delegations.setPeopleSchema },
  'delegations.setCredentials': { input: delegations.setCredentialsSchema },
  'delegations.remove': { input: delegations.delegationIdSchema },

  'agenda.list': { input: agenda.sessionAgendaSchema },
  'agenda.get': { input: agenda.agendaItemIdSchema },
  'agenda.add': { input: agenda.addAgendaItemSchema },
  'agenda.update': { input: agenda.updateAgendaItemSchema },
  'agenda.remove': { input: agenda.agendaItemIdSchema },
  'agenda.move': { input: agenda.moveAgendaItemSchema },
  'agenda.recordAdoption': { input: agenda.recordAgendaAdoptionSchema },
  'agenda.getAdoption': { input: agenda.sessionAgendaSchema },
  'agenda.getTemplate': { input: empty },
  'agenda.updateTemplate': { input: agenda.agendaTemplateSchema },
  'agenda.applyTemplate': { input: agenda.sessionAgendaSchema },

  'attendance.arrive': { input: attendance.recordAttendanceSchema },
  'attendance.depart': { input: attendance.recordAttendanceSchema },
  'attendance.remove': { input: attendance.attendanceEventIdSchema },
  'attendance.list': { input: attendance.listAttendanceSchema },
  'attendance.presentAt': { input: attendance.presentAtSchema },
  'quorum.at': { input: quorumAtSchema },
  'attendance.presentFromOpening': { input: attendance.presentFromOpeningSchema },
  'delegations.setSittingHead': { input: delegations.setSittingHeadSchema },
  'delegations.listSittingHeads': { input: delegations.listSittingHeadsSchema },

  'notes.add': { input: notes.addNoteSchema },
  'notes.edit': { input: notes.editNoteSchema },
  'notes.delete': { input: notes.noteIdSchema },
  'notes.list': { input: notes.listNotesSchema },

  'motions.propose': { input: motions.proposeMotionSchema },
  'motions.update': { input: motions.updateMotionSchema },
  'motions.decideByConsensus': { input: motions.motionActionSchema },
  'motions.withdraw': { input: motions.motionActionSchema },
  'motions.defer': { input: motions.motionActionSchema },
  'motions.refer': { input: motions.referMotionSchema },
  'motions.get': { input: motions.motionIdSchema },
  'motions.list': { input: motions.listMotionsSchema },
  'motions.setConsolidatedText': { input: motions.consolidatedTextSchema },

  'votes.rollCallOrder': { input: votes.rollCallOrderSchema },
  'votes.record': { input: votes.recordRollCallVoteSchema },
  'votes.get': { input: votes.getVoteSchema },
  'votes.list': { input: votes.listVotesSchema },
  'votes.open': { input: votes.openRollCallSchema },
  'votes.keyBallot': { input: votes.keyBallotSchema },
  'votes.abandon': { input: votes.openRollCallIdSchema },
  'votes.listOpen': { input: votes.openRollCallsSchema },

  'decisions.record': { input: decisions.recordDecisionSchema },
  'decisions.update': { input: decisions.updateDecisionSchema },
  'decisions.delete': { input: decisions.decisionIdSchema },
  'decisions.get': { input: decisions.decisionIdSchema },
  'decisions.list': { input: decisions.listDecisionsSchema },

  'reservations.create': { input: reservations.createReservationSchema },
  'reservations.update': { input: reservations.updateReservationSchema },
  'reservations.remove': { input: reservations.reservationIdSchema },
  'reservations.list': { input: reservations.listReservationsSchema },

  'referrals.create': { input: referrals.createReferralSchema },
  'referrals.update': { input: referrals.updateReferralSchema },
  'referrals.remove': { input: referrals.referralIdSchema },
  'referrals.list': { input: referrals.listReferralsSchema },

  'search.query': { input: search.searchSchema },
  'search.rebuild': { input: search.rebuildSearchIndexSchema },

  'actions.create': { input: actions.createActionSchema },
  'actions.update': { input: actions.updateActionSchema },
  'actions.remove': { input: actions.actionIdSchema },
  'actions.addUpdate': { input: actions.addActionUpdateSchema },
  'actions.get': { input: actions.actionIdSchema },
  'actions.list': { input: actions.listActionsSchema },
  'actions.open': { input: actions.openActionsSchema },
  'actions.followUpReport': { input: actions.followUpReportSchema },

  'backups.list': { input: empty },
  'backups.now': { input: backupNowSchema },
  'backups.restore': { input: restoreBackupSchema },

  'minutes.docx': { input: minutesRequestSchema },
  'minutes.preview': { input: minutesRequestSchema },
  'documents.decisions': { input: documentRequestSchema },
  'documents.followUp': { input: documentRequestSchema },
  'documents.agenda': { input: documentRequestSchema },
  'documents.documentsList': { input: documentRequestSchema },
  'documents.preview': { input: documentPreviewSchema },
  'documents.convocation': { input: documentRequestSchema },

  'signatories.set': { input: signatories.setSignatorySchema },
  'signatories.remove': { input: signatories.removeSignatorySchema },
  'signatories.list': { input: signatories.listSignatoriesSchema },
  'corrigenda.add': { input: corrigenda.addCorrigendumSchema },
  'corrigenda.list': { input: corrigenda.listCorrigendaSchema },

  'minutesVersions.list': { input: approval.sessionIdSchema },
  'minutesVersions.create': { input: approval.createMinutesVersionSchema },
  'minutesVersions.circulate': { input: approval.circulateMinutesSchema },
  'minutesVersions.approve': { input: approval.approveMinutesSchema },
  'minutesVersions.markSigned': { input: approval.markSignedSchema },
  'sessions.unlock': { input: approval.unlockSessionSchema },

  'scans.file': { input: approval.fileScanSchema },
  'attachments.list': { input: approval.sessionIdSchema },

  'seal.key': { input: empty },
  'seal.minutes': { input: sealMinutesSchema },
  'seal.verify': { input: verifyUploadSchema },

  'bundles.exportZip': { input: exportZipSchema.strict() },
  'bundles.importZip': { input: importZipRequestSchema },

  'speakers.list': { input: speakers.listSpeakersSchema },
  'speakers.add': { input: speakers.addSpeakerSchema },
  'speakers.move': { input: speakers.moveSpeakerSchema },
  'speakers.putFirst': { input: speakers.speakerIdSchema },
  'speakers.remove': { input: speakers.speakerIdSchema },
  'speakers.giveFloor': { input: speakers.giveFloorSchema },
  'speakers.endTurn': { input: speakers.speakerIdSchema },
  'room.display': { input: room.hallDisplaySchema },
  'room.show': { input: room.showItemSchema },
  'room.rollCall': { input: room.rollCallProgressSchema },
  'room.openHall': { input: room.openHallSchema },

  'workingDocuments.attach': { input: workingDocuments.attachWorkingDocumentSchema },
  'workingDocuments.list': { input: workingDocuments.listWorkingDocumentsSchema },
  'workingDocuments.download': { input: workingDocuments.workingDocumentIdSchema },
  'workingDocuments.remove': { input: workingDocuments.workingDocumentIdSchema },
  'seal.document': { input: sealDocumentSchema },
  'delegations.rename': { input: delegations.renameDelegationSchema },
  'delegations.addDelegate': { input: delegations.addDelegateSchema },
  'delegations.updateDelegate': { input: delegations.updateDelegateSchema },
  'delegations.removeDelegate': { input: delegations.delegateIdSchema },
  'delegations.moveDelegate': { input: delegations.moveDelegateSchema },
  'delegations.addAllMembers': { input: delegations.addAllMemberDelegationsSchema },
  'translations.list': { input: translations.listTranslationsSchema },
  'translations.set': { input: translations.setTranslationSchema },
  'translations.exportXliff': { input: translations.exportXliffSchema },
  'translations.importXliff': { input: translations.importXliffSchema },
} as const;

export interface ApiOutputs {
  'settings.get': OrganisationSettings;
  'settings.update': OrganisationSettings;

  'memberStates.list': MemberState[];
  'memberStates.create': MemberState;
  'memberStates.update': MemberState;
  'memberStates.setActive': MemberState;

  'sessions.list': CouncilSession[];
  'sessions.get': CouncilSession;
  'sessions.create': CouncilSession;
  'sessions.update': CouncilSession;
  'sessions.setStatus': CouncilSession;

  'sittings.list': Sitting[];
  'sittings.get': Sitting;
  'sittings.create': Sitting;
  'sittings.update': Sitting;
  'sittings.end': Sitting;

  'delegations.list': Delegation[];
  'delegations.get': Delegation;
  'delegations.createMember': Delegation;
  'delegations.createObserver': Delegation;
  'delegations.createSecretariat': Delegation;
  'delegations.setDelegates': Delegation;
  'delegations.setPeople': Delegation;
  'delegations.setCredentials': Delegation;
  'delegations.remove': void;

  'agenda.list': AgendaItem[];
  'agenda.get': AgendaItem;
  'agenda.add': AgendaItem;
  'agenda.update': AgendaItem;
  'agenda.remove': AgendaItem[];
  'agenda.move': AgendaItem[];
  'agenda.recordAdoption': AgendaAdoption;
  'agenda.getAdoption': AgendaAdoption | null;
  'agenda.getTemplate': agenda.AgendaTemplate;
  'agenda.updateTemplate': agenda.AgendaTemplate;
  'agenda.applyTemplate': AgendaItem[];

  'attendance.arrive': AttendanceEvent;
  'attendance.depart': AttendanceEvent;
  'attendance.remove': void;
  'attendance.list': AttendanceEvent[];
  'attendance.presentAt': Presence;
  'quorum.at': QuorumStatus;
  'attendance.presentFromOpening': AttendanceEvent[];
  'delegations.setSittingHead': SittingHead | null;
  'delegations.listSittingHeads': SittingHead[];

  'notes.add': Note;
  'notes.edit': Note;
  'notes.delete': void;
  'notes.list': Note[];

  'motions.propose': Motion;
  'motions.update': Motion;
  'motions.decideByConsensus': Motion;
  'motions.withdraw': Motion;
  'motions.defer': Motion;
  'motions.refer': Motion;
  'motions.get': Motion;
  'motions.list': Motion[];
  'motions.setConsolidatedText': Motion;

  'votes.rollCallOrder': RollCallEntry[];
  'votes.record': RollCallVote;
  'votes.get': RollCallVote | null;
  'votes.list': RollCallVote[];
  'votes.open': OpenRollCall;
  'votes.keyBallot': OpenRollCall;
  'votes.abandon': void;
  'votes.listOpen': OpenRollCall[];

  'decisions.record': Decision;
  'decisions.update': Decision;
  'decisions.delete': Decision;
  'decisions.get': Decision;
  'decisions.list': Decision[];

  'reservations.create': Reservation;
  'reservations.update': Reservation;
  'reservations.remove': Reservation;
  'reservations.list': Reservation[];

  'referrals.create': Referral;
  'referrals.update': Referral;
  'referrals.remove': Referral;
  'referrals.list': Referral[];

  'search.query': SearchResults;
  'search.rebuild': RebuildResult;

  'actions.create': ActionItem;
  'actions.update': ActionItem;
  'actions.remove': ActionItem;
  'actions.addUpdate': ActionItem;
  'actions.get': ActionItem;
  'actions.list': ActionItem[];
  'actions.open': ActionItem[];
  'actions.followUpReport': FollowUpReport;

  'backups.list': BackupView[];
  'backups.now': BackupView;
  'backups.restore': RestoreView;

  'minutes.docx': FileToSave;
  'minutes.preview': MinutesPreview;
  'documents.decisions': FileToSave;
  'documents.followUp': FileToSave;
  'documents.agenda': FileToSave;
  'documents.documentsList': FileToSave;
  'documents.preview': MinutesPreview;
  'documents.convocation': FileToSave;

  'signatories.set': SignatoryView;
  'signatories.remove': { removed: string };
  'signatories.list': SignatoryView[];
  'corrigenda.add': CorrigendumView;
  'corrigenda.list': CorrigendumView[];

  'minutesVersions.list': MinutesVersionView[];
  'minutesVersions.create': MinutesVersionView;
  'minutesVersions.circulate': MinutesVersionView;
  'minutesVersions.approve': MinutesVersionView;
  'minutesVersions.markSigned': MinutesVersionView;
  'sessions.unlock': SessionLockView;

  'scans.file': AttachmentView;
  'attachments.list': AttachmentView[];

  'seal.key': SealKeyView;
  'seal.minutes': SealedMinutes;
  'seal.verify': VerifyResult;

  'bundles.exportZip': SessionZipFile;
  'bundles.importZip': ZipImportResult;

  'speakers.list': SpeakersList;
  'speakers.add': SpeakersList;
  'speakers.move': SpeakersList;
  'speakers.putFirst': SpeakersList;
  'speakers.remove': SpeakersList;
  'speakers.giveFloor': SpeakersList;
  'speakers.endTurn': SpeakerEntry;
  'room.display': HallState;
  'room.show': { agendaItemId: string | null };
  'room.rollCall': { shown: number };
  'room.openHall': HallOpened;

  'workingDocuments.attach': WorkingDocument;
  'workingDocuments.list': WorkingDocument[];
  'workingDocuments.download': FileToSave & { sha256: string };
  'workingDocuments.remove': { removed: string };
  'seal.document': SealedMinutes;
  'delegations.rename': Delegation;
  'delegations.addDelegate': Delegation;
  'delegations.updateDelegate': Delegation;
  'delegations.removeDelegate': Delegation;
  'delegations.moveDelegate': Delegation;
  'delegations.addAllMembers': Delegation[];
  'translations.list': TranslationList;
  'translations.set': TranslationEntry;
  'translations.exportXliff': XliffFile;
  'translations.importXliff': XliffImportResult;
}

export type ApiCallName = keyof typeof apiCalls;
export type ApiInput<N extends ApiCallName> = z.input<(typeof apiCalls)[N]['input']>;
export type ApiOutput<N extends ApiCallName> = N extends keyof ApiOutputs ? ApiOutputs[N] : never;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A generated file handed to the host to save (the .docx minutes, an export). */
export interface FileToSave {
  fileName: string;
  mimeType: string;
  base64: string;
  /**
   * Files that must stay beside this one, saved as `<chosen name><suffix>` (the seal's manifest:
   * suffix '.seal.json'), so one dialog places both.
   */
  beside?: { suffix: '.seal.json'; mimeType: string; base64: string }[];
}
/** Where the host put it; saved false when the user cancelled the dialog. */
export interface SavedFile {
  saved: boolean;
  path?: string;
}

/**
 * The object the renderer holds (the preload's `council` global in Electron, an HTTP client in the browser host).
 * Only `call` is required; the file helpers are optional so a host without them falls back to a
 * browser download (Electron's preload provides them: a save dialog, open, show in folder).
 */
export interface CouncilApi {
  call<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>>;
  saveFile?(file: FileToSave): Promise<SavedFile>;
  openPath?(path: string): Promise<void>;
  showInFolder?(path: string): Promise<void>;
}

export const apiCallNames = Object.keys(apiCalls) as ApiCallName[];
export function isApiCallName(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiCalls, name);
}
