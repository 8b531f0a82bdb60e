// Reading one session's record from the database: the rows (also the session bundle's content), the
// organisation's settings, and the follow-up of earlier sessions' actions.
import type { Kysely } from 'kysely';
import type { SessionRecordRows } from '../bundle/schema';
import type { Database } from '../database/schema';
import { NotFoundError, ValidationError } from '../errors';
import { readFrenchArticles } from '../member-states/french-articles';
import { defaultOrganisationSettings, organisationSettingsSchema, type OrganisationSettings } from '../settings/schema';
import type { CorrigendumInput } from './model';
import type { FollowUpAction, MinutesRecord } from './record';

type Db = Kysely<Database>;

/**
 * A session named as the CLI and scripts name it: its id, `ordinary:66` / `extraordinary:3`, or a bare
 * number (an ordinary session). NotFoundError naming `field` when nothing matches.
 */
export async function resolveSession(db: Db, ref: string, field = 'session'): Promise<string> {
  const trimmed = ref.trim();
  const m = /^(?:(ordinary|extraordinary):)?(\d{1,3})$/.exec(trimmed);
  if (m) {
    const row = await db
      .selectFrom('councilSession')
      .select('id')
      .where('kind', '=', (m[1] ?? 'ordinary') as 'ordinary' | 'extraordinary')
      .where('number', '=', Number(m[2]))
      .executeTakeFirst();
    if (!row) throw new NotFoundError(field, 'session', trimmed);
    return row.id;
  }
  if (!trimmed) throw new ValidationError(field, `${field}: required (an id, ordinary:66 or 66)`, 'required');
  const row = await db.selectFrom('councilSession').select('id').where('id', '=', trimmed).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'session', trimmed);
  return row.id;
}

/** The stored settings over the defaults; a stored document that no longer validates yields the defaults. */
export async function loadSettings(db: Db): Promise<OrganisationSettings> {
  const row = await db.selectFrom('setting').select('valueJson').where('key', '=', 'organisation').executeTakeFirst();
  if (!row) return defaultOrganisationSettings;
  try {
    const merged = { ...defaultOrganisationSettings, ...(JSON.parse(row.valueJson) as object) };
    const parsed = organisationSettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : defaultOrganisationSettings;
  } catch {
    return defaultOrganisationSettings;
  }
}

/** Every row of one session's record, plus the member states it references. */
export async function loadSessionRows(db: Db, sessionId: string): Promise<SessionRecordRows> {
  const session = await db.selectFrom('councilSession').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw new NotFoundError('session', 'session', sessionId);
  const [sittings, delegations, delegates, attendanceEvents, agendaItems, agendaAdoption, notes, motions, votes, voteBallots, decisions, reservations, referrals, actionItems] =
    await Promise.all([
      db.selectFrom('sitting').selectAll().where('sessionId', '=', sessionId).orderBy('number').execute(),
      db.selectFrom('delegation').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute(),
      db.selectFrom('delegate').selectAll().where('sessionId', '=', sessionId).orderBy('delegationId').orderBy('position').execute(),
      db.selectFrom('attendanceEvent').selectAll().where('sessionId', '=', sessionId).orderBy('at').orderBy('id').execute(),
      db.selectFrom('agendaItem').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute(),
      db.selectFrom('agendaAdoption').selectAll().where('sessionId', '=', sessionId).executeTakeFirst(),
      db.selectFrom('note').selectAll().where('sessionId', '=', sessionId).orderBy('at').orderBy('id').execute(),
      db.selectFrom('motion').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute(),
      db.selectFrom('vote').selectAll().where('sessionId', '=', sessionId).orderBy('heldAt').orderBy('id').execute(),
      db.selectFrom('voteBallot').selectAll().where('sessionId', '=', sessionId).orderBy('voteId').orderBy('rollOrder').execute(),
      db.selectFrom('decision').selectAll().where('sessionId', '=', sessionId).orderBy('serial').execute(),
      db.selectFrom('reservation').selectAll().where('sessionId', '=', sessionId).orderBy('recordedAt').orderBy('id').execute(),
      db.selectFrom('referral').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute(),
      db.selectFrom('actionItem').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute(),
    ]);
  const sittingHeads = await db.selectFrom('sittingHead').selectAll().where('sessionId', '=', sessionId).orderBy('sittingId').orderBy('delegationId').execute();
  const actionIds = actionItems.map((a) => a.id);
  const actionUpdates = actionIds.length
    ? await db.selectFrom('actionUpdate').selectAll().where('actionItemId', 'in', actionIds).orderBy('at').orderBy('id').execute()
    : [];
  const ownActions = new Set(actionIds);
  const followUpUpdates = (
    await db.selectFrom('actionUpdate').selectAll().where('reportedAtSessionId', '=', sessionId).orderBy('at').orderBy('id').execute()
  ).filter((u) => !ownActions.has(u.actionItemId));
  const stateIds = new Set<string>();
  const add = (id: string | null) => id && stateIds.add(id);
  add(session.chairStateId);
  add(session.rapporteurStateId);
  delegations.forEach((d) => add(d.memberStateId));
  voteBallots.forEach((b) => add(b.memberStateId));
  reservations.forEach((r) => add(r.memberStateId));
  actionItems.forEach((a) => add(a.responsibleStateId));
  const speakers = await db.selectFrom('speaker').selectAll().where('sessionId', '=', sessionId).orderBy('agendaItemId').orderBy('requestedAt').orderBy('id').execute();
  const memberStates = stateIds.size
    ? await db.selectFrom('memberState').selectAll().where('id', 'in', [...stateIds]).orderBy('protocolOrder').execute()
    : [];
  return {
    session,
    memberStates,
    sittings,
    delegations,
    delegates,
    attendanceEvents,
    agendaItems,
    agendaAdoption: agendaAdoption ?? null,
    notes,
    motions,
    votes,
    voteBallots,
    decisions,
    reservations,
    referrals,
    actionItems,
    actionUpdates,
    followUpUpdates,
    sittingHeads,
    speakers,
  };
}

