// Council sessions: ordinary or extraordinary, numbered per kind, with their venue, dates, officers and
// the rules (quorum, default majority) fixed for the session when it is created.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, ValidationError, codedConflictError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { requireMemberState } from '../member-states/service';
import { sessionTitle } from '../rules/session-title';
import { withinSessionDates } from '../rules/calendar';
import { readOrganisationSettings } from '../settings/service';
import type { Language, MajorityRule, OrganisationSettings, QuorumRule } from '../settings/schema';
import { assertSessionWritable, requireSession } from './guard';
import {
  createSessionSchema,
  listSessionsSchema,
  sessionIdSchema,
  setSessionStatusSchema,
  updateSessionSchema,
} from './schema';
import type { CouncilSession } from './types';
import { sessionPhase } from './phase';
import type { SealImportReason } from '../errors';

export function toCouncilSession(row: Row<'councilSession'>, settings: OrganisationSettings): CouncilSession {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: sessionTitle(row.kind, row.number, settings.councilName),
    venue: {
      city: { ar: row.venueCityAr, en: row.venueCityEn, fr: row.venueCityFr },
      country: { ar: row.venueCountryAr, en: row.venueCountryEn, fr: row.venueCountryFr },
    },
    startDate: row.startDate,
    endDate: row.endDate,
    languages: JSON.parse(row.languagesJson) as Language[],
    chairStateId: row.chairStateId,
    rapporteurStateId: row.rapporteurStateId,
    status: row.status,
    memberCount: row.memberCount,
    quorumRule: row.quorumRule as QuorumRule,
    defaultMajorityRule: row.defaultMajorityRule as MajorityRule,
    chairCastingVote: row.chairCastingVote === 1,
    allowInquorateVotes: row.allowInquorateVotes === 1,
    lockedAt: row.lockedAt,
    timeZone: row.timeZone,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The chair and the rapporteur are member states that are active. */
async function assertActiveState(tx: Tx, id: string, field: string): Promise<void> {
  const state = await requireMemberState(tx, id, field);
  if (state.active !== 1) throw new ValidationError(field, `${field}: the member state ${state.isoCode} is inactive`, 'state_inactive', { state: state.isoCode });
}

async function assertNumberFree(tx: Tx, kind: string, number: number, exceptId?: string): Promise<void> {
  let q = tx
    .selectFrom('councilSession')
    .select('id')
    .where('kind', '=', kind as 'ordinary')
    .where('number', '=', number);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw codedConflictError('number', 'duplicate_session_number', `a ${kind} session number ${number} already exists`, { number });
}

export async function createSession(ctx: CoreContext, input: unknown): Promise<CouncilSession> {
  const data = validate(createSessionSchema, input);
  if (data.endDate < data.startDate) throw codedValidationError('endDate', 'before_start_date', 'endDate: before the start date');
  return inTransaction(ctx, async (tx) => {
    const settings = await readOrganisationSettings(tx);
    await assertNumberFree(tx, data.kind, data.number);
    if (data.chairStateId) await assertActiveState(tx, data.chairStateId, 'chairStateId');
    if (data.rapporteurStateId) await assertActiveState(tx, data.rapporteurStateId, 'rapporteurStateId');
    const members = await tx
      .selectFrom('memberState')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    const at = nowIso(ctx);
    const row: Row<'councilSession'> = {
      id: newId(),
      kind: data.kind,
      number: data.number,
      venueCityAr: data.venue.city.ar,
      venueCityEn: data.venue.city.en,
      venueCityFr: data.venue.city.fr,
      venueCountryAr: data.venue.country.ar,
      venueCountryEn: data.venue.country.en,
      venueCountryFr: data.venue.country.fr,
      startDate: data.startDate,
      endDate: data.endDate,
      languagesJson: JSON.stringify(data.languages ?? settings.languages),
      chairStateId: data.chairStateId ?? null,
      rapporteurStateId: data.rapporteurStateId ?? null,
      status: 'planned',
      memberCount: Number(members.n),
      quorumRule: data.quorumRule ?? settings.defaultQuorumRule,
      defaultMajorityRule: data.defaultMajorityRule ?? settings.defaultMajorityRule,
      chairCastingVote: (data.chairCastingVote ?? settings.chairCastingVote) ? 1 : 0,
      allowInquorateVotes: (data.allowInquorateVotes ?? settings.allowInquorateVotes) ? 1 : 0,
      lastDecisionSerial: 0,
      lockedAt: null,
      timeZone: data.timeZone ?? '',
      createdAt: at,
      updatedAt: at,
    };
    await tx.insertInto('councilSession').values(row).execute();
    const view = toCouncilSession(row, settings);
    await recordAudit(ctx, tx, { action: 'session.create', entity: 'councilSession', entityId: row.id, sessionId: row.id, after: view });
    return { ...view, phase: sessionPhase(row, []) };
  });
}

export async function updateSession(ctx: CoreContext, input: unknown): Promise<CouncilSession> {
  const data = validate(updateSessionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await assertSessionWritable(tx, data.id, 'id');
    const settings = await readOrganisationSettings(tx);
    const kind = data.kind ?? current.kind;
    const number = data.number ?? current.number;
    if (kind !== current.kind || number !== current.number) await assertNumberFree(tx, kind, number, current.id);
    const startDate = data.startDate ?? current.startDate;
    const endDate = data.endDate ?? current.endDate;
    if (endDate < startDate) {
      throw codedValidationError(data.endDate ? 'endDate' : 'startDate', 'before_start_date', 'the end date is before the start date');
    }
    if (data.startDate || data.endDate || data.timeZone !== undefined) {
      const timeZone = data.timeZone ?? current.timeZone;
      await assertSittingsWithin(tx, current.id, { startDate, endDate, timeZone }, data.startDate ? 'startDate' : data.endDate ? 'endDate' : 'timeZone');
    }
    if (data.chairStateId) await assertActiveState(tx, data.chairStateId, 'chairStateId');
    if (data.rapporteurStateId) await assertActiveState(tx, data.rapporteurStateId, 'rapporteurStateId');
    const changes: Partial<Row<'councilSession'>> = {
      kind,
      number,
      startDate,
      endDate,
      updatedAt: nowIso(ctx),
      ...(data.venue
        ? {
            venueCityAr: data.venue.city.ar,
            venueCityEn: data.venue.city.en,
            venueCityFr: data.venue.city.fr,
            venueCountryAr: data.venue.country.ar,
            venueCountryEn: data.venue.country.en,
            venueCountryFr: data.venue.country.fr,
          }
        : {}),
      ...(data.languages ? { languagesJson: JSON.stringify(data.languages) } : {}),
      ...(data.chairStateId !== undefined ? { chairStateId: data.chairStateId } : {}),
      ...(data.rapporteurStateId !== undefined ? { rapporteurStateId: data.rapporteurStateId } : {}),
      ...(data.quorumRule ? { quorumRule: data.quorumRule } : {}),
      ...(data.defaultMajorityRule ? { defaultMajorityRule: data.defaultMajorityRule } : {}),
      ...(data.chairCastingVote !== undefined ? { chairCastingVote: data.chairCastingVote ? 1 : 0 } : {}),
      ...(data.allowInquorateVotes !== undefined ? { allowInquorateVotes: data.allowInquorateVotes ? 1 : 0 } : {}),
      ...(data.timeZone !== undefined ? { timeZone: data.timeZone } : {}),
    };
    await tx.updateTable('councilSession').set(changes).where('id', '=', current.id).execute();
    const before = toCouncilSession(current, settings);
    const after = toCouncilSession(await requireSession(tx, current.id, 'id'), settings);
    await recordAudit(ctx, tx, { action: 'session.update', entity: 'councilSession', entityId: current.id, sessionId: current.id, before, after });
    return after;
  });
}

