import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/context';
import { deleteDecision, recordDecision } from '../../src/decisions/service';
import { LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { createReferral, listReferrals, removeReferral, updateReferral } from '../../src/referrals/service';
import { lockSession, makeWorld, snapshot, type World } from '../decisions/world';

let w: World;
afterEach(async () => {
  await w?.t.cleanup();
});

async function setup() {
  w = await makeWorld();
  return recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: '2024-11-20T11:00:00Z', text: { ar: 'رفع المواصفات إلى الجمعية العامة' } });
}

describe('referrals', () => {
  it('refers a decision to the General Assembly, a ministerial council or a named body', async () => {
    const d = await setup();
    const ga = await createReferral(w.t.ctx, { decisionId: d.id, body: 'general_assembly' });
    expect(ga).toMatchObject({ body: 'general_assembly', bodyName: '', note: '', sessionId: w.session.id });
    await createReferral(w.t.ctx, { decisionId: d.id, body: 'ministerial_council', bodyName: 'مجلس الوزراء العرب المسؤولين عن الصناعة' });
    const other = await createReferral(w.t.ctx, { decisionId: d.id, body: 'other', bodyName: 'اللجنة الاستشارية للتقييس', note: 'للدراسة' });
    expect((await listReferrals(w.t.ctx, { decisionId: d.id })).map((r) => r.body)).toEqual(['general_assembly', 'ministerial_council', 'other']);
    const changed = await updateReferral(w.t.ctx, { id: other.id, note: 'للدراسة والرأي' });
    expect(changed).toMatchObject({ body: 'other', bodyName: 'اللجنة الاستشارية للتقييس', note: 'للدراسة والرأي' });
    await removeReferral(w.t.ctx, { id: ga.id });
    expect(await listReferrals(w.t.ctx, { sessionId: w.session.id })).toHaveLength(2);
    // A decision that was referred cannot be deleted.
    await expect(deleteDecision(w.t.ctx, { id: d.id })).rejects.toThrow(/referral/);
  });

  it("requires the body's name for 'other', on creation and after an edit, changing nothing", async () => {
    const d = await setup();
    const ga = await createReferral(w.t.ctx, { decisionId: d.id, body: 'general_assembly' });
    const before = await snapshot(w.t, ['referral', 'auditEntry']);
    for (const input of [
      { decisionId: d.id, body: 'other' },
      { decisionId: d.id, body: 'other', bodyName: '   ' },
    ]) {
      const err = await createReferral(w.t.ctx, input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe('bodyName');
    }
    const err = await updateReferral(w.t.ctx, { id: ga.id, body: 'other' }).catch((e: unknown) => e);
    expect((err as ValidationError).field).toBe('bodyName');
    const bad = await createReferral(w.t.ctx, { decisionId: d.id, body: 'parliament' }).catch((e: unknown) => e);
    expect((bad as ValidationError).field).toBe('body');
    await expect(createReferral(w.t.ctx, { decisionId: newId(), body: 'general_assembly' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReferrals(w.t.ctx, { sessionId: newId() })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'sessionId' });
    expect(await snapshot(w.t, ['referral', 'auditEntry'])).toEqual(before);
  });

  it('is frozen with its session', async () => {
    const d = await setup();
    const r = await createReferral(w.t.ctx, { decisionId: d.id, body: 'general_assembly' });
    await lockSession(w.t, w.session.id);
    await expect(createReferral(w.t.ctx, { decisionId: d.id, body: 'general_assembly' })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(updateReferral(w.t.ctx, { id: r.id, note: 'x' })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(removeReferral(w.t.ctx, { id: r.id })).rejects.toBeInstanceOf(LockedSessionError);
  });
});
