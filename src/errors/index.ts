// Typed errors of the core. Every error that concerns input names the field, so the UI can show it
// beside that field and the CLI can print it. They cross IPC/HTTP as plain objects (toErrorPayload).
import type { InvariantRule } from '../rules/invariants/types';

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED_SESSION'
  | 'QUORUM_NOT_MET'
  | 'DATABASE_FROM_FUTURE'
  | 'DATABASE_DAMAGED'
  | 'NATIVE_MODULE'
  | 'INTERNAL'
  | 'DISK_FULL'
  | 'DATABASE_READ_ONLY'
  | 'STORAGE_UNAVAILABLE'
  | 'MIGRATIONS_OUT_OF_ORDER'
  | 'NETWORK_LOCATION';

export class CouncilError extends Error {
  readonly code: ErrorCode;
  /** Dotted path of the offending field, e.g. `number` or `members.2.fullName`; '' when none applies. */
  readonly field: string;
  /** Set on refusals other than ValidationError that the UI can put in words (e.g. duplicate_session_number). */
  issueCode?: IssueCode;
  issueParams?: Record<string, string | number>;
  constructor(code: ErrorCode, field: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.field = field;
  }
}

export interface FieldIssue {
  field: string;
  message: string;
  /**
   * What is wrong, for the UI to say in its language: the one catalogue key `issue.<code>` (renderer/i18n),
   * for schema issues, refusals of the services, broken rules of the record (`record_<rule>`) and of text
   * (`text_<problem>`) alike; the message stays for developers. Optional only on the wire (a payload from
   * an older core); every refusal the core builds has one (CodedIssue).
   */
  code?: IssueCode;
  /** Values for the translated sentence's placeholders, e.g. { max: 500 } for too_big. */
  params?: Record<string, string | number>;
}

/**
 * Machine codes of validation issues. The generic ones come from the schema check (validate()); the
 * others name a rule of the record. Every code has a sentence in each UI catalogue (tests/ui/i18n-codes).
 */
