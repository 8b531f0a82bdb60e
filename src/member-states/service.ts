// Member states of the organisation: the roll of the council, in protocol order. A state is never
// deleted once it has a history; it is made inactive (it keeps its past delegations and votes, and can
// no longer be given a delegation in a new session).
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { ConflictError, NotFoundError } from '../errors';
import { validate } from '../errors/validate';
import { frenchStateArticle, type FrenchArticle } from '../rules/french-names';
import { readFrenchArticles, writeFrenchArticle } from './french-articles';
import { compareProtocol } from './protocol-order';
import {
  createMemberStateSchema,
  listMemberStatesSchema,
  setMemberStateActiveSchema,
  updateMemberStateSchema,
} from './schema';
import type { MemberState } from './types';

export function toMemberState(row: Row<'memberState'>, articles: Record<string, FrenchArticle> = {}): MemberState {
  return {
    id: row.id,
    isoCode: row.isoCode,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    nameFr: row.nameFr,
    articleFr: frenchStateArticle(row.isoCode, row.nameFr, articles[row.isoCode]),
    protocolOrder: row.protocolOrder,
    active: row.active === 1,
  };
}

export async function requireMemberState(tx: Tx, id: string, field = 'memberStateId'): Promise<Row<'memberState'>> {
  const row = await tx.selectFrom('memberState').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'member state', id);
  return row;
}

async function allInOrder(tx: Tx): Promise<Row<'memberState'>[]> {
  return tx.selectFrom('memberState').selectAll().orderBy('protocolOrder').orderBy('nameAr').execute();
}

/** Write protocol_order 1..n following the given order (only rows whose number changes). */
async function renumber(tx: Tx, rows: Row<'memberState'>[]): Promise<void> {
  for (const [i, row] of rows.entries()) {
    if (row.protocolOrder !== i + 1) {
      await tx.updateTable('memberState').set({ protocolOrder: i + 1 }).where('id', '=', row.id).execute();
      row.protocolOrder = i + 1;
    }
  }
}

async function assertIsoFree(tx: Tx, isoCode: string, exceptId?: string): Promise<void> {
  let q = tx.selectFrom('memberState').select('id').where('isoCode', '=', isoCode);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new ConflictError('isoCode', `a member state already has the code ${isoCode}`, 'duplicate_iso_code', { code: isoCode });
}

export async function listMemberStates(ctx: CoreContext, input?: unknown): Promise<MemberState[]> {
  const { includeInactive } = validate(listMemberStatesSchema, input ?? {});
  return inTransaction(ctx, async (tx) => {
    let q = tx.selectFrom('memberState').selectAll().orderBy('protocolOrder').orderBy('nameAr');
    if (!includeInactive) q = q.where('active', '=', 1);
    const articles = await readFrenchArticles(tx);
    return (await q.execute()).map((row) => toMemberState(row, articles));
  });
}

export async function createMemberState(ctx: CoreContext, input: unknown): Promise<MemberState> {
  const data = validate(createMemberStateSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertIsoFree(tx, data.isoCode);
    const rows = await allInOrder(tx);
    const row: Row<'memberState'> = {
      id: newId(),
      isoCode: data.isoCode,
      nameAr: data.nameAr,
      nameEn: data.nameEn,
      nameFr: data.nameFr,
      protocolOrder: 0,
      active: 1,
      createdAt: nowIso(ctx),
    };
    // Its place: the one asked for, or the alphabetical one among the existing order.
    let index =
      data.protocolOrder !== undefined
        ? Math.min(data.protocolOrder - 1, rows.length)
        : rows.findIndex((r) => compareProtocol(data.nameAr, r.nameAr) < 0);
    if (index < 0) index = rows.length;
    row.protocolOrder = index + 1;
    await tx.insertInto('memberState').values(row).execute();
    rows.splice(index, 0, { ...row, protocolOrder: -1 });
    await renumber(tx, rows);
    await writeFrenchArticle(tx, row.isoCode, data.articleFr, row.createdAt);
    const view = toMemberState({ ...row, protocolOrder: index + 1 }, await readFrenchArticles(tx));
    await recordAudit(ctx, tx, { action: 'memberState.create', entity: 'memberState', entityId: row.id, after: view });
    return view;
  });
}

export async function updateMemberState(ctx: CoreContext, input: unknown): Promise<MemberState> {
  const data = validate(updateMemberStateSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await requireMemberState(tx, data.id, 'id');
    if (data.isoCode !== undefined) await assertIsoFree(tx, data.isoCode, data.id);
    const before = toMemberState(current, await readFrenchArticles(tx));
    const changes = {
      ...(data.isoCode !== undefined ? { isoCode: data.isoCode } : {}),
      ...(data.nameAr !== undefined ? { nameAr: data.nameAr } : {}),
      ...(data.nameEn !== undefined ? { nameEn: data.nameEn } : {}),
      ...(data.nameFr !== undefined ? { nameFr: data.nameFr } : {}),
    };
    if (Object.keys(changes).length > 0) {
      await tx.updateTable('memberState').set(changes).where('id', '=', data.id).execute();
    }
    if (data.protocolOrder !== undefined && data.protocolOrder !== current.protocolOrder) {
      const rows = (await allInOrder(tx)).filter((r) => r.id !== data.id);
      const index = Math.min(data.protocolOrder - 1, rows.length);
      rows.splice(index, 0, { ...current, protocolOrder: -1 });
      await renumber(tx, rows);
    }
    await writeFrenchArticle(tx, data.isoCode ?? current.isoCode, data.articleFr, nowIso(ctx), current.isoCode);
    const after = toMemberState(await requireMemberState(tx, data.id, 'id'), await readFrenchArticles(tx));
    await recordAudit(ctx, tx, { action: 'memberState.update', entity: 'memberState', entityId: data.id, before, after });
    return after;
  });
}

export async function setMemberStateActive(ctx: CoreContext, input: unknown): Promise<MemberState> {
  const data = validate(setMemberStateActiveSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await requireMemberState(tx, data.id, 'id');
    const before = toMemberState(current, await readFrenchArticles(tx));
    await tx.updateTable('memberState').set({ active: data.active ? 1 : 0 }).where('id', '=', data.id).execute();
    const after = { ...before, active: data.active };
    await recordAudit(ctx, tx, { action: 'memberState.setActive', entity: 'memberState', entityId: data.id, before, after });
    return after;
  });
}
