// A motion's text as amended (issue 9, migration 0013): recorded once one of its amendments is adopted,
// refused otherwise with the field named and nothing changed, carried by the session bundle both ways
// (and a bundle written before it still imports), and locked with the record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { inTransaction } from '../../src/core/context';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { decideByConsensus, getMotion, proposeMotion, setConsolidatedText, withdrawMotion } from '../../src/motions/service';
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
const TEXT = { ar: 'يقرر المجلس اعتماد الميزانية بعد مراجعتها.', en: 'The Council adopts the budget after its review.', fr: '' };

async function amended() {
  const motion = await proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس اعتماد الميزانية.' } });
  const amendment = await proposeMotion(t.ctx, { agendaItemId: itemId, parentMotionId: motion.id, text: { ar: 'إضافة: بعد مراجعتها.' } });
  return { motion, amendment };
}

describe('the text as amended', () => {
  it('is empty until recorded, then read back, and cleared with three empty texts', async () => {
    const { motion, amendment } = await amended();
    expect(motion.consolidatedText).toEqual({ ar: '', en: '', fr: '' });
    await decideByConsensus(t.ctx, { id: amendment.id });
    const set = await setConsolidatedText(t.ctx, { id: motion.id, text: TEXT });
    expect(set.consolidatedText).toEqual(TEXT);
    expect((await getMotion(t.ctx, { id: motion.id })).consolidatedText).toEqual(TEXT);
    // Still settable once the motion is adopted (the secretariat types it after the vote).
    await decideByConsensus(t.ctx, { id: motion.id });
    await setConsolidatedText(t.ctx, { id: motion.id, text: { ...TEXT, fr: 'Le Conseil adopte le budget après son examen.' } });
    expect((await getMotion(t.ctx, { id: motion.id })).consolidatedText.fr).toBe('Le Conseil adopte le budget après son examen.');
    await setConsolidatedText(t.ctx, { id: motion.id, text: {} });
    expect((await getMotion(t.ctx, { id: motion.id })).consolidatedText).toEqual({ ar: '', en: '', fr: '' });
  });

  it('is refused on a motion with no adopted amendment, naming the motion, nothing changed', async () => {
    const { motion } = await amended();
    await expectRefused(setConsolidatedText(t.ctx, { id: motion.id, text: TEXT }), ValidationError, 'id');
    const err = await setConsolidatedText(t.ctx, { id: motion.id, text: TEXT }).catch((e: unknown) => e);
    expect((err as ValidationError).issues[0]).toMatchObject({ code: 'no_adopted_amendment' });
  });

  it('is refused without its Arabic, on a withdrawn motion, or on an unknown motion', async () => {
    const { motion, amendment } = await amended();
    await decideByConsensus(t.ctx, { id: amendment.id });
    await expectRefused(setConsolidatedText(t.ctx, { id: motion.id, text: { en: 'English only' } }), ValidationError, 'text.ar');
    await expectRefused(setConsolidatedText(t.ctx, { id: 'nope', text: TEXT }), NotFoundError, 'id');
    await withdrawMotion(t.ctx, { id: motion.id });
    await expectRefused(setConsolidatedText(t.ctx, { id: motion.id, text: TEXT }), ConflictError, 'id');
  });

  it('travels in the session bundle, and a bundle written before it imports with none', async () => {
    const { motion, amendment } = await amended();
    await decideByConsensus(t.ctx, { id: amendment.id });
    await setConsolidatedText(t.ctx, { id: motion.id, text: TEXT });
    const bundle = await exportSessionBundle(t.db, s.sessionId);
    const exported = bundle.motions.find((m) => m.id === motion.id)!;
    expect([exported.consolidatedAr, exported.consolidatedEn, exported.consolidatedFr]).toEqual([TEXT.ar, TEXT.en, TEXT.fr]);
    const json = JSON.parse(JSON.stringify(bundle)) as { motions: Record<string, unknown>[] };
    const other = await openTempDb();
    try {
      await importSessionBundle(other.ctx, json);
      const row = other.sqlite.prepare('select consolidated_ar, consolidated_en from motion where id = ?').get(motion.id);
      expect(row).toEqual({ consolidated_ar: TEXT.ar, consolidated_en: TEXT.en });
      // The same bundle as an older app wrote it: no consolidated columns at all.
      for (const m of json.motions) for (const k of ['consolidatedAr', 'consolidatedEn', 'consolidatedFr']) delete m[k];
      await importSessionBundle(other.ctx, json, { replace: true });
      expect(other.sqlite.prepare('select consolidated_ar from motion where id = ?').get(motion.id)).toEqual({ consolidated_ar: '' });
    } finally {
      await other.cleanup();
    }
  });

  it('is in the seal\'s record hash once recorded, and absent from it before (older seals still verify)', async () => {
    const { motion, amendment } = await amended();
    await decideByConsensus(t.ctx, { id: amendment.id });
    const record = () => inTransaction(t.ctx, (tx) => loadSessionRecord(tx, s.sessionId));
    const before = await record();
    expect(Object.keys(before.tables.motion![0]!)).not.toContain('consolidatedAr');
    await setConsolidatedText(t.ctx, { id: motion.id, text: TEXT });
    const after = await record();
    expect(after.tables.motion!.find((m) => m.id === motion.id)).toMatchObject({ consolidatedAr: TEXT.ar });
    expect(recordSha256(after)).not.toBe(recordSha256(before));
  });
});
