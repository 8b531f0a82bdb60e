import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import {
  decideByConsensus,
  deferMotion,
  getMotion,
  listMotions,
  proposeMotion,
  referMotion,
  updateMotion,
  withdrawMotion,
} from '../../src/motions/service';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged, type ErrorClass } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
let itemId: string;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 3 });
  itemId = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'الميزانية' } })).id;
});
afterEach(async () => t.cleanup());

const expectRefused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);
const propose = (extra: Record<string, unknown> = {}) =>
  proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس اعتماد الميزانية' }, ...extra });

describe('motions', () => {
  it('proposes a draft resolution with texts, proposer and the rule in force', async () => {
    const m = await propose({ text: { ar: 'نص', en: 'Text', fr: '' }, proposerDelegationId: s.delegationIds[0] });
    expect(m).toMatchObject({
      status: 'proposed',
      text: { ar: 'نص', en: 'Text', fr: '' },
      proposerDelegationId: s.delegationIds[0],
      majorityRule: null,
      ruleInForce: 'simple_majority_of_votes_cast',
      decidedBy: null,
    });
    const u = await updateMotion(t.ctx, { id: m.id, majorityRule: 'two_thirds_of_members' });
    expect(u.ruleInForce).toBe('two_thirds_of_members');
  });

  it('decides by consensus', async () => {
    t.setNow('2026-11-10T10:00:00.000Z');
    const m = await propose();
    const d = await decideByConsensus(t.ctx, { id: m.id });
    expect(d).toMatchObject({ status: 'adopted', decidedBy: 'consensus', decidedAt: '2026-11-10T10:00:00.000Z' });
    await expectRefused(decideByConsensus(t.ctx, { id: m.id }), ConflictError, 'id');
    await expectRefused(updateMotion(t.ctx, { id: m.id, text: { ar: 'آخر' } }), ConflictError, 'id');
  });

  it('decides amendments before their motion', async () => {
    const m = await propose();
    const a1 = await propose({ parentMotionId: m.id, text: { ar: 'تعديل أول' } });
    const a2 = await propose({ parentMotionId: m.id, text: { ar: 'تعديل ثان' } });
    await expectRefused(decideByConsensus(t.ctx, { id: m.id }), ValidationError, 'id');
    await decideByConsensus(t.ctx, { id: a1.id });
    await expectRefused(decideByConsensus(t.ctx, { id: m.id }), ValidationError, 'id');
    await withdrawMotion(t.ctx, { id: a2.id });
    expect((await decideByConsensus(t.ctx, { id: m.id })).status).toBe('adopted');
    // Once the motion is decided, it can no longer be amended.
    await expectRefused(propose({ parentMotionId: m.id }), ValidationError, 'parentMotionId');
  });

  it('withdraws, defers and refers, taking undecided amendments along', async () => {
    const m = await propose();
    const a = await propose({ parentMotionId: m.id });
    const sub = await propose({ parentMotionId: a.id });
    const decided = await propose({ parentMotionId: m.id });
    await decideByConsensus(t.ctx, { id: decided.id });
    expect((await deferMotion(t.ctx, { id: m.id, at: '2026-11-10T11:00:00Z' })).status).toBe('deferred');
    expect((await getMotion(t.ctx, { id: a.id })).status).toBe('deferred');
    expect((await getMotion(t.ctx, { id: sub.id })).status).toBe('deferred');
    expect((await getMotion(t.ctx, { id: decided.id })).status).toBe('adopted');
    const r = await propose();
    expect((await referMotion(t.ctx, { id: r.id, body: 'general_assembly' })).status).toBe('referred');
    const w = await propose();
    expect((await withdrawMotion(t.ctx, { id: w.id })).status).toBe('withdrawn');
    await expectRefused(withdrawMotion(t.ctx, { id: w.id }), ConflictError, 'id');
    const list = await listMotions(t.ctx, { agendaItemId: itemId });
    expect(list.map((x) => x.status)).toEqual(['deferred', 'deferred', 'deferred', 'adopted', 'referred', 'withdrawn']);
    expect(await listMotions(t.ctx, { sessionId: s.sessionId })).toHaveLength(6);
  });

  it('refuses bad input naming the field, leaving everything unchanged', async () => {
    const other = await createSampleSession(t.ctx, { members: 2, number: 67 });
    const otherItem = await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'بند آخر' } });
    const m = await propose();
    await expectRefused(propose({ text: { ar: '' } }), ValidationError, 'text.ar');
    await expectRefused(propose({ agendaItemId: 'nope' }), NotFoundError, 'agendaItemId');
    await expectRefused(propose({ parentMotionId: 'nope' }), NotFoundError, 'parentMotionId');
    await expectRefused(
      proposeMotion(t.ctx, { agendaItemId: otherItem.id, parentMotionId: m.id, text: { ar: 'x' } }),
      ValidationError,
      'parentMotionId',
    );
    await expectRefused(propose({ proposerDelegationId: other.delegationIds[0] }), ValidationError, 'proposerDelegationId');
    await expectRefused(propose({ proposerDelegationId: 'nope' }), NotFoundError, 'proposerDelegationId');
    await expectRefused(propose({ majorityRule: 'plurality' }), ValidationError, 'majorityRule');
    await expectRefused(listMotions(t.ctx, {}), ValidationError, 'sessionId');
    await expectRefused(decideByConsensus(t.ctx, { id: 'nope' }), NotFoundError, 'id');
  });
});
