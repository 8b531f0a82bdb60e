// The template of standing items (settings key 'agendaTemplate') and applying it to a session.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import { validate } from '../errors/validate';
import { assertSessionWritable } from '../sessions/guard';
import { agendaTemplateSchema, sessionAgendaSchema, type AgendaTemplate } from './schema';
import { agendaViews, insertAgendaRow } from './service';
import { AGENDA_TEMPLATE_KEY, defaultAgendaTemplate } from './template';
import type { AgendaItem } from './types';

/** The stored template, or the default; a stored value that no longer validates falls back to the default. */
export async function readAgendaTemplate(tx: Tx): Promise<AgendaTemplate> {
  const row = await tx.selectFrom('setting').select('valueJson').where('key', '=', AGENDA_TEMPLATE_KEY).executeTakeFirst();
  if (!row) return structuredClone(defaultAgendaTemplate);
  const parsed = agendaTemplateSchema.safeParse(JSON.parse(row.valueJson));
  return parsed.success ? parsed.data : structuredClone(defaultAgendaTemplate);
}

export async function getAgendaTemplate(ctx: CoreContext, _input?: unknown): Promise<AgendaTemplate> {
  return inTransaction(ctx, (tx) => readAgendaTemplate(tx));
}

/** Replace the whole template (the UI edits the list and saves it). */
export async function updateAgendaTemplate(ctx: CoreContext, input: unknown): Promise<AgendaTemplate> {
  const after = validate(agendaTemplateSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await readAgendaTemplate(tx);
    const valueJson = JSON.stringify(after);
    const at = nowIso(ctx);
    await tx
      .insertInto('setting')
      .values({ key: AGENDA_TEMPLATE_KEY, valueJson, updatedAt: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson, updatedAt: at }))
      .execute();
    await recordAudit(ctx, tx, { action: 'agenda.template.update', entity: 'setting', entityId: AGENDA_TEMPLATE_KEY, before, after });
    return after;
  });
}

/**
 * Append the template's standing items to the session's agenda as top-level items, in the template's order.
 * A standing item the session already has (same key) is skipped, so applying twice adds nothing.
 */
export async function applyAgendaTemplate(ctx: CoreContext, input: unknown): Promise<AgendaItem[]> {
  const { sessionId } = validate(sessionAgendaSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, sessionId);
    const template = await readAgendaTemplate(tx);
    const rows = await tx.selectFrom('agendaItem').selectAll().where('sessionId', '=', sessionId).execute();
    const present = new Set(rows.map((r) => r.standingKey).filter((k): k is string => k !== null));
    const added: string[] = [];
    for (const item of template.items) {
      if (present.has(item.key)) continue;
      const row = await insertAgendaRow(
        tx,
        rows,
        {
          id: newId(),
          sessionId,
          parentId: null,
          standingKey: item.key,
          titleAr: item.title.ar,
          titleEn: item.title.en,
          titleFr: item.title.fr,
          presenter: item.presenter,
          documentRefsJson: '[]',
          status: 'pending',
          createdAt: nowIso(ctx),
        },
        undefined,
      );
      added.push(row.id);
    }
    await recordAudit(ctx, tx, {
      action: 'agenda.template.apply',
      entity: 'agendaItem',
      entityId: sessionId,
      sessionId,
      after: { added, template: template.items.map((i) => i.key) },
    });
    return agendaViews(tx, sessionId);
  });
}
