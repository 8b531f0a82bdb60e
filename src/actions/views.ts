// Loading follow-up actions with what the UI and the minutes show beside them: their session, their
// decision's number, the responsible state's names and their dated updates.
import { sql } from 'kysely';
import type { Tx } from '../core/context';
import type { ActionItem, ActionStatus, ActionUpdate, SessionRef } from './types';

/** Actions joined with their session, decision and responsible state; callers add where/order. */
export function actionQuery(tx: Tx) {
  return tx
    .selectFrom('actionItem as a')
    .innerJoin('councilSession as s', 's.id', 'a.sessionId')
    .leftJoin('decision as d', 'd.id', 'a.decisionId')
    .leftJoin('memberState as m', 'm.id', 'a.responsibleStateId')
    .selectAll('a')
    .select([
      's.kind as sessionKind',
      's.number as sessionNumber',
      's.startDate as sessionStartDate',
      'd.serial as decisionSerial',
      'd.numberAr',
      'd.numberEn',
      'd.numberFr',
      'm.isoCode as stateIso',
      'm.nameAr as stateAr',
      'm.nameEn as stateEn',
      'm.nameFr as stateFr',
    ]);
}

export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

const CHUNK = 400;

async function updatesFor(tx: Tx, ids: string[]): Promise<Map<string, ActionUpdate[]>> {
  const out = new Map<string, ActionUpdate[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('actionUpdate as u')
      .leftJoin('councilSession as s', 's.id', 'u.reportedAtSessionId')
      .selectAll('u')
      .select(['s.kind as sessionKind', 's.number as sessionNumber', 's.startDate as sessionStartDate'])
      .where('u.actionItemId', 'in', ids.slice(i, i + CHUNK))
      .orderBy('u.at')
      .orderBy(sql`u.rowid`)
      .execute();
    for (const r of rows) {
      const reportedAt: SessionRef | null =
        r.reportedAtSessionId && r.sessionKind && r.sessionNumber !== null && r.sessionStartDate
          ? { id: r.reportedAtSessionId, kind: r.sessionKind, number: r.sessionNumber, startDate: r.sessionStartDate }
          : null;
      const list = out.get(r.actionItemId) ?? [];
      list.push({ id: r.id, actionItemId: r.actionItemId, at: r.at, text: r.text, textForms: { en: r.textEn, fr: r.textFr }, status: r.status as ActionStatus, reportedAt });
      out.set(r.actionItemId, list);
    }
  }
  return out;
}

export async function toActionViews(tx: Tx, rows: ActionRow[]): Promise<ActionItem[]> {
  const updates = await updatesFor(tx, rows.map((r) => r.id));
  return rows.map((r) => {
    const list = updates.get(r.id) ?? [];
    return {
      id: r.id,
      session: { id: r.sessionId, kind: r.sessionKind, number: r.sessionNumber, startDate: r.sessionStartDate },
      decisionId: r.decisionId,
      decisionNumber: r.decisionId && r.numberAr !== null ? { ar: r.numberAr, en: r.numberEn ?? '', fr: r.numberFr ?? '' } : null,
      description: r.description,
      forms: { description: { en: r.descriptionEn, fr: r.descriptionFr }, unit: { en: r.responsibleUnitEn, fr: r.responsibleUnitFr } },
      responsible:
        r.responsibleKind === 'member_state' && r.responsibleStateId
          ? {
              kind: 'member_state',
              memberStateId: r.responsibleStateId,
              state: { isoCode: r.stateIso ?? '', ar: r.stateAr ?? '', en: r.stateEn ?? '', fr: r.stateFr ?? '' },
            }
          : { kind: 'secretariat_unit', unit: r.responsibleUnit },
      dueDate: r.dueDate,
      status: r.status,
      createdAt: r.createdAt,
      updates: list,
      latestUpdate: list[list.length - 1] ?? null,
    };
  });
}
