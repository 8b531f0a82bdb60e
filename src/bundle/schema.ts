// The session bundle: every row of one session's record plus the member states it references, as JSON.
// These zod schemas are the single definition: import validates with them, the published JSON Schema
// (resources/schemas/session-bundle.schema.json) is generated from them, and the minutes generator
// takes its rows in the same shape. Pure: zod only.
import { z } from 'zod';
import { dateProblem, instantProblem } from '../rules/calendar';
import { refineText } from '../rules/text-schema';
import { isTimeZone } from '../rules/time-zone';

export const BUNDLE_FORMAT = 'council-minutes/session-bundle';
export const BUNDLE_VERSION = 1;

// Every text obeys the one text rule (valid Unicode, no control characters but tab and line breaks); dates
// and instants must exist (no 30 February, no month 13, years 1900..2200), not just look like them.
const id = z.string().min(1).max(64).superRefine(refineText);
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'ISO-8601 instant')
  .superRefine((v, ctx) => {
    const problem = instantProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a real instant: ${problem}`, params: { rule: 'instant' } });
  });
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD')
  .superRefine((v, ctx) => {
    const problem = dateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a real date: ${problem}`, params: { rule: 'date' } });
  });
const bool = z.union([z.literal(0), z.literal(1)]);
const text = (max = 20_000) => z.string().max(max).superRefine(refineText);
const lang = z.enum(['ar', 'en', 'fr']);
const count = z.number().int().min(0).max(10_000);
/** The venue's IANA zone, or '' when not known. */
const timeZoneSchema = z.string().max(64).superRefine(refineText).refine((v) => v === '' || isTimeZone(v), 'not an IANA time zone');
const actionStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);

/**
 * The English and French forms of a row's one-language texts (migration 0018, src/translations/registry.ts):
 * '' when absent, so bundles written before translations travelled still import.
 */
function translations<C extends string>(...originals: C[]) {
  const shape = {} as Record<`${C}En` | `${C}Fr`, z.ZodDefault<z.ZodString>>;
  for (const c of originals) for (const l of ['En', 'Fr'] as const) shape[`${c}${l}`] = z.string().max(20_000).superRefine(refineText).default('');
  return shape;
}

/**
 * Migration 0020: English and French forms of more texts, and per translation column the SHA-256 of the
 * original it was made from (`<column>SourceSha256`, '' = not known). Optional, so bundles written before
 * import, and rows read from the database (whose typed schema leaves these columns to src/translations)
 * fit as they are; what a bundle carries is written back on import.
 */
function since0020<F extends string, S extends string>(forms: F[], sourcesOf: S[]) {
  const shape = {} as Record<`${F}En` | `${F}Fr` | `${S}SourceSha256`, z.ZodOptional<z.ZodString>>;
  for (const c of forms) for (const l of ['En', 'Fr'] as const) shape[`${c}${l}`] = z.string().max(20_000).superRefine(refineText).optional();
  for (const c of sourcesOf) shape[`${c}SourceSha256`] = z.string().regex(/^([0-9a-f]{64})?$/, 'SHA-256 in hex, or empty').optional();
  return shape;
}

export const memberStateRow = z.object({
  id,
  isoCode: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  nameAr: text(200),
  nameEn: text(200),
  nameFr: text(200),
  protocolOrder: count,
  active: bool,
  createdAt: instant,
}).strict();

export const councilSessionRow = z.object({
  id,
  kind: z.enum(['ordinary', 'extraordinary']),
  number: z.number().int().min(1).max(999),
  venueCityAr: text(200),
  venueCityEn: text(200),
  venueCityFr: text(200),
  venueCountryAr: text(200),
  venueCountryEn: text(200),
  venueCountryFr: text(200),
  startDate: date,
  endDate: date,
  languagesJson: text(100),
  chairStateId: id.nullable(),
  rapporteurStateId: id.nullable(),
  status: z.enum(['planned', 'in_progress', 'closed']),
  memberCount: count,
  quorumRule: text(100),
  defaultMajorityRule: text(100),
  chairCastingVote: bool,
  allowInquorateVotes: bool,
  lastDecisionSerial: count,
  lockedAt: instant.nullable(),
  // Optional so bundles written before time zones were recorded still import ('' = not known).
  timeZone: timeZoneSchema.default(''),
  createdAt: instant,
  updatedAt: instant,
}).strict();

export const sittingRow = z.object({
  id,
  sessionId: id,
  number: z.number().int().min(1).max(999),
  startsAt: instant,
  endsAt: instant.nullable(),
  createdAt: instant,
}).strict();

export const delegationRow = z.object({
  id,
  sessionId: id,
  kind: z.enum(['member', 'observer', 'secretariat']),
  memberStateId: id.nullable(),
  nameAr: text(300),
  nameEn: text(300),
  nameFr: text(300),
  credentialsReceivedOn: date.nullable(),
  // Optional so bundles written before 0014 still import ('' = not stated).
  credentialsIssuedBy: text(300).default(''),
  ...since0020(['credentialsIssuedBy'], ['nameEn', 'nameFr', 'credentialsIssuedByEn', 'credentialsIssuedByFr']),
  createdAt: instant,
}).strict();