export const issueCodes = [
  'required',
  'too_big',
  'too_small',
  'invalid_type',
  'invalid_choice',
  'invalid_date',
  'invalid_instant',
  'invalid_format',
  'unknown_key',
  'invalid',
  'invalid_time_zone',
  'before_start_date',
  'duplicate_session_number',
  'amendments_undecided',
  'not_present',
  'no_open_roll_call',
  'roll_call_already_open',
  'ballot_missing',
  'due_before_decision',
  'quorum_not_met',
  'missing_serial',
  'motion_not_open',
  'amendment_other_item',
  'other_session',
  'motion_other_item',
  'decision_from_amendment',
  'motion_not_adopted',
  'decision_exists',
  'outside_session_dates',
  'no_delegation_for_state',
  'reservation_exists',
  'speaker_already_waiting',
  'nobody_waiting',
  'speaker_holds_floor',
  'item_in_use',
  'adoption_outside_sitting',
  'second_ballot',
  'not_after_start',
  'file_type_not_allowed',
  'file_too_big',
  'duplicate_document_version',
  'document_seal_not_enabled',
  'document_not_approved',
  'import_no_seal',
  'import_no_trusted_key',
  'import_wrong_key',
  'import_seal_invalid',
  'import_record_changed',
  // A JSON session bundle claiming a locked session (it carries no seal): src/bundle/import.ts.
  'import_locked_bundle',
  'no_adopted_amendment',
  'delegation_has_record',
  'head_required',
  'head_first',
  'role_not_for_kind',
  'member_delegation_name',
  'issuer_without_date',
  'secretariat_credentials',
  'sittings_outside_dates',
  'outside_session_dates',
  // A translated XLIFF file that does not match (src/translations/xliff-import.ts); {unit} names the unit.
  'xliff_unreadable',
  'xliff_unsafe',
  'xliff_not_xliff',
  'xliff_wrong_session',
  'xliff_wrong_language',
  'xliff_unknown_unit',
  'xliff_duplicate_unit',
  'xliff_source_edited',
  'xliff_source_changed',
  'xliff_markup_lost',
  'xliff_inline_markup',
  // Refusals of the services (issue 11, errors11): every throw in src/ carries one.
  'not_found',
  'attendance_before_start',
  'attendance_after_end',
  'attendance_in_future',
  'before_sitting',
  'after_sitting',
  'attendance_same_time',
  'already_present',
  'delegation_not_present',
  'attendance_timeline',
  'speaker_needs_delegation',
  'speaker_without_delegation',
  'speaker_wrong_kind',
  'speaker_not_waiting',
  'speaker_not_speaking',
  'agenda_cycle',
  'outside_sitting',
  'action_decision_session',
  'action_has_updates',
  'report_session_before_action',
  'archive_damaged',
  'bundle_inconsistent',
  'invalid_utf8',
  'not_json',
  'import_duplicate',
  'import_missing_reference',
  'import_row_refused',
  'import_state_id_taken',
  'import_replace_documents',
  'import_cannot_replace',
  'archive_too_big',
  'archive_not_session',
  'archive_altered',
  'archive_other_session',
  'not_public_key',
  'archive_two_sessions',
  'archive_session_absent',
  'signatories_final',
  'signature_image_invalid',
  'state_inactive',
  'delegation_exists',
  'secretariat_exists',
  'not_member_delegation',
  'member_delegation_roles',
  'not_translatable',
  'nothing_to_search',
  'duplicate_iso_code',
  'not_in_this_host',
  'unknown_call',
  'status_change',
  'whole_number',
  'more_present_than_members',
  'no_casting_vote',
  'casting_vote_without_tie',
  'file_unreadable',
  'minutes_not_approved',
  'decision_has_dependents',
  'backup_is_live',
  'not_council_database',
  'restore_running',
  'backup_damaged',
  'backup_unreadable',
  'not_sealable_file',
  'seal_needs_approved',
  'pdf_not_in_this_host',
  'printer_no_pdf',
  'not_base64',
  'scan_type_not_allowed',
  'version_superseded',
  'version_status_change',
  'new_version_needs_corrigendum',
  'session_not_locked',
  'text_lone_surrogate',
  'text_control_character',
  'path_not_absolute',
  'not_a_file',
  'file_not_written',
  'path_not_saved_by_app',
  'file_type_not_openable',
  'file_not_opened',
  // A broken rule of the record (rules/invariants InvariantRule), as import and `council check` report it.
  'record_duplicate_id',
  'record_duplicate_key',
  'record_unknown_rule',
  'record_date_order',
  'record_languages',
  'record_outside_session',
  'record_outside_sitting',
  'record_attendance_order',
  'record_heads',
  'record_delegation_kind',
  'record_ballot_delegation',
  'record_ballot_absent',
  'record_ballot_missing',
  'record_tally',
  'record_quorum',
  'record_casting_vote',
  'record_outcome',
  'record_motion',
  'record_decision',
  'record_reservation',
  'record_speaker',
  'record_agenda_cycle',
  'record_due_before_decision',
  'record_consolidated_text',
] as const;
export type IssueCode = (typeof issueCodes)[number];
/** Each rule of the record is an issue code (checked by the compiler: a new rule needs its code here). */
export type RecordIssueCode = `record_${InvariantRule}`;
const recordCodesAreIssueCodes = (c: RecordIssueCode): IssueCode => c;
void recordCodesAreIssueCodes;

/** A ValidationError whose one issue carries a code (and its params) the UI can put in words. */
export function codedValidationError(field: string, code: IssueCode, message: string, params?: Record<string, string | number>): ValidationError {
  return new ValidationError(field, message, code, params);
}

/** An issue as a refusal is built: its code is required (the wire type, FieldIssue, has it optional). */
export type CodedIssue = FieldIssue & { code: IssueCode };
export type IssueParams = Record<string, string | number>;

/**
 * Input that breaks a rule: wrong type, out of range, inconsistent with stored data. The third argument
 * is required: the code the UI says it with (and its params), or the coded issues themselves.
 */
export class ValidationError extends CouncilError {
  readonly issues: FieldIssue[];
  constructor(field: string, message: string, code: IssueCode | CodedIssue[], params?: IssueParams) {
    super('VALIDATION', field, message);
    this.issues = typeof code === 'string' ? [{ field, message, code, ...(params ? { params } : {}) }] : code;
  }
}

