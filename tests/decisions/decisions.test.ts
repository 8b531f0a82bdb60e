import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { deleteDecision, getDecision, listDecisions, recordDecision, updateDecision } from '../../src/decisions/service';
import { updateOrganisationSettings } from '../../src/settings/service';
import { newId } from '../../src/core/context';
import {
  insertItem,
  insertMemberDelegation,
  insertMotion,
  insertSession,
  insertSitting,
  insertVote,
  lockSession,
  makeWorld,
  snapshot,
  type World,
} from './world';

let w: World;
afterEach(async () => {
  await w?.t.cleanup();
});

const text = { ar: 'يعتمد المجلس الميزانية', en: 'The Council adopts the budget', fr: 'Le Conseil adopte le budget' };
const at = '2024-11-20T11:00:00Z';
const TABLES = ['decision', 'councilSession', 'auditEntry'] as const;

describe('recording a decision', () => {
  it('numbers decisions in the organisation pattern, serial within the session', async () => {
    w = await makeWorld();
    const d1 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    const d2 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text: { ar: 'قرار ثان' } });
    expect(d1.number).toEqual({ ar: 'ق.م.ت/66/1', en: 'EC/66/1', fr: 'CE/66/1' });
    expect(d2.serial).toBe(2);
    expect(d2.number.en).toBe('EC/66/2');
    expect(d2.text).toEqual({ ar: 'قرار ثان', en: '', fr: '' });
    expect(d1.adoptedBy).toBe('consensus');
    expect(d1.adoptedAt).toBe('2024-11-20T11:00:00.000Z');
    const session = await w.t.db.selectFrom('councilSession').select('lastDecisionSerial').where('id', '=', w.session.id).executeTakeFirstOrThrow();
    expect(session.lastDecisionSerial).toBe(2);
    const audit = await w.t.db.selectFrom('auditEntry').selectAll().where('action', '=', 'decision.record').execute();
    expect(audit.map((a) => a.entityId)).toEqual([d1.id, d2.id]);
  });

  it("follows the settings: another pattern, and Arabic-Indic digits in the Arabic number", async () => {
    w = await makeWorld();
    await updateOrganisationSettings(w.t.ctx, {
      digits: 'arabic-indic',
      decisionNumberPattern: { ar: '{council}/د{session}/{serial}', en: 'EC/{year}/{session}/{serial}', fr: 'CE/{session}/{serial}' },
    });
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    expect(d.number).toEqual({ ar: 'ق.م.ت/د٦٦/١', en: 'EC/2024/66/1', fr: 'CE/66/1' });
  });

  it('from a motion adopted by vote: adopted by vote, at the sitting of the vote', async () => {
    w = await makeWorld();
    const motion = await insertMotion(w.t, w.item, { decidedBy: 'vote' });
    await insertVote(w.t, motion, w.sitting.id);
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, motionId: motion.id, adoptedAt: at, text });
    expect(d).toMatchObject({ motionId: motion.id, adoptedBy: 'vote', sittingId: w.sitting.id });
  });

  it('from a motion adopted by consensus: adopted by consensus', async () => {
    w = await makeWorld();
    const motion = await insertMotion(w.t, w.item, { decidedBy: 'consensus' });
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, motionId: motion.id, sittingId: w.sitting.id, adoptedAt: at, text });
    expect(d).toMatchObject({ adoptedBy: 'consensus', sittingId: w.sitting.id });
  });

  it('refuses, changing nothing: a second decision for a motion, a motion not adopted, an amendment, another item', async () => {
    w = await makeWorld();
    const motion = await insertMotion(w.t, w.item);
    await recordDecision(w.t.ctx, { agendaItemId: w.item.id, motionId: motion.id, adoptedAt: at, text });
    const proposed = await insertMotion(w.t, w.item, { status: 'proposed' });
    const rejected = await insertMotion(w.t, w.item, { status: 'rejected', decidedBy: 'vote' });
    const amendment = await insertMotion(w.t, w.item, { parentMotionId: proposed.id });
    const otherItem = await insertItem(w.t, w.session.id, { ar: 'بند آخر' }, 2);
    const elsewhere = await insertMotion(w.t, otherItem);
    const before = await snapshot(w.t, [...TABLES]);

    const cases: [unknown, new (...a: never[]) => Error, string][] = [
      [{ motionId: motion.id }, ConflictError, 'motionId'],
      [{ motionId: proposed.id }, ValidationError, 'motionId'],
      [{ motionId: rejected.id }, ValidationError, 'motionId'],
      [{ motionId: amendment.id }, ValidationError, 'motionId'],
      [{ motionId: elsewhere.id }, ValidationError, 'motionId'],
      [{ motionId: newId() }, NotFoundError, 'motionId'],
      [{ agendaItemId: newId() }, NotFoundError, 'agendaItemId'],
      [{ sittingId: newId() }, NotFoundError, 'sittingId'],
      [{ text: { ar: '  ' } }, ValidationError, 'text.ar'],
      [{ adoptedAt: '20 November' }, ValidationError, 'adoptedAt'],
      [{ serial: 7 }, ValidationError, 'serial'], // an unknown key is named itself
    ];
    for (const [patch, type, field] of cases) {
      const err = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text, ...(patch as object) }).catch((e: unknown) => e);
      expect(err, JSON.stringify(patch)).toBeInstanceOf(type);
      expect((err as ValidationError).field, JSON.stringify(patch)).toBe(field);
    }
    expect(await snapshot(w.t, [...TABLES])).toEqual(before);
  });

  it("refuses a sitting of another session", async () => {
    w = await makeWorld();
    const other = await insertSession(w.t, { number: 67, startDate: '2025-05-10' });
    const otherSitting = await insertSitting(w.t, other.id);
    const err = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, sittingId: otherSitting.id, adoptedAt: at, text }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('sittingId');
  });

  it('refuses to record, edit or delete in a locked session', async () => {
    w = await makeWorld();
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    await lockSession(w.t, w.session.id);
    const before = await snapshot(w.t, [...TABLES]);
    await expect(recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(updateDecision(w.t.ctx, { id: d.id, text: { en: 'x' } })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(deleteDecision(w.t.ctx, { id: d.id })).rejects.toBeInstanceOf(LockedSessionError);
    expect(await snapshot(w.t, [...TABLES])).toEqual(before);
  });
});