export const delegateRow = z.object({
  id,
  sessionId: id,
  delegationId: id,
  fullName: text(300),
  title: text(300),
  ...translations('fullName', 'title'),
  ...since0020([], ['fullNameEn', 'fullNameFr', 'titleEn', 'titleFr']),
  role: z.enum(['head', 'member', 'adviser', 'representative', 'staff']),
  position: count,
}).strict();

export const attendanceEventRow = z.object({
  id,
  sessionId: id,
  sittingId: id,
  delegationId: id,
  kind: z.enum(['arrival', 'departure']),
  at: instant,
  recordedAt: instant,
}).strict();

/** Who headed a member delegation at one sitting, when not its usual head (migration 0008). */
export const sittingHeadRow = z.object({
  id,
  sessionId: id,
  sittingId: id,
  delegationId: id,
  fullName: text(300).refine((v) => v.trim().length > 0, 'required'),
  title: text(300),
  ...translations('fullName', 'title'),
  ...since0020([], ['fullNameEn', 'fullNameFr', 'titleEn', 'titleFr']),
  createdAt: instant,
}).strict();

export const agendaItemRow = z.object({
  id,
  sessionId: id,
  parentId: id.nullable(),
  position: z.number().int().min(1).max(10_000),
  standingKey: text(100).nullable(),
  titleAr: text(1000),
  titleEn: text(1000),
  titleFr: text(1000),
  presenter: text(300),
  ...since0020(['presenter'], ['titleEn', 'titleFr', 'presenterEn', 'presenterFr']),
  documentRefsJson: text(5000),
  status: z.enum(['pending', 'discussed', 'deferred', 'withdrawn']),
  createdAt: instant,
}).strict();

export const agendaAdoptionRow = z.object({
  sessionId: id,
  sittingId: id,
  adoptedAt: instant,
  asAmended: bool,
  note: text(),
  ...translations('note'),
  ...since0020([], ['noteEn', 'noteFr']),
}).strict();

export const noteRow = z.object({
  id,
  sessionId: id,
  agendaItemId: id,
  at: instant,
  speakerKind: z.enum(['delegation', 'observer', 'chair', 'secretariat']),
  speakerDelegationId: id.nullable(),
  speakerName: text(300),
  text: text(),
  ...translations('text'),
  ...since0020([], ['textEn', 'textFr']),
  language: lang,
}).strict();

export const motionRow = z.object({
  id,
  sessionId: id,
  agendaItemId: id,
  parentMotionId: id.nullable(),
  textAr: text(),
  textEn: text(),
  textFr: text(),
  proposerDelegationId: id.nullable(),
  status: z.enum(['proposed', 'adopted', 'rejected', 'withdrawn', 'deferred', 'referred']),
  majorityRule: text(100).nullable(),
  decidedBy: z.enum(['consensus', 'vote']).nullable(),
  decidedAt: instant.nullable(),
  createdAt: instant,
  /** The text as amended (migration 0013); bundles written before have none (''). */
  consolidatedAr: text().default(''),
  consolidatedEn: text().default(''),
  consolidatedFr: text().default(''),
  /** The body a referred motion is referred to (migration 0019); bundles written before have none (''). */
  referralBody: z.enum(['', 'general_assembly', 'ministerial_council', 'other']).default(''),
  referralBodyName: text(300).default(''),
  ...translations('referralBodyName'),
  ...since0020([], ['textEn', 'textFr', 'consolidatedEn', 'consolidatedFr', 'referralBodyNameEn', 'referralBodyNameFr']),
}).strict();

export const voteRow = z.object({
  id,
  sessionId: id,
  motionId: id,
  sittingId: id,
  heldAt: instant,
  rule: text(100),
  yes: count,
  no: count,
  abstain: count,
  notParticipating: count,
  presentCount: count,
  memberCount: count,
  quorumRequired: count,
  quorumMet: bool,
  inquorate: bool,
  castingVote: z.enum(['yes', 'no']).nullable(),
  outcome: z.enum(['adopted', 'rejected']),
}).strict();

export const voteBallotRow = z.object({
  voteId: id,
  sessionId: id,
  memberStateId: id,
  delegationId: id,
  choice: z.enum(['yes', 'no', 'abstain', 'not_participating']),
  rollOrder: count,
}).strict();

export const decisionRow = z.object({
  id,
  sessionId: id,
  agendaItemId: id,
  motionId: id.nullable(),
  serial: z.number().int().min(1).max(100_000),
  numberAr: text(200),
  numberEn: text(200),
  numberFr: text(200),
  textAr: text(),
  textEn: text(),
  textFr: text(),
  ...since0020([], ['textEn', 'textFr']),
  adoptedAt: instant,
  adoptedBy: z.enum(['consensus', 'vote']),
  sittingId: id.nullable(),
  createdAt: instant,
}).strict();

export const reservationRow = z.object({
  id,
  sessionId: id,
  decisionId: id,
  memberStateId: id,
  text: text(),
  ...translations('text'),
  ...since0020([], ['textEn', 'textFr']),
  recordedAt: instant,
}).strict();

