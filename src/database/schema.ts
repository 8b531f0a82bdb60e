// The one Database interface of table types (Kysely style). Columns are snake_case in SQLite and
// camelCase here through Kysely's CamelCasePlugin. Every id is a UUID (records move between laptops);
// instants are ISO-8601 UTC strings, calendar dates 'YYYY-MM-DD'; booleans are 0/1 integers.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Bool = 0 | 1;

export interface SettingTable {
  key: string;
  valueJson: string;
  updatedAt: string;
}

export interface MemberStateTable {
  id: string;
  isoCode: string; // ISO 3166-1 alpha-2
  nameAr: string;
  nameEn: string;
  nameFr: string;
  protocolOrder: number; // Arabic alphabetical order, the order of the roll call
  active: Bool;
  createdAt: string;
}

export interface CouncilSessionTable {
  id: string;
  kind: 'ordinary' | 'extraordinary';
  number: number; // unique per kind
  venueCityAr: string;
  venueCityEn: string;
  venueCityFr: string;
  venueCountryAr: string;
  venueCountryEn: string;
  venueCountryFr: string;
  startDate: string;
  endDate: string;
  languagesJson: string; // e.g. ["ar","en","fr"], the first the original
  chairStateId: string | null; // the chair: head of this member state's delegation
  rapporteurStateId: string | null;
  status: 'planned' | 'in_progress' | 'closed';
  memberCount: number; // member states at the session's creation: the base of quorum and majorities
  quorumRule: string;
  defaultMajorityRule: string;
  chairCastingVote: Bool;
  allowInquorateVotes: Bool; // record a vote without quorum, flagged, instead of refusing it
  lastDecisionSerial: number; // numbers are never reused, even after a deletion
  lockedAt: string | null;
  timeZone: ColumnType<string, string | undefined, string>; // the venue's IANA zone, '' = not known (0004; defaults to '')
  createdAt: string;
  updatedAt: string;
}

export interface SittingTable {
  id: string;
  sessionId: string;
  number: number; // 1, 2, 3... within the session
  startsAt: string;
  endsAt: string | null;
  createdAt: string;
}

export interface DelegationTable {
  id: string;
  sessionId: string;
  kind: 'member' | 'observer' | 'secretariat';
  memberStateId: string | null; // set for kind 'member' only; one per state and session
  nameAr: string; // for observers and the secretariat; members take their state's names
  nameEn: string;
  nameFr: string;
  credentialsReceivedOn: string | null;
  credentialsIssuedBy: ColumnType<string, string | undefined, string>; // who issued them, '' = not stated (0014)
  createdAt: string;
}

export interface DelegateTable {
  id: string;
  sessionId: string;
  delegationId: string;
  fullName: string;
  title: string;
  fullNameEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  fullNameFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  titleEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  titleFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  role: 'head' | 'member' | 'adviser' | 'representative' | 'staff';
  position: number;
}

export interface AttendanceEventTable {
  id: string;
  sessionId: string;
  sittingId: string;
  delegationId: string;
  kind: 'arrival' | 'departure';
  at: string;
  recordedAt: string;
}

/** The head of a delegation at one sitting, when not its usual head (migration 0008). */
export interface SittingHeadTable {
  id: string;
  sessionId: string;
  sittingId: string;
  delegationId: string;
  fullName: string;
  title: string;
  fullNameEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  fullNameFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  titleEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  titleFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  createdAt: string;
}

export interface AgendaItemTable {
  id: string;
  sessionId: string;
  parentId: string | null;
  position: number; // 1..n among siblings, no gaps
  standingKey: string | null; // e.g. 'adoption_of_agenda' when made from the template
  titleAr: string;
  titleEn: string;
  titleFr: string;
  presenter: string;
  documentRefsJson: string; // string[]
  status: 'pending' | 'discussed' | 'deferred' | 'withdrawn';
  createdAt: string;
}

export interface AgendaAdoptionTable {
  sessionId: string;
  sittingId: string;
  adoptedAt: string;
  asAmended: Bool;
  note: string;
  noteEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  noteFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
}

export interface NoteTable {
  id: string;
  sessionId: string;
  agendaItemId: string;
  at: string;
  speakerKind: 'delegation' | 'observer' | 'chair' | 'secretariat';
  speakerDelegationId: string | null;
  speakerName: string;
  text: string;
  textEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  textFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  language: 'ar' | 'en' | 'fr';
}