/**
 * Actions decided at sessions held before this one that were still open when it met, or on which this
 * session heard a report: the follow-up annex.
 */
export async function loadFollowUp(db: Db, session: SessionRecordRows['session']): Promise<FollowUpAction[]> {
  const rows = await db
    .selectFrom('actionItem as a')
    .innerJoin('councilSession as s', 's.id', 'a.sessionId')
    .leftJoin('decision as d', 'd.id', 'a.decisionId')
    .leftJoin('memberState as m', 'm.id', 'a.responsibleStateId')
    .select([
      'a.id as actionId', 'a.description', 'a.descriptionEn', 'a.descriptionFr', 'a.responsibleKind', 'a.responsibleUnit', 'a.responsibleUnitEn', 'a.responsibleUnitFr', 'a.dueDate', 'a.status', 'a.createdAt',
      's.kind as sessionKind', 's.number as sessionNumber', 's.startDate',
      'd.numberAr', 'd.numberEn', 'd.numberFr',
      'm.nameAr as stateAr', 'm.nameEn as stateEn', 'm.nameFr as stateFr',
    ])
    .where('s.startDate', '<', session.startDate)
    .orderBy('s.startDate')
    .orderBy('a.createdAt')
    .orderBy('a.id')
    .execute();
  if (!rows.length) return [];
  const updates = await db
    .selectFrom('actionUpdate')
    .selectAll()
    .where('actionItemId', 'in', rows.map((r) => r.actionId))
    .where('at', '<=', `${session.endDate}T23:59:59.999Z`)
    .orderBy('at')
    .execute();
  const latest = new Map<string, (typeof updates)[number]>();
  const reportedHere = new Set<string>();
  for (const u of updates) {
    latest.set(u.actionItemId, u);
    if (u.reportedAtSessionId === session.id) reportedHere.add(u.actionItemId);
  }
  return rows
    .filter((r) => {
      const status = latest.get(r.actionId)?.status ?? r.status;
      return reportedHere.has(r.actionId) || status === 'open' || status === 'in_progress';
    })
    .map((r) => {
      const u = latest.get(r.actionId);
      return {
        actionId: r.actionId,
        sessionKind: r.sessionKind,
        sessionNumber: r.sessionNumber,
        decisionNumber: r.numberAr !== null ? { ar: r.numberAr, en: r.numberEn ?? '', fr: r.numberFr ?? '' } : null,
        description: r.description,
        descriptionEn: r.descriptionEn,
        descriptionFr: r.descriptionFr,
        responsibleUnitEn: r.responsibleUnitEn,
        responsibleUnitFr: r.responsibleUnitFr,
        responsibleKind: r.responsibleKind,
        responsibleUnit: r.responsibleUnit,
        responsibleState: r.stateAr !== null ? { ar: r.stateAr, en: r.stateEn ?? '', fr: r.stateFr ?? '' } : null,
        dueDate: r.dueDate,
        status: r.status,
        latestUpdate: u ? { at: u.at, text: u.text, textEn: u.textEn, textFr: u.textFr, status: u.status } : null,
      };
    });
}

/** Corrections recorded after approval (src/corrigenda), by number. */
export async function loadCorrigenda(db: Db, sessionId: string): Promise<CorrigendumInput[]> {
  return db
    .selectFrom('corrigendum')
    .select(['number', 'decisionId', 'textAr', 'textEn', 'textFr', 'reason', 'createdAt'])
    .where('sessionId', '=', sessionId)
    .orderBy('number')
    .execute();
}

export async function loadMinutesRecord(db: Db, sessionId: string): Promise<MinutesRecord> {
  const rows = await loadSessionRows(db, sessionId);
  const [settings, followUp, corrigenda, frenchArticles] = await Promise.all([
    loadSettings(db),
    loadFollowUp(db, rows.session),
    loadCorrigenda(db, sessionId),
    readFrenchArticles(db),
  ]);
  const delegated = rows.delegations.map((d) => d.memberStateId).filter((x): x is string => x !== null);
  let statesQuery = db.selectFrom('memberState').selectAll();
  statesQuery = delegated.length ? statesQuery.where((eb) => eb.or([eb('active', '=', 1), eb('id', 'in', delegated)])) : statesQuery.where('active', '=', 1);
  const memberStates = await statesQuery.orderBy('protocolOrder').execute();
  const workingDocuments = await db
    .selectFrom('workingDocument')
    .select(['agendaItemId', 'symbol', 'language', 'version', 'title'])
    .where('sessionId', '=', sessionId)
    .orderBy('symbol')
    .orderBy('language')
    .orderBy('version')
    .execute();
  return { settings, rows, followUp, corrigenda, frenchArticles, memberStates, workingDocuments };
}