/** Sittings already held must stay within the session's (new) dates, read in its (new) venue zone. */
async function assertSittingsWithin(tx: Tx, sessionId: string, dates: { startDate: string; endDate: string; timeZone: string }, field: string): Promise<void> {
  const sittings = await tx.selectFrom('sitting').select(['number', 'startsAt']).where('sessionId', '=', sessionId).orderBy('number').execute();
  const outside = sittings.find((s) => !withinSessionDates(dates, s.startsAt));
  if (outside) {
    throw codedValidationError(field, 'sittings_outside_dates', `${field}: sitting ${outside.number} would fall outside the session's dates`, { n: outside.number });
  }
}

const nextStatus: Record<CouncilSession['status'], CouncilSession['status'] | null> = {
  planned: 'in_progress',
  in_progress: 'closed',
  closed: null,
};

export async function setSessionStatus(ctx: CoreContext, input: unknown): Promise<CouncilSession> {
  const data = validate(setSessionStatusSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await assertSessionWritable(tx, data.id, 'id');
    if (nextStatus[current.status] !== data.status) {
      throw new ValidationError('status', `status: a ${current.status} session cannot become ${data.status}`, 'status_change', { from: current.status, to: data.status });
    }
    const settings = await readOrganisationSettings(tx);
    await tx.updateTable('councilSession').set({ status: data.status, updatedAt: nowIso(ctx) }).where('id', '=', current.id).execute();
    const before = toCouncilSession(current, settings);
    const after = toCouncilSession(await requireSession(tx, current.id, 'id'), settings);
    await recordAudit(ctx, tx, { action: 'session.setStatus', entity: 'councilSession', entityId: current.id, sessionId: current.id, before, after });
    return after;
  });
}