/** An id that names nothing (of the expected kind). The message never echoes more than a short id. */
export class NotFoundError extends CouncilError {
  constructor(field: string, entity: string, id: string) {
    super('NOT_FOUND', field, `${entity} not found: ${shorten(id, 40)}`);
    this.issueCode = 'not_found';
  }
}

/** The input collides with stored data (a duplicate number, a second delegation for a state...). */
export class ConflictError extends CouncilError {
  constructor(field: string, message: string, code: IssueCode, params?: IssueParams) {
    super('CONFLICT', field, message);
    this.issueCode = code;
    if (params) this.issueParams = params;
  }
}

/** The session's minutes are approved: its record can no longer change (a corrigendum is the way). */
export class LockedSessionError extends CouncilError {
  readonly sessionId: string;
  constructor(sessionId: string, field = 'sessionId') {
    super('LOCKED_SESSION', field, `the session is locked (its minutes are approved): ${sessionId}`);
    this.sessionId = sessionId;
  }
}

/** A vote was attempted without quorum and the session's rules do not allow recording it. */
export class QuorumNotMetError extends CouncilError {
  constructor(
    readonly present: number,
    readonly required: number,
    field = 'sittingId',
  ) {
    super('QUORUM_NOT_MET', field, `no quorum: ${present} present, ${required} required`);
    this.issueCode = 'quorum_not_met';
    this.issueParams = { present, required };
  }
}

/** The database was written by a newer version of the app; opening it could damage it. */
export class DatabaseFromFutureError extends CouncilError {
  constructor(
    readonly fileVersion: string,
    readonly appVersion: string,
  ) {
    super(
      'DATABASE_FROM_FUTURE',
      'database',
      `the database has schema ${fileVersion}, newer than this app knows (${appVersion}); update the app`,
    );
  }
}

/** integrity_check failed: the file is kept as it is and reported, never replaced silently. */
export class DatabaseDamagedError extends CouncilError {
  constructor(
    readonly path: string,
    readonly details: string[],
  ) {
    super('DATABASE_DAMAGED', 'database', `the database file is damaged: ${path}: ${details.slice(0, 3).join('; ')}`);
  }
}

/** The SQLite engine (better-sqlite3's native binary) cannot load: the install is broken, the data is not. */
export class NativeModuleError extends CouncilError {
  constructor(readonly details: string) {
    super(
      'NATIVE_MODULE',
      'database',
      `the app's database engine could not be loaded; reinstall the app, your data is untouched (${details})`,
    );
  }
}

/** SQLITE_FULL: the disk (or the user's quota) is full. SQLite rolled the write back; saved data is intact. */
export class DiskFullError extends CouncilError {
  constructor(readonly path: string) {
    super(
      'DISK_FULL',
      'database',
      `the disk holding the database is full: ${path}; this change was not saved, everything saved before is intact; free some space on that disk and try again`,
    );
  }
}

/** SQLITE_READONLY*, or a file that cannot be opened because its folder cannot be written (WAL needs it). */
export class DatabaseReadOnlyError extends CouncilError {
  constructor(
    readonly path: string,
    readonly details: string,
  ) {
    super(
      'DATABASE_READ_ONLY',
      'database',
      `the database file or its folder cannot be written (read-only): ${path}; nothing was changed; copy the file to a folder you can write to (e.g. your Documents) and open it from there (${details})`,
    );
  }
}

/** SQLITE_CANTOPEN / SQLITE_IOERR*: the disk or the drive failed or went away; not a verdict on the file. */
export class StorageUnavailableError extends CouncilError {
  constructor(
    readonly path: string,
    readonly details: string,
  ) {
    super(
      'STORAGE_UNAVAILABLE',
      'database',
      `the database file could not be read or written (the disk or drive failed or was removed): ${path}; the change was not saved; check that the drive is connected and try again (${details})`,
    );
  }
}

/** The file's applied migrations are not a prefix of this app's list: another build of the app wrote it. */
export class MigrationsOutOfOrderError extends CouncilError {
  constructor(
    readonly path: string,
    /** Migrations this app has that the file lacks, although later ones are applied. */
    readonly missing: string[],
    /** The applied migrations that come after the first missing one. */
    readonly appliedAfter: string[],
  ) {
    super(
      'MIGRATIONS_OUT_OF_ORDER',
      'database',
      `the database was upgraded by a different build of the app: it lacks ${missing.join(', ')} but has the later ${appliedAfter.join(', ')}; nothing was changed; open it with the build that wrote it, or restore the backup taken before that upgrade (the backups folder beside the file), and report this to the app's maintainers: ${path}`,
    );
  }
}