export interface MotionTable {
  id: string;
  sessionId: string;
  agendaItemId: string;
  parentMotionId: string | null; // an amendment has its motion as parent
  textAr: string;
  textEn: string;
  textFr: string;
  proposerDelegationId: string | null;
  status: 'proposed' | 'adopted' | 'rejected' | 'withdrawn' | 'deferred' | 'referred';
  majorityRule: string | null; // null: the session's default
  decidedBy: 'consensus' | 'vote' | null;
  decidedAt: string | null;
  createdAt: string;
  /** The motion's text as amended (migration 0013); '' when not recorded. */
  consolidatedAr: Generated<string>;
  consolidatedEn: Generated<string>;
  consolidatedFr: Generated<string>;
  /** The body a referred motion is referred to (migration 0019); '' when not recorded. */
  referralBody: Generated<'' | 'general_assembly' | 'ministerial_council' | 'other'>;
  /** Its name: required for 'other', an optional precision otherwise; with its English and French forms. */
  referralBodyName: Generated<string>;
  referralBodyNameEn: Generated<string>;
  referralBodyNameFr: Generated<string>;
}

export interface VoteTable {
  id: string;
  sessionId: string;
  motionId: string;
  sittingId: string;
  heldAt: string;
  rule: string;
  yes: number;
  no: number;
  abstain: number;
  notParticipating: number;
  presentCount: number;
  memberCount: number;
  quorumRequired: number;
  quorumMet: Bool;
  inquorate: Bool; // recorded without quorum because the session's rules allow it
  castingVote: 'yes' | 'no' | null;
  outcome: 'adopted' | 'rejected';
}

export interface VoteBallotTable {
  voteId: string;
  sessionId: string;
  memberStateId: string;
  delegationId: string;
  choice: 'yes' | 'no' | 'abstain' | 'not_participating';
  rollOrder: number;
}

/** A roll call in progress (migration 0009): becomes a `vote` when recorded, or is abandoned. */
export interface OpenRollCallTable {
  motionId: string;
  sessionId: string;
  sittingId: string;
  openedAt: string;
}

export interface OpenRollCallBallotTable {
  motionId: string;
  sessionId: string;
  memberStateId: string;
  choice: 'yes' | 'no' | 'abstain' | 'not_participating';
  keyedAt: string;
}

export interface DecisionTable {
  id: string;
  sessionId: string;
  agendaItemId: string;
  motionId: string | null;
  serial: number;
  numberAr: string; // rendered on adoption, never changed
  numberEn: string;
  numberFr: string;
  textAr: string;
  textEn: string;
  textFr: string;
  adoptedAt: string;
  adoptedBy: 'consensus' | 'vote';
  sittingId: string | null;
  createdAt: string;
}

export interface ReservationTable {
  id: string;
  sessionId: string;
  decisionId: string;
  memberStateId: string;
  text: string;
  textEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  textFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  recordedAt: string;
}

export interface ReferralTable {
  id: string;
  sessionId: string;
  decisionId: string;
  body: 'general_assembly' | 'ministerial_council' | 'other';
  bodyName: string;
  note: string;
  noteEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  noteFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  createdAt: string;
}

export interface ActionItemTable {
  id: string;
  sessionId: string;
  decisionId: string | null;
  description: string;
  descriptionEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  descriptionFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  responsibleKind: 'secretariat_unit' | 'member_state';
  responsibleUnit: string;
  responsibleUnitEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  responsibleUnitFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  responsibleStateId: string | null;
  dueDate: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  createdAt: string;
}

export interface ActionUpdateTable {
  id: string;
  reportedAtSessionId: string | null; // where the update was reported; actions of a locked session still progress
  actionItemId: string;
  at: string;
  text: string;
  textEn: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  textFr: ColumnType<string, string | undefined, string>; // migration 0018, '' = not translated
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
}

/** One row per indexed record (migrations 0002, 0011); its id is the row id in the FTS5 table search_fts. */
export interface SearchDocTable {
  id: Generated<number>;
  kind: 'agenda_item' | 'note' | 'motion' | 'decision' | 'reservation' | 'referral' | 'action';
  entityId: string;
  sessionId: string;
  /** null for a follow-up action that belongs to no decision */
  agendaItemId: string | null;
  /** the decision a decision, reservation, referral or action hangs on */
  decisionId: string | null;
}

export interface AuditEntryTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string; // e.g. 'session.create'
  entity: string; // table name
  entityId: string;
  sessionId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}

// Migration 0003: approval, signatories, attachments, corrigenda, seals, the lock's escape hatch.
export interface SessionLockOverrideTable {
  sessionId: string;
  reason: string;
}

