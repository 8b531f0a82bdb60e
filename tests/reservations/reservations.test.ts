import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/context';
import { recordDecision } from '../../src/decisions/service';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { createReservation, listReservations, removeReservation, updateReservation } from '../../src/reservations/service';
import { insertMemberDelegation, lockSession, makeWorld, snapshot, type World } from '../decisions/world';

let w: World;
afterEach(async () => {
  await w?.t.cleanup();
});

async function setup() {
  w = await makeWorld();
  const decision = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: '2024-11-20T11:00:00Z', text: { ar: 'قرار' } });
  const [ma, iq, eg] = w.states as [typeof w.states[0], typeof w.states[0], typeof w.states[0]];
  await insertMemberDelegation(w.t, w.session.id, ma);
  await insertMemberDelegation(w.t, w.session.id, iq);
  return { decision, ma, iq, eg };
}

describe('reservations', () => {
  it("records a member state's reservation with its names, edits and removes it, all audited", async () => {
    const { decision, ma, iq } = await setup();
    const r = await createReservation(w.t.ctx, { decisionId: decision.id, memberStateId: iq.id, text: 'يتحفظ وفد العراق على الفقرة الثانية' });
    expect(r).toMatchObject({ sessionId: w.session.id, decisionId: decision.id, memberStateId: iq.id, state: { isoCode: 'IQ', en: 'Iraq' } });
    await createReservation(w.t.ctx, { decisionId: decision.id, memberStateId: ma.id, text: 'تحفظ' });
    // Protocol order: MA (1) before IQ (2).
    expect((await listReservations(w.t.ctx, { decisionId: decision.id })).map((x) => x.state.isoCode)).toEqual(['MA', 'IQ']);
    const edited = await updateReservation(w.t.ctx, { id: r.id, text: 'نص معدل' });
    expect(edited.text).toBe('نص معدل');
    await removeReservation(w.t.ctx, { id: r.id });
    expect((await listReservations(w.t.ctx, { sessionId: w.session.id })).map((x) => x.state.isoCode)).toEqual(['MA']);
    const actions = (await w.t.db.selectFrom('auditEntry').select('action').where('entity', '=', 'reservation').execute()).map((a) => a.action);
    expect(actions).toEqual(['reservation.create', 'reservation.create', 'reservation.update', 'reservation.remove']);
  });

  it('refuses, changing nothing: a second one for the same state, a state without a delegation, bad ids, empty text', async () => {
    const { decision, iq, eg } = await setup();
    await createReservation(w.t.ctx, { decisionId: decision.id, memberStateId: iq.id, text: 'تحفظ' });
    const before = await snapshot(w.t, ['reservation', 'auditEntry']);
    const cases: [object, new (...a: never[]) => Error, string][] = [
      [{ memberStateId: iq.id }, ConflictError, 'memberStateId'],
      [{ memberStateId: eg.id }, ValidationError, 'memberStateId'],
      [{ memberStateId: newId() }, NotFoundError, 'memberStateId'],
      [{ decisionId: newId() }, NotFoundError, 'decisionId'],
      [{ text: ' ' }, ValidationError, 'text'],
    ];
    for (const [patch, type, field] of cases) {
      const err = await createReservation(w.t.ctx, { decisionId: decision.id, memberStateId: iq.id, text: 'x', ...patch }).catch((e: unknown) => e);
      expect(err, JSON.stringify(patch)).toBeInstanceOf(type);
      expect((err as ValidationError).field).toBe(field);
    }
    await expect(updateReservation(w.t.ctx, { id: newId(), text: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReservations(w.t.ctx, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(listReservations(w.t.ctx, { sessionId: newId() })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'sessionId' });
    expect(await snapshot(w.t, ['reservation', 'auditEntry'])).toEqual(before);
  });

  it('is frozen with its session', async () => {
    const { decision, iq, ma } = await setup();
    const r = await createReservation(w.t.ctx, { decisionId: decision.id, memberStateId: iq.id, text: 'تحفظ' });
    await lockSession(w.t, w.session.id);
    await expect(createReservation(w.t.ctx, { decisionId: decision.id, memberStateId: ma.id, text: 'x' })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(updateReservation(w.t.ctx, { id: r.id, text: 'x' })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(removeReservation(w.t.ctx, { id: r.id })).rejects.toBeInstanceOf(LockedSessionError);
    expect((await listReservations(w.t.ctx, { decisionId: decision.id }))[0]!.text).toBe('تحفظ');
  });
});
