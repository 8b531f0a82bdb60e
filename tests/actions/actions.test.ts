import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/context';
import { addActionUpdate, createAction, getAction, listActions, removeAction, updateAction } from '../../src/actions/service';
import { followUpReport, openActions } from '../../src/actions/report';
import { deleteDecision, recordDecision } from '../../src/decisions/service';
import { LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { insertItem, insertSession, insertStates, lockSession, snapshot } from '../decisions/world';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
afterEach(async () => {
  await t?.cleanup();
});

const FINANCE = 'إدارة الشؤون المالية والإدارية';

/** Four sessions a half-year apart; the 65th decides two actions and has a standalone one. */
async function history() {
  t = await openTempDb();
  const states = await insertStates(t);
  const s65 = await insertSession(t, { number: 65, startDate: '2024-05-10' });
  const s66 = await insertSession(t, { number: 66, startDate: '2024-11-20' });
  const s67 = await insertSession(t, { number: 67, startDate: '2025-05-10' });
  const s68 = await insertSession(t, { number: 68, startDate: '2025-11-10' });
  const item65 = await insertItem(t, s65.id, { ar: 'الميزانية' });
  const item66 = await insertItem(t, s66.id, { ar: 'المتابعة' });
  const d65 = await recordDecision(t.ctx, { agendaItemId: item65.id, adoptedAt: '2024-05-10T10:00:00Z', text: { ar: 'تحصيل المساهمات' } });
  const d66 = await recordDecision(t.ctx, { agendaItemId: item66.id, adoptedAt: '2024-11-20T10:00:00Z', text: { ar: 'منتدى الصناعات' } });
  const a1 = await createAction(t.ctx, { decisionId: d65.id, description: 'متابعة تحصيل المساهمات', responsible: { kind: 'secretariat_unit', unit: FINANCE }, dueDate: '2024-10-01' });
  const a2 = await createAction(t.ctx, { decisionId: d65.id, description: 'سداد المتأخرات', responsible: { kind: 'member_state', memberStateId: states[0]!.id }, dueDate: '2025-01-01' });
  const a3 = await createAction(t.ctx, { sessionId: s65.id, description: 'إعداد دراسة', responsible: { kind: 'secretariat_unit', unit: 'إدارة الدراسات' }, status: 'in_progress' });
  const b1 = await createAction(t.ctx, { decisionId: d66.id, description: 'تنظيم المنتدى', responsible: { kind: 'secretariat_unit', unit: 'إدارة الصناعة' } });
  return { states, s65, s66, s67, s68, d65, d66, a1, a2, a3, b1 };
}

describe('follow-up actions', () => {
  it('are created from a decision (its session and number) or standalone, with a state or a unit responsible', async () => {
    const h = await history();
    expect(h.a1).toMatchObject({ session: { id: h.s65.id, number: 65 }, decisionNumber: { ar: 'ق.م.ت/65/1', en: 'EC/65/1' }, status: 'open', updates: [] });
    expect(h.a2.responsible).toEqual({ kind: 'member_state', memberStateId: h.states[0]!.id, state: { isoCode: 'MA', ar: 'المملكة المغربية', en: 'Morocco', fr: 'Maroc' } });
    expect(h.a3).toMatchObject({ decisionId: null, decisionNumber: null, status: 'in_progress', responsible: { kind: 'secretariat_unit', unit: 'إدارة الدراسات' } });
    expect((await listActions(t.ctx, { sessionId: h.s65.id })).map((a) => a.id)).toEqual([h.a1.id, h.a2.id, h.a3.id]);
    const edited = await updateAction(t.ctx, { id: h.a3.id, dueDate: '2025-03-31', responsible: { kind: 'member_state', memberStateId: h.states[1]!.id } });
    expect(edited).toMatchObject({ dueDate: '2025-03-31', responsible: { kind: 'member_state', state: { isoCode: 'IQ' } }, description: 'إعداد دراسة' });
    await expect(deleteDecision(t.ctx, { id: h.d65.id })).rejects.toThrow(/2 follow-up action/);
  });

  it('change status through dated updates, reported at a later session', async () => {
    const h = await history();
    const after = await addActionUpdate(t.ctx, { actionItemId: h.a1.id, at: '2024-11-20T09:00:00Z', text: 'حُصّل 60٪', status: 'in_progress', reportedAtSessionId: h.s66.id });
    expect(after.status).toBe('in_progress');
    expect(after.latestUpdate).toMatchObject({ text: 'حُصّل 60٪', status: 'in_progress', reportedAt: { id: h.s66.id, number: 66 } });
    // An update without a status keeps the current one.
    const again = await addActionUpdate(t.ctx, { actionItemId: h.a1.id, at: '2024-12-01T09:00:00Z', text: 'مراسلة الدول' });
    expect(again.status).toBe('in_progress');
    expect(again.updates.map((u) => u.text)).toEqual(['حُصّل 60٪', 'مراسلة الدول']);
    expect((await getAction(t.ctx, { id: h.a1.id })).latestUpdate?.reportedAt).toBeNull();
  });

  it("make each session's follow-up report: open from earlier sessions, as reported at that session, fixed in time", async () => {
    const h = await history();
    await addActionUpdate(t.ctx, { actionItemId: h.a1.id, at: '2024-11-20T09:00:00Z', text: 'جارٍ التحصيل', status: 'in_progress', reportedAtSessionId: h.s66.id });
    await addActionUpdate(t.ctx, { actionItemId: h.a2.id, at: '2024-11-20T09:05:00Z', text: 'سُددت المتأخرات', status: 'done', reportedAtSessionId: h.s66.id });

    const r66 = await followUpReport(t.ctx, { sessionId: h.s66.id });
    expect(r66.session).toMatchObject({ id: h.s66.id, number: 66 });
    expect(r66.entries.map((e) => [e.action.id, e.statusBefore, e.statusAtReport, e.overdue])).toEqual([
      [h.a1.id, 'open', 'in_progress', true], // due 2024-10-01, before the 66th opened
      [h.a2.id, 'open', 'done', false],
      [h.a3.id, 'in_progress', 'in_progress', false],
    ]);
    expect(r66.entries[0]!.action.decisionNumber?.ar).toBe('ق.م.ت/65/1');
    expect(r66.entries[0]!.latestUpdate?.text).toBe('جارٍ التحصيل');

    // At the 67th: the 66th's own action joins; the one closed at the 66th is gone.
    await addActionUpdate(t.ctx, { actionItemId: h.a1.id, at: '2025-05-10T09:00:00Z', text: 'اكتمل التحصيل', status: 'done', reportedAtSessionId: h.s67.id });
    const r67 = await followUpReport(t.ctx, { sessionId: h.s67.id });
    expect(r67.entries.map((e) => [e.action.id, e.statusAtReport])).toEqual([
      [h.a1.id, 'done'],
      [h.a3.id, 'in_progress'],
      [h.b1.id, 'open'],
    ]);
    // The 66th's report does not change with what was reported later.
    const again66 = await followUpReport(t.ctx, { sessionId: h.s66.id });
    expect(again66.entries[0]!.statusAtReport).toBe('in_progress');
    expect(again66.entries[0]!.action.updates.map((u) => u.text)).toEqual(['جارٍ التحصيل']);
    // At the 68th, the action done at the 67th no longer appears.
    const r68 = await followUpReport(t.ctx, { sessionId: h.s68.id });
    expect(r68.entries.map((e) => e.action.id)).toEqual([h.a3.id, h.b1.id]);
    // Nothing precedes the 65th.
    expect((await followUpReport(t.ctx, { sessionId: h.s65.id })).entries).toEqual([]);
  });

  it('lists open actions across sessions, with filters', async () => {
    const h = await history();
    await addActionUpdate(t.ctx, { actionItemId: h.a2.id, at: '2024-11-20T09:00:00Z', text: 'سُددت', status: 'done' });
    const open = await openActions(t.ctx, {});
    expect(open.map((a) => a.id)).toEqual([h.a1.id, h.a3.id, h.b1.id]); // due date first, none last
    expect((await openActions(t.ctx, { sessionId: h.s66.id })).map((a) => a.id)).toEqual([h.b1.id]);
    expect((await openActions(t.ctx, { responsibleUnit: FINANCE })).map((a) => a.id)).toEqual([h.a1.id]);
    expect((await openActions(t.ctx, { dueBefore: '2024-12-31' })).map((a) => a.id)).toEqual([h.a1.id]);
    expect((await openActions(t.ctx, { statuses: ['in_progress'] })).map((a) => a.id)).toEqual([h.a3.id]);
    expect(await openActions(t.ctx, { responsibleStateId: h.states[0]!.id })).toEqual([]);
    expect((await openActions(t.ctx)).length).toBe(3);
  });

  it("keep progressing after their session is locked, though their terms are frozen", async () => {
    const h = await history();
    await lockSession(t, h.s65.id);
    const updated = await addActionUpdate(t.ctx, { actionItemId: h.a1.id, at: '2024-11-20T09:00:00Z', text: 'أُنجز', status: 'done', reportedAtSessionId: h.s66.id });
    expect(updated.status).toBe('done');
    await expect(updateAction(t.ctx, { id: h.a3.id, description: 'x' })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(removeAction(t.ctx, { id: h.a3.id })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(createAction(t.ctx, { sessionId: h.s65.id, description: 'x', responsible: { kind: 'secretariat_unit', unit: 'u' } })).rejects.toBeInstanceOf(LockedSessionError);
    // Reporting at a locked session is refused: its report is approved.
    await expect(
      addActionUpdate(t.ctx, { actionItemId: h.b1.id, at: '2025-01-01T00:00:00Z', text: 'x', reportedAtSessionId: h.s65.id }),
    ).rejects.toBeInstanceOf(LockedSessionError);
  });

  it('cannot fall due before the decision they follow from, on creation or when the date is changed', async () => {
    const h = await history();
    const before = await snapshot(t, ['actionItem', 'auditEntry']);
    const err = (await createAction(t.ctx, { decisionId: h.d66.id, description: 'x', responsible: { kind: 'secretariat_unit', unit: FINANCE }, dueDate: '2024-11-19' }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('dueDate');
    expect(err.issues[0]).toMatchObject({ code: 'due_before_decision' });
    await expect(updateAction(t.ctx, { id: h.b1.id, dueDate: '2024-11-01' })).rejects.toMatchObject({ field: 'dueDate' });
    expect(await snapshot(t, ['actionItem', 'auditEntry'])).toEqual(before);
    // The day of the decision itself, and a standalone action, are fine.
    await updateAction(t.ctx, { id: h.b1.id, dueDate: '2024-11-20' });
    await updateAction(t.ctx, { id: h.a3.id, dueDate: '2020-01-01' });
  });

  it('refuse bad input, changing nothing', async () => {
    const h = await history();
    await addActionUpdate(t.ctx, { actionItemId: h.a1.id, at: '2024-11-20T09:00:00Z', text: 'x' });
    const before = await snapshot(t, ['actionItem', 'actionUpdate', 'auditEntry']);
    const base = { sessionId: h.s65.id, description: 'd', responsible: { kind: 'secretariat_unit', unit: 'u' } };
    const cases: [(...a: never[]) => Promise<unknown>, object, new (...a: never[]) => Error, string][] = [
      [createAction, { ...base, sessionId: undefined }, ValidationError, 'sessionId'],
      [createAction, { ...base, decisionId: h.d66.id }, ValidationError, 'sessionId'],
      [createAction, { ...base, decisionId: newId() }, NotFoundError, 'decisionId'],
      [createAction, { ...base, sessionId: newId() }, NotFoundError, 'sessionId'],
      [createAction, { ...base, responsible: { kind: 'member_state', memberStateId: newId() } }, NotFoundError, 'responsible.memberStateId'],
      [createAction, { ...base, responsible: { kind: 'secretariat_unit', unit: ' ' } }, ValidationError, 'responsible.unit'],
      [createAction, { ...base, dueDate: '2025-02-30' }, ValidationError, 'dueDate'],
      [createAction, { ...base, dueDate: '9999-12-31' }, ValidationError, 'dueDate'],
      [createAction, { ...base, dueDate: '0001-01-01' }, ValidationError, 'dueDate'],
      [updateAction, { id: h.a2.id, dueDate: '2999-01-01' }, ValidationError, 'dueDate'],
      [addActionUpdate, { actionItemId: h.b1.id, at: '0001-01-01T00:00:00Z', text: 'x' }, ValidationError, 'at'],
      [createAction, { ...base, status: 'done' }, ValidationError, 'status'],
      [addActionUpdate, { actionItemId: h.b1.id, at: '2024-05-10T00:00:00Z', text: 'x', reportedAtSessionId: h.s65.id }, ValidationError, 'reportedAtSessionId'],
      [addActionUpdate, { actionItemId: h.b1.id, at: '2025-01-01T00:00:00Z', text: 'x', reportedAtSessionId: newId() }, NotFoundError, 'reportedAtSessionId'],
      [addActionUpdate, { actionItemId: newId(), at: '2025-01-01T00:00:00Z', text: 'x' }, NotFoundError, 'actionItemId'],
      [addActionUpdate, { actionItemId: h.b1.id, at: 'yesterday', text: 'x' }, ValidationError, 'at'],
      [addActionUpdate, { actionItemId: h.b1.id, at: '2025-01-01T00:00:00Z', text: 'x', status: 'finished' }, ValidationError, 'status'],
      [removeAction, { id: h.a1.id }, ValidationError, 'id'],
    ];
    for (const [fn, input, type, field] of cases) {
      const err = await (fn as (c: unknown, i: unknown) => Promise<unknown>)(t.ctx, input).catch((e: unknown) => e);
      expect(err, JSON.stringify(input)).toBeInstanceOf(type);
      expect((err as ValidationError).field, JSON.stringify(input)).toBe(field);
    }
    expect(await snapshot(t, ['actionItem', 'actionUpdate', 'auditEntry'])).toEqual(before);
    // Without updates, an action can be removed.
    await removeAction(t.ctx, { id: h.b1.id });
    expect((await listActions(t.ctx, { sessionId: h.s66.id })).length).toBe(0);
  });
});