describe('numbers under deletion', () => {
  it('never reuses a number, not even the last one deleted', async () => {
    w = await makeWorld();
    const d1 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    const d2 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    await deleteDecision(w.t.ctx, { id: d2.id });
    const d3 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    expect(d3.serial).toBe(3);
    expect(d3.number.ar).toBe('ق.م.ت/66/3');
    await deleteDecision(w.t.ctx, { id: d1.id });
    const d4 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    expect(d4.serial).toBe(4);
    expect((await listDecisions(w.t.ctx, { sessionId: w.session.id })).map((d) => d.serial)).toEqual([3, 4]);
    const audit = await w.t.db.selectFrom('auditEntry').select(['action', 'beforeJson']).where('action', '=', 'decision.delete').execute();
    expect(audit).toHaveLength(2);
  });

  it('keeps serials per session', async () => {
    w = await makeWorld();
    const other = await insertSession(w.t, { number: 67, startDate: '2025-05-10' });
    const otherItem = await insertItem(w.t, other.id, { ar: 'بند' });
    await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    const d = await recordDecision(w.t.ctx, { agendaItemId: otherItem.id, adoptedAt: '2025-05-10T10:00:00Z', text });
    expect(d.number.en).toBe('EC/67/1');
  });

  it('refuses to delete a decision that has a reservation, a referral or an action, naming them', async () => {
    w = await makeWorld();
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    await insertMemberDelegation(w.t, w.session.id, w.states[0]!);
    await w.t.db
      .insertInto('reservation')
      .values({ id: newId(), sessionId: w.session.id, decisionId: d.id, memberStateId: w.states[0]!.id, text: 'تحفظ', recordedAt: at })
      .execute();
    const before = await snapshot(w.t, [...TABLES, 'reservation']);
    const err = await deleteDecision(w.t.ctx, { id: d.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('id');
    expect((err as Error).message).toContain('1 reservation');
    expect(await snapshot(w.t, [...TABLES, 'reservation'])).toEqual(before);
  });
});

describe('editing a decision', () => {
  it('changes texts and time, never the number', async () => {
    w = await makeWorld();
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    const after = await updateDecision(w.t.ctx, { id: d.id, text: { fr: 'Le Conseil approuve le budget' }, adoptedAt: '2024-11-20T12:00:00+01:00' });
    expect(after.text).toEqual({ ...text, fr: 'Le Conseil approuve le budget' });
    expect(after.adoptedAt).toBe('2024-11-20T11:00:00.000Z');
    expect(after.number).toEqual(d.number);
    expect(await getDecision(w.t.ctx, { id: d.id })).toEqual(after);
    const err = await updateDecision(w.t.ctx, { id: d.id, number: { ar: 'x' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    await expect(updateDecision(w.t.ctx, { id: newId(), text: { en: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the time of adoption', () => {
  it('lies within the session and the years 1900..2200, on recording and on editing, changing nothing', async () => {
    w = await makeWorld(); // the session is held on 2024-11-20
    const before = await snapshot(w.t, [...TABLES]);
    for (const adoptedAt of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '2030-01-01T10:00:00Z', '2024-11-18T10:00:00Z']) {
      const err = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt, text }).catch((e: unknown) => e);
      expect(err, adoptedAt).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe('adoptedAt');
    }
    expect(await snapshot(w.t, [...TABLES])).toEqual(before);
    const d = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text });
    const kept = await snapshot(w.t, [...TABLES]);
    const err = await updateDecision(w.t.ctx, { id: d.id, adoptedAt: '2025-01-01T10:00:00Z' }).catch((e: unknown) => e);
    expect((err as ValidationError).field).toBe('adoptedAt');
    expect(await snapshot(w.t, [...TABLES])).toEqual(kept);
  });
});