export interface AttachmentTable {
  id: string;
  sessionId: string | null;
  kind: 'logo' | 'signature' | 'scan';
  mime: 'image/png' | 'image/jpeg' | 'application/pdf';
  fileName: string;
  byteSize: number;
  sha256: string;
  bytes: Uint8Array;
  createdAt: string;
}

/** A working document (migration 0017): a file attached to an agenda item, locked with the session. */
export interface WorkingDocumentTable {
  id: string;
  sessionId: string;
  agendaItemId: string;
  symbol: string; // e.g. EC/66/4/Rev.1
  language: 'ar' | 'en' | 'fr';
  version: number; // 1..99
  title: string;
  mime: WorkingDocumentMime;
  fileName: string;
  byteSize: number;
  sha256: string;
  bytes: Uint8Array;
  createdAt: string;
}

export type WorkingDocumentMime =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface MinutesVersionTable {
  id: string;
  sessionId: string;
  version: number;
  language: string;
  status: 'draft' | 'circulated' | 'approved' | 'signed';
  corrigendaCount: number; // corrigenda of the session included in this version
  note: string;
  createdAt: string;
  circulatedAt: string | null;
  approvedAt: string | null;
  approvedBySittingId: string | null;
  approvedAtSession: string | null;
  signedAt: string | null;
  docxSha256: string | null;
}

export interface SignatoryTable {
  id: string;
  sessionId: string;
  roleKey: string;
  position: number;
  fullName: string;
  titleAr: string;
  titleEn: string;
  titleFr: string;
  signatureAttachmentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CorrigendumTable {
  id: string;
  sessionId: string;
  number: number;
  decisionId: string | null;
  textAr: string;
  textEn: string;
  textFr: string;
  reason: string;
  createdAt: string;
}

export interface SealRecordTable {
  id: string;
  sessionId: string;
  minutesVersionId: string | null;
  fileKind: 'docx' | 'pdf';
  fileName: string;
  fileSha256: string;
  recordSha256: string;
  fingerprint: string;
  signature: string;
  signedAt: string;
  /** Migration 0012: the whole signed manifest (JSON), carried by the session .zip. Null for older seals. */
  manifestJson: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0012: a session imported from a .zip whose seal could not be checked, on the user's request. */
export interface UnverifiedCopyTable {
  sessionId: string;
  reason: string;
  detail: ColumnType<string, string | undefined, string>;
  claimedLockedAt: string | null;
  importedAt: string;
}

/** The speakers' list (migration 0010, src/speakers). */
export interface SpeakerTable {
  id: string;
  sessionId: string;
  agendaItemId: string;
  kind: 'delegation' | 'observer' | 'secretariat' | 'director_general';
  delegationId: string | null;
  name: string;
  position: number;
  round: number;
  pointOfOrder: Bool;
  status: 'waiting' | 'speaking' | 'spoken';
  requestedAt: string;
  sittingId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  limitSeconds: number | null;
}

// Migration 0020's columns (delegation credentials_issued_by_en/_fr, referral body_name_en/_fr, agenda_item
// presenter_en/_fr, and every translation column's <column>_source_sha256) are not typed here: the
// translation store writes them by the registry (src/translations), rows read with selectAll carry them, and
// the bundle schema types them as optional (src/bundle/schema.ts since0020).
export interface Database {
  setting: SettingTable;
  memberState: MemberStateTable;
  councilSession: CouncilSessionTable;
  sitting: SittingTable;
  delegation: DelegationTable;
  delegate: DelegateTable;
  attendanceEvent: AttendanceEventTable;
  sittingHead: SittingHeadTable;
  agendaItem: AgendaItemTable;
  agendaAdoption: AgendaAdoptionTable;
  note: NoteTable;
  motion: MotionTable;
  vote: VoteTable;
  voteBallot: VoteBallotTable;
  decision: DecisionTable;
  reservation: ReservationTable;
  referral: ReferralTable;
  actionItem: ActionItemTable;
  actionUpdate: ActionUpdateTable;
  auditEntry: AuditEntryTable;
  searchDoc: SearchDocTable;
  sessionLockOverride: SessionLockOverrideTable;
  attachment: AttachmentTable;
  minutesVersion: MinutesVersionTable;
  signatory: SignatoryTable;
  corrigendum: CorrigendumTable;
  sealRecord: SealRecordTable;
  openRollCall: OpenRollCallTable;
  openRollCallBallot: OpenRollCallBallotTable;
  speaker: SpeakerTable;
  workingDocument: WorkingDocumentTable;
  unverifiedCopy: UnverifiedCopyTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
export type { ColumnType };
