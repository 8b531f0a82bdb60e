// A small council record written straight into the tables, so these tests stand on their own while the
// session, agenda and motion services are built beside them.
import { newId } from '../../src/core/context';
import type { Database, Row } from '../../src/database/schema';
import { openTempDb, type TempDb } from '../helpers/temp-db';

const STATES = [
  { isoCode: 'MA', nameAr: 'المملكة المغربية', nameEn: 'Morocco', nameFr: 'Maroc' },
  { isoCode: 'IQ', nameAr: 'جمهورية العراق', nameEn: 'Iraq', nameFr: 'Irak' },
  { isoCode: 'EG', nameAr: 'جمهورية مصر العربية', nameEn: 'Egypt', nameFr: 'Égypte' },
  { isoCode: 'TN', nameAr: 'الجمهورية التونسية', nameEn: 'Tunisia', nameFr: 'Tunisie' },
];

export interface World {
  t: TempDb;
  states: Row<'memberState'>[];
  session: Row<'councilSession'>;
  sitting: Row<'sitting'>;
  item: Row<'agendaItem'>;
}

export async function insertStates(t: TempDb): Promise<Row<'memberState'>[]> {
  const rows = STATES.map((s, i) => ({ id: newId(), ...s, protocolOrder: i + 1, active: 1 as const, createdAt: '2026-01-01T00:00:00.000Z' }));
  await t.db.insertInto('memberState').values(rows).execute();
  return rows;
}

export async function insertSession(
  t: TempDb,
  opts: { number: number; startDate: string; kind?: 'ordinary' | 'extraordinary' },
): Promise<Row<'councilSession'>> {
  const row: Row<'councilSession'> = {
    id: newId(),
    kind: opts.kind ?? 'ordinary',
    number: opts.number,
    venueCityAr: 'الرباط',
    venueCityEn: 'Rabat',
    venueCityFr: 'Rabat',
    venueCountryAr: 'المغرب',
    venueCountryEn: 'Morocco',
    venueCountryFr: 'Maroc',
    startDate: opts.startDate,
    endDate: opts.startDate,
    languagesJson: '["ar","en","fr"]',
    chairStateId: null,
    rapporteurStateId: null,
    status: 'in_progress',
    memberCount: 21,
    quorumRule: 'two_thirds_of_members',
    defaultMajorityRule: 'simple_majority_of_votes_cast',
    chairCastingVote: 0,
    allowInquorateVotes: 0,
    lastDecisionSerial: 0,
    lockedAt: null,
    timeZone: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  // time_zone left to its default: tests/database inserts here at versions before migration 0004 added it.
  const { timeZone: _tz, ...values } = row;
  await t.db.insertInto('councilSession').values(values).execute();
  return row;
}

export async function insertSitting(t: TempDb, sessionId: string, number = 1): Promise<Row<'sitting'>> {
  const row = { id: newId(), sessionId, number, startsAt: '2024-11-20T09:00:00.000Z', endsAt: null, createdAt: '2024-11-20T09:00:00.000Z' };
  await t.db.insertInto('sitting').values(row).execute();
  return row;
}

export async function insertItem(
  t: TempDb,
  sessionId: string,
  title: { ar: string; en?: string; fr?: string },
  position = 1,
  parentId: string | null = null,
): Promise<Row<'agendaItem'>> {
  const row: Row<'agendaItem'> = {
    id: newId(),
    sessionId,
    parentId,
    position,
    standingKey: null,
    titleAr: title.ar,
    titleEn: title.en ?? '',
    titleFr: title.fr ?? '',
    presenter: '',
    documentRefsJson: '[]',
    status: 'pending',
    createdAt: '2024-11-20T09:00:00.000Z',
  };
  await t.db.insertInto('agendaItem').values(row).execute();
  return row;
}

export async function insertMotion(
  t: TempDb,
  item: Row<'agendaItem'>,
  opts: { status?: Row<'motion'>['status']; decidedBy?: 'consensus' | 'vote' | null; parentMotionId?: string; text?: string } = {},
): Promise<Row<'motion'>> {
  const status = opts.status ?? 'adopted';
  const row: Row<'motion'> = {
    id: newId(),
    sessionId: item.sessionId,
    agendaItemId: item.id,
    parentMotionId: opts.parentMotionId ?? null,
    textAr: opts.text ?? 'مشروع قرار',
    textEn: 'Draft decision',
    textFr: 'Projet de décision',
    proposerDelegationId: null,
    status,
    majorityRule: null,
    decidedBy: opts.decidedBy === undefined ? (status === 'adopted' ? 'consensus' : null) : opts.decidedBy,
    decidedAt: status === 'proposed' ? null : '2024-11-20T10:00:00.000Z',
    createdAt: '2024-11-20T09:30:00.000Z',
    consolidatedAr: '',
    consolidatedEn: '',
    consolidatedFr: '',
    referralBody: '',
    referralBodyName: '',
    referralBodyNameEn: '',
    referralBodyNameFr: '',
  };
  await t.db.insertInto('motion').values(row).execute();
  return row;
}

/** A roll-call vote row for a motion decided by vote (tallies are not what these tests look at). */
export async function insertVote(t: TempDb, motion: Row<'motion'>, sittingId: string): Promise<void> {
  await t.db
    .insertInto('vote')
    .values({
      id: newId(),
      sessionId: motion.sessionId,
      motionId: motion.id,
      sittingId,
      heldAt: '2024-11-20T10:00:00.000Z',
      rule: 'simple_majority_of_votes_cast',
      yes: 9,
      no: 2,
      abstain: 1,
      notParticipating: 0,
      presentCount: 12,
      memberCount: 21,
      quorumRequired: 14,
      quorumMet: 0,
      inquorate: 1,
      castingVote: null,
      outcome: 'adopted',
    })
    .execute();
}

export async function insertMemberDelegation(t: TempDb, sessionId: string, state: Row<'memberState'>): Promise<string> {
  const id = newId();
  await t.db
    .insertInto('delegation')
    .values({ id, sessionId, kind: 'member', memberStateId: state.id, nameAr: '', nameEn: '', nameFr: '', credentialsReceivedOn: null, createdAt: '2024-11-20T08:00:00.000Z' })
    .execute();
  return id;
}

export async function lockSession(t: TempDb, sessionId: string): Promise<void> {
  await t.db.updateTable('councilSession').set({ lockedAt: '2025-01-01T00:00:00.000Z' }).where('id', '=', sessionId).execute();
}

/** Every row of the named tables, to show that a refused call changed nothing. */
export async function snapshot(t: TempDb, tables: (keyof Database)[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await t.db.selectFrom(table).selectAll().execute();
  return out;
}

/** The 66th ordinary session (Agadir, November 2024) with one sitting, one agenda item and four states. */
export async function makeWorld(): Promise<World> {
  const t = await openTempDb();
  const states = await insertStates(t);
  const session = await insertSession(t, { number: 66, startDate: '2024-11-20' });
  const sitting = await insertSitting(t, session.id);
  const item = await insertItem(t, session.id, { ar: 'الميزانية', en: 'Budget', fr: 'Budget' });
  return { t, states, session, sitting, item };
}
