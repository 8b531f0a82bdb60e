// Refusals a secretary meets during a sitting carry an issue code, so the UI says them in its own
// language (renderer/components/errorText.ts), not the core's English: a real database file, through the
// dispatcher the hosts use.
import { afterEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { createDispatcher } from '../../src/api/dispatch';
import { proposeMotion } from '../../src/motions/service';
import { createSampleSession, sampleSittingStart } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const codeOf = (r: unknown) => (r as { ok: false; error: { code: string; issues?: { code?: string; field: string }[] } }).error;

describe('coded refusals', () => {
  it('a decision on a motion not adopted, a second decision, the floor with nobody waiting, a sitting outside the session', async () => {
    t = await openTempDb();
    const s = await createSampleSession(t.ctx, { members: 3 });
    const item = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'الميزانية' } })).id;
    const motion = (await proposeMotion(t.ctx, { agendaItemId: item, text: { ar: 'اعتماد الميزانية.' } })).id;
    const dispatch = createDispatcher(t.ctx);

    const notAdopted = codeOf(await dispatch('decisions.record', { agendaItemId: item, motionId: motion, adoptedAt: sampleSittingStart(1), text: { ar: 'قرار' } }));
    expect(notAdopted.issues?.[0]).toMatchObject({ field: 'motionId', code: 'motion_not_adopted' });

    expect((await dispatch('motions.decideByConsensus', { id: motion })).ok).toBe(true);
    const again = codeOf(await dispatch('motions.withdraw', { id: motion }));
    expect(again).toMatchObject({ code: 'CONFLICT', issues: [{ code: 'motion_not_open' }] });

    const nobody = codeOf(await dispatch('speakers.giveFloor', { agendaItemId: item }));
    expect(nobody?.issues?.[0]?.code).toBe('nobody_waiting');

    const outside = codeOf(await dispatch('sittings.create', { sessionId: s.sessionId, startsAt: '2030-01-01T08:00:00.000Z' }));
    expect(outside.issues?.[0]).toMatchObject({ field: 'startsAt', code: 'outside_session_dates' });
  });
});