export async function getSession(ctx: CoreContext, input: unknown): Promise<CouncilSession> {
  const { id } = validate(sessionIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.selectFrom('councilSession').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('id', 'session', id);
    const copy = (await unverifiedCopies(tx, [id])).get(id);
    const phase = (await phases(tx, [row])).get(id);
    return { ...toCouncilSession(row, await readOrganisationSettings(tx)), phase, ...(copy ? { unverifiedCopy: copy } : {}) };
  });
}

/** Each session's phase, from its sittings and its lock. */
async function phases(tx: Tx, rows: Row<'councilSession'>[]): Promise<Map<string, NonNullable<CouncilSession['phase']>>> {
  if (!rows.length) return new Map();
  const sittings = await tx.selectFrom('sitting').select(['sessionId', 'endsAt']).where('sessionId', 'in', rows.map((r) => r.id)).execute();
  return new Map(rows.map((r) => [r.id, sessionPhase(r, sittings.filter((s) => s.sessionId === r.id))]));
}

/** The unverified-copy marks of these sessions (a .zip import whose seal did not verify). */
async function unverifiedCopies(tx: Tx, ids: string[]): Promise<Map<string, NonNullable<CouncilSession['unverifiedCopy']>>> {
  if (!ids.length) return new Map();
  const rows = await tx.selectFrom('unverifiedCopy').selectAll().where('sessionId', 'in', ids).execute();
  return new Map(rows.map((r) => [r.sessionId, { reason: r.reason as SealImportReason, detail: r.detail, claimedLockedAt: r.claimedLockedAt, importedAt: r.importedAt }]));
}

/** Newest first: by start date, then by creation. */
export async function listSessions(ctx: CoreContext, input?: unknown): Promise<CouncilSession[]> {
  validate(listSessionsSchema, input ?? {});
  return inTransaction(ctx, async (tx) => {
    const settings = await readOrganisationSettings(tx);
    const rows = await tx
      .selectFrom('councilSession')
      .selectAll()
      .orderBy('startDate', 'desc')
      .orderBy('createdAt', 'desc')
      .execute();
    const copies = await unverifiedCopies(tx, rows.map((r) => r.id));
    const phaseOf = await phases(tx, rows);
    // Present only on a marked session, so the views of every other session are as before.
    return rows.map((r) => {
      const copy = copies.get(r.id);
      return { ...toCouncilSession(r, settings), phase: phaseOf.get(r.id), ...(copy ? { unverifiedCopy: copy } : {}) };
    });
  });
}