export const referralRow = z.object({
  id,
  sessionId: id,
  decisionId: id,
  body: z.enum(['general_assembly', 'ministerial_council', 'other']),
  bodyName: text(300),
  note: text(),
  ...translations('note'),
  ...since0020(['bodyName'], ['noteEn', 'noteFr', 'bodyNameEn', 'bodyNameFr']),
  createdAt: instant,
}).strict();

export const actionItemRow = z.object({
  id,
  sessionId: id,
  decisionId: id.nullable(),
  description: text(),
  responsibleKind: z.enum(['secretariat_unit', 'member_state']),
  responsibleUnit: text(300),
  ...translations('description', 'responsibleUnit'),
  ...since0020([], ['descriptionEn', 'descriptionFr', 'responsibleUnitEn', 'responsibleUnitFr']),
  responsibleStateId: id.nullable(),
  dueDate: date.nullable(),
  status: actionStatus,
  createdAt: instant,
}).strict();

export const actionUpdateRow = z.object({
  id,
  reportedAtSessionId: id.nullable(),
  actionItemId: id,
  at: instant,
  text: text(),
  ...translations('text'),
  ...since0020([], ['textEn', 'textFr']),
  status: actionStatus,
}).strict();

/** The speakers' list (migration 0010): who asked for and had the floor, per agenda item. */
export const speakerRow = z.object({
  id,
  sessionId: id,
  agendaItemId: id,
  kind: z.enum(['delegation', 'observer', 'secretariat', 'director_general']),
  delegationId: id.nullable(),
  name: text(200),
  position: count,
  round: z.number().int().min(1).max(9),
  pointOfOrder: bool,
  status: z.enum(['waiting', 'speaking', 'spoken']),
  requestedAt: instant,
  sittingId: id.nullable(),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  limitSeconds: z.number().int().min(0).max(7200).nullable(),
}).strict();

/** The rows of one session's record, in the order they are inserted on import (references first). */
export const sessionRecordRowsSchema = z.object({
  session: councilSessionRow,
  memberStates: z.array(memberStateRow).max(100),
  sittings: z.array(sittingRow).max(100),
  delegations: z.array(delegationRow).max(500),
  delegates: z.array(delegateRow).max(5000),
  attendanceEvents: z.array(attendanceEventRow).max(50_000),
  agendaItems: z.array(agendaItemRow).max(5000),
  agendaAdoption: agendaAdoptionRow.nullable(),
  notes: z.array(noteRow).max(50_000),
  motions: z.array(motionRow).max(10_000),
  votes: z.array(voteRow).max(10_000),
  voteBallots: z.array(voteBallotRow).max(500_000),
  decisions: z.array(decisionRow).max(10_000),
  reservations: z.array(reservationRow).max(10_000),
  referrals: z.array(referralRow).max(10_000),
  actionItems: z.array(actionItemRow).max(10_000),
  actionUpdates: z.array(actionUpdateRow).max(50_000),
  /** Updates on earlier sessions' actions reported at this session (its follow-up report). */
  // Optional so bundles written before follow-up updates travelled (the first format 1 bundles) still import.
  followUpUpdates: z.array(actionUpdateRow).max(50_000).default([]),
  /** Each sitting's head of delegation where it differs (migration 0008); bundles made before have none. */
  sittingHeads: z.array(sittingHeadRow).max(10_000).optional(),
  /** Optional so bundles written before the speakers' list still import (none). */
  speakers: z.array(speakerRow).max(50_000).optional(),
}).strict();
export type SessionRecordRows = z.infer<typeof sessionRecordRowsSchema>;

export const sessionBundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    exportedAt: instant,
    /** The app's latest migration when exported; informative. */
    schema: text(200),
  })
  .extend(sessionRecordRowsSchema.shape)
  .strict();
export type SessionBundle = z.infer<typeof sessionBundleSchema>;

export type MemberStateRow = z.infer<typeof memberStateRow>;
export type CouncilSessionRow = z.infer<typeof councilSessionRow>;
export type SittingRow = z.infer<typeof sittingRow>;
export type DelegationRow = z.infer<typeof delegationRow>;
export type DelegateRow = z.infer<typeof delegateRow>;
export type AttendanceEventRow = z.infer<typeof attendanceEventRow>;
export type SittingHeadRow = z.infer<typeof sittingHeadRow>;
export type AgendaItemRow = z.infer<typeof agendaItemRow>;
export type NoteRow = z.infer<typeof noteRow>;
export type MotionRow = z.infer<typeof motionRow>;
export type VoteRow = z.infer<typeof voteRow>;
export type VoteBallotRow = z.infer<typeof voteBallotRow>;
export type DecisionRow = z.infer<typeof decisionRow>;
export type ReservationRow = z.infer<typeof reservationRow>;
export type ReferralRow = z.infer<typeof referralRow>;
export type ActionItemRow = z.infer<typeof actionItemRow>;
export type ActionUpdateRow = z.infer<typeof actionUpdateRow>;
export type SpeakerRow = z.infer<typeof speakerRow>;
