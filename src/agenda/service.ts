// The agenda of a session: items and sub-items, ordered among siblings by position 1..n (rewritten after
// every add / remove / move so there is never a gap), numbered for display by rules/agenda-numbering.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { ExpressionBuilder } from 'kysely';
import type { Database, Row } from '../database/schema';
import { NotFoundError, ValidationError, codedValidationError, codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { agendaNumbers, agendaReadingOrder, moveInOrder, wouldCreateCycle } from '../rules/agenda-numbering';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import {
  addAgendaItemSchema,
  agendaItemIdSchema,
  moveAgendaItemSchema,
  sessionAgendaSchema,
  updateAgendaItemSchema,
} from './schema';
import type { AgendaItem } from './types';
import { standingItemFor } from './standing-match';
import { readAgendaTemplate } from './template-service';

export async function requireAgendaItem(tx: Tx, id: string, field = 'id'): Promise<Row<'agendaItem'>> {
  const row = await tx.selectFrom('agendaItem').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'agenda item', id);
  return row;
}

async function sessionRows(tx: Tx, sessionId: string): Promise<Row<'agendaItem'>[]> {
  return tx.selectFrom('agendaItem').selectAll().where('sessionId', '=', sessionId).execute();
}

function siblingIds(rows: Row<'agendaItem'>[], parentId: string | null, exceptId?: string): string[] {
  return rows
    .filter((r) => r.parentId === parentId && r.id !== exceptId)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}

/** Give each of `ids` its place in `order` (1-based), touching only the rows whose position changes. */
async function writePositions(
  tx: Tx,
  rows: Row<'agendaItem'>[],
  ids: string[],
  order: string[] = ids,
): Promise<void> {
  const current = new Map(rows.map((r) => [r.id, r.position] as const));
  for (const id of ids) {
    const position = order.indexOf(id) + 1;
    if (current.get(id) !== position) {
      await tx.updateTable('agendaItem').set({ position }).where('id', '=', id).execute();
    }
  }
}

/** Every item of the session in reading order, with display numbers and depths. */
export async function agendaViews(tx: Tx, sessionId: string): Promise<AgendaItem[]> {
  const rows = await sessionRows(tx, sessionId);
  const numbers = agendaNumbers(rows);
  return agendaReadingOrder(rows).map((row) => toView(row, numbers.get(row.id) ?? ''));
}

export function toView(row: Row<'agendaItem'>, number: string): AgendaItem {
  return {
    id: row.id,
    sessionId: row.sessionId,
    parentId: row.parentId,
    position: row.position,
    number,
    depth: number.split('.').length - 1,
    standingKey: row.standingKey,
    title: { ar: row.titleAr, en: row.titleEn, fr: row.titleFr },
    presenter: row.presenter,
    documentRefs: JSON.parse(row.documentRefsJson) as string[],
    status: row.status,
    createdAt: row.createdAt,
  };
}

async function viewOf(tx: Tx, row: Row<'agendaItem'>): Promise<AgendaItem> {
  const views = await agendaViews(tx, row.sessionId);
  const view = views.find((v) => v.id === row.id);
  if (!view) throw new NotFoundError('id', 'agenda item', row.id);
  return view;
}

export async function listAgenda(ctx: CoreContext, input: unknown): Promise<AgendaItem[]> {
  const { sessionId } = validate(sessionAgendaSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    return agendaViews(tx, sessionId);
  });
}

export async function getAgendaItem(ctx: CoreContext, input: unknown): Promise<AgendaItem> {
  const { id } = validate(agendaItemIdSchema, input);
  return inTransaction(ctx, async (tx) => viewOf(tx, await requireAgendaItem(tx, id)));
}

/** Insert one row as a sibling at `index` (end when undefined); shared with the template. */
export async function insertAgendaRow(
  tx: Tx,
  rows: Row<'agendaItem'>[],
  row: Omit<Row<'agendaItem'>, 'position'>,
  index: number | undefined,
): Promise<Row<'agendaItem'>> {
  const siblings = siblingIds(rows, row.parentId);
  const order = moveInOrder(siblings, row.id, index ?? siblings.length);
  const inserted = { ...row, position: order.indexOf(row.id) + 1 };
  // Make room among the existing siblings first, then insert at the freed position.
  await writePositions(tx, rows, order.filter((id) => id !== row.id), order);
  await tx.insertInto('agendaItem').values(inserted).execute();
  rows.push(inserted);
  return inserted;
}

export async function addAgendaItem(ctx: CoreContext, input: unknown): Promise<AgendaItem> {
  const data = validate(addAgendaItemSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, data.sessionId);
    const rows = await sessionRows(tx, data.sessionId);
    if (data.parentId !== null) {
      const parent = await requireAgendaItem(tx, data.parentId, 'parentId');
      if (parent.sessionId !== data.sessionId) {
        throw codedValidationError('parentId', 'other_session', 'the parent item belongs to another session');
      }
    }
    // The adoption of the agenda typed by hand is the standing item (standing-match.ts), once per session;
    // a language left empty takes the template's title.
    const standing =
      data.parentId === null && !rows.some((r) => r.standingKey === 'adoption_of_agenda') ? standingItemFor(await readAgendaTemplate(tx), data.title) : null;
    const row = await insertAgendaRow(
      tx,
      rows,
      {
        id: newId(),
        sessionId: data.sessionId,
        parentId: data.parentId,
        standingKey: standing?.key ?? null,
        titleAr: data.title.ar || (standing?.title.ar ?? ''),
        titleEn: data.title.en || (standing?.title.en ?? ''),
        titleFr: data.title.fr || (standing?.title.fr ?? ''),
        presenter: data.presenter,
        documentRefsJson: JSON.stringify(data.documentRefs),
        status: data.status,
        createdAt: nowIso(ctx),
      },
      data.index,
    );
    await recordAudit(ctx, tx, { action: 'agenda.add', entity: 'agendaItem', entityId: row.id, sessionId: row.sessionId, after: row });
    return viewOf(tx, row);
  });
}