/** The database file is on a network share, where SQLite's locking cannot keep it safe. */
export class NetworkLocationError extends CouncilError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      'NETWORK_LOCATION',
      'database',
      `the database is on ${reason}: keep it on this computer's own disk (${path})`,
    );
  }
}

/** An input echoed in a message, cut short: a message must not carry 100 KB of what was sent. */
export function shorten(value: unknown, max = 80): string {
  const s = typeof value === 'string' ? value : String(value);
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}

export interface ErrorPayload {
  code: ErrorCode;
  field: string;
  message: string;
  issues?: FieldIssue[];
}

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof ValidationError) {
    return { code: err.code, field: err.field, message: err.message, issues: err.issues };
  }
  if (err instanceof CouncilError) {
    const coded = err.issueCode ? { issues: [{ field: err.field, message: err.message, code: err.issueCode, ...(err.issueParams ? { params: err.issueParams } : {}) }] } : {};
    return { code: err.code, field: err.field, message: err.message, ...coded };
  }
  return { code: 'INTERNAL', field: '', message: err instanceof Error ? err.message : String(err) };
}

/** A refusal back from another thread or process (the minutes' worker), keeping its code for the UI. */
export function fromErrorPayload(p: { code: ErrorCode; field?: string; message: string; issues?: FieldIssue[] }): CouncilError {
  const err = new CouncilError(p.code, p.field ?? '', p.message);
  const first = p.issues?.[0];
  if (first?.code) err.issueCode = first.code;
  if (first?.params) err.issueParams = first.params;
  return err;
}

/** A row that names another session than the row it points at (migration 0006). */
export interface InconsistentRow {
  table: string;
  /** The row's primary key, as text. */
  key: string;
  sessionId: string | null;
  /** The column pointing at the parent. */
  column: string;
  parentTable: string;
  parentId: string;
  parentSessionId: string | null;
}

/**
 * The file's record contradicts itself: rows belong to another session than the rows they point at. The
 * file is left as it was (a person decides which session was meant); every offending row is named.
 */
export class RecordInconsistentError extends CouncilError {
  constructor(readonly rows: InconsistentRow[]) {
    super(
      'DATABASE_DAMAGED',
      'database',
      `the record contradicts itself: ${rows.length} row(s) belong to another session than the row they point at: ` +
        rows
          .slice(0, 20)
          .map((r) => `${r.table} ${r.key} (session ${r.sessionId}) -> ${r.column} ${r.parentTable} ${r.parentId} (session ${r.parentSessionId})`)
          .join('; '),
    );
  }
}

/** A ConflictError the UI can put in words. */
export function codedConflictError(field: string, code: IssueCode, message: string, params?: Record<string, string | number>): ConflictError {
  return new ConflictError(field, message, code, params);
}

/** Why a locked session's seal did not verify on import (src/bundle/zip-seal.ts). */
export type SealImportReason = 'no_seal' | 'no_trusted_key' | 'wrong_key' | 'seal_invalid' | 'record_changed';

/**
 * A session .zip claims a locked session but none of its seals verifies against the imported record with a
 * key the user trusts: refused (nothing written), unless the user asks for an unverified copy.
 */
export class SealNotVerifiedError extends CouncilError {
  constructor(
    readonly reason: SealImportReason,
    readonly detail: string,
    field = 'zip',
  ) {
    super('CONFLICT', field, `the archive's session is locked, but its seal does not verify (${reason}): ${detail}`);
    this.issueCode = `import_${reason}` as IssueCode;
  }
}

/**
 * A JSON session bundle claims a locked (approved) session, but a bundle carries no seal and can be edited in
 * any text editor: refused (nothing written), unless the user asks for an unverified copy.
 */
export class LockedBundleError extends CouncilError {
  constructor(field = 'session.lockedAt') {
    super('CONFLICT', field, `${field}: a locked session travels only as a sealed .zip; a JSON bundle can be imported only as an unverified copy (unlocked and marked)`);
    this.issueCode = 'import_locked_bundle';
  }
}