export async function updateAgendaItem(ctx: CoreContext, input: unknown): Promise<AgendaItem> {
  const data = validate(updateAgendaItemSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireAgendaItem(tx, data.id);
    await assertSessionWritable(tx, before.sessionId);
    const patch: Partial<Row<'agendaItem'>> = {};
    if (data.title) Object.assign(patch, { titleAr: data.title.ar, titleEn: data.title.en, titleFr: data.title.fr });
    if (data.presenter !== undefined) patch.presenter = data.presenter;
    if (data.documentRefs) patch.documentRefsJson = JSON.stringify(data.documentRefs);
    if (data.status) patch.status = data.status;
    if (Object.keys(patch).length > 0) {
      await tx.updateTable('agendaItem').set(patch).where('id', '=', data.id).execute();
    }
    const after = { ...before, ...patch };
    await recordAudit(ctx, tx, { action: 'agenda.update', entity: 'agendaItem', entityId: data.id, sessionId: before.sessionId, before, after });
    return viewOf(tx, after);
  });
}

/** Remove an item that has nothing hanging on it; its siblings close the gap. */
export async function removeAgendaItem(ctx: CoreContext, input: unknown): Promise<AgendaItem[]> {
  const { id } = validate(agendaItemIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireAgendaItem(tx, id);
    await assertSessionWritable(tx, row.sessionId);
    const dependants: [string, number][] = [
      ['sub-items', await count(tx.selectFrom('agendaItem').select(countAll).where('parentId', '=', id).executeTakeFirst())],
      ['notes', await count(tx.selectFrom('note').select(countAll).where('agendaItemId', '=', id).executeTakeFirst())],
      ['motions', await count(tx.selectFrom('motion').select(countAll).where('agendaItemId', '=', id).executeTakeFirst())],
      ['decisions', await count(tx.selectFrom('decision').select(countAll).where('agendaItemId', '=', id).executeTakeFirst())],
      ['speakers', await count(tx.selectFrom('speaker').select(countAll).where('agendaItemId', '=', id).executeTakeFirst())],
      ['working documents', await count(tx.selectFrom('workingDocument').select(countAll).where('agendaItemId', '=', id).executeTakeFirst())],
    ];
    const held = dependants.filter(([, n]) => n > 0);
    if (held.length > 0) {
      const what = held.map(([name, n]) => `${n} ${name}`).join(', ');
      throw codedConflictError('id', 'item_in_use', `the item has ${what}: remove or move them first, or mark the item withdrawn`);
    }
    const rows = await sessionRows(tx, row.sessionId);
    await tx.deleteFrom('agendaItem').where('id', '=', id).execute();
    await writePositions(tx, rows, siblingIds(rows, row.parentId, id));
    await recordAudit(ctx, tx, { action: 'agenda.remove', entity: 'agendaItem', entityId: id, sessionId: row.sessionId, before: row });
    return agendaViews(tx, row.sessionId);
  });
}

/** Move an item (with its sub-items) to `index` among the children of `parentId`. */
export async function moveAgendaItem(ctx: CoreContext, input: unknown): Promise<AgendaItem[]> {
  const data = validate(moveAgendaItemSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireAgendaItem(tx, data.id);
    await assertSessionWritable(tx, row.sessionId);
    const rows = await sessionRows(tx, row.sessionId);
    if (data.parentId !== null) {
      const parent = await requireAgendaItem(tx, data.parentId, 'parentId');
      if (parent.sessionId !== row.sessionId) throw codedValidationError('parentId', 'other_session', 'the new parent belongs to another session');
      if (wouldCreateCycle(rows, row.id, data.parentId)) {
        throw new ValidationError('parentId', 'an item cannot be moved under itself or one of its sub-items', 'agenda_cycle');
      }
    }
    if (data.parentId !== row.parentId) {
      await writePositions(tx, rows, siblingIds(rows, row.parentId, row.id));
      await tx.updateTable('agendaItem').set({ parentId: data.parentId }).where('id', '=', row.id).execute();
    }
    const order = moveInOrder(siblingIds(rows, data.parentId, row.id), row.id, data.index);
    // The moved row's stored position is stale once its parent changed: force its write.
    await writePositions(tx, rows.map((r) => (r.id === row.id ? { ...r, position: -1 } : r)), order);
    const after = await requireAgendaItem(tx, row.id);
    await recordAudit(ctx, tx, { action: 'agenda.move', entity: 'agendaItem', entityId: row.id, sessionId: row.sessionId, before: row, after });
    return agendaViews(tx, row.sessionId);
  });
}

const countAll = (eb: ExpressionBuilder<Database, keyof Database>) => eb.fn.countAll<number>().as('n');

async function count(query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> {
  return Number((await query)?.n ?? 0);
}
