// The body a motion is referred to (issue 11, migration 0019): asked for on referral with the choices of a
// decision's referral, 'other' only with its name (the one rule, src/rules/referral-body.ts), kept on the
// referred motion only, refused by SQLite itself when raw SQL breaks the rule, checked on import and by
// `council check` (the record's invariants), and absent from bundles written before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { inTransaction } from '../../src/core/context';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';
import { loadSessionRows } from '../../src/minutes/load-record';
import { LockedSessionError, ValidationError } from '../../src/errors';
import { getMotion, proposeMotion, referMotion } from '../../src/motions/service';
import { createReferral } from '../../src/referrals/service';
import { recordViolations } from '../../src/rules/invariants/record';
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

const refused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);
const propose = (extra: Record<string, unknown> = {}) => proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس' }, ...extra });

describe('referring a motion names the body', () => {
  it('keeps the body on the referred motion, not on the amendments that go with it', async () => {
    const m = await propose();
    const a = await propose({ parentMotionId: m.id });
    const r = await referMotion(t.ctx, { id: m.id, body: 'general_assembly' });
    expect(r).toMatchObject({ status: 'referred', referral: { body: 'general_assembly', bodyName: '' } });
    expect(await getMotion(t.ctx, { id: a.id })).toMatchObject({ status: 'referred', referral: null });
    const other = await propose();
    const named = await referMotion(t.ctx, { id: other.id, body: 'other', bodyName: '  اللجنة الاستشارية للتقييس ' });
    expect(named.referral).toEqual({ body: 'other', bodyName: 'اللجنة الاستشارية للتقييس' });
    const audit = t.sqlite.prepare("select after_json as a from audit_entry where action = 'motion.referred' and entity_id = ?").get(other.id) as { a: string };
    expect(JSON.parse(audit.a)).toMatchObject({ referralBody: 'other', referralBodyName: 'اللجنة الاستشارية للتقييس' });
  });

  it('refuses a referral without a body, or to another body without its name, naming the field and changing nothing', async () => {
    const m = await propose();
    await refused(referMotion(t.ctx, { id: m.id }), ValidationError, 'body');
    await refused(referMotion(t.ctx, { id: m.id, body: 'the assembly' }), ValidationError, 'body');
    const blank = referMotion(t.ctx, { id: m.id, body: 'other', bodyName: '   ' });
    await refused(blank, ValidationError, 'bodyName');
    await blank.catch((e: ValidationError) => expect(e.issues[0]!.code).toBe('required'));
    t.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await refused(referMotion(t.ctx, { id: m.id, body: 'general_assembly' }), LockedSessionError, 'sessionId');
  });

  it('is refused by SQLite itself when raw SQL breaks the rule', async () => {
    const m = await propose();
    const set = (sql: string) => () => t.sqlite.prepare(`update motion set ${sql} where id = ?`).run(m.id);
    expect(set("referral_body = 'general_assembly'")).toThrow(/CHECK/); // a motion still before the council
    t.sqlite.prepare("update motion set status = 'referred', decided_at = '2026-11-10T09:00:00Z' where id = ?").run(m.id);
    expect(set("referral_body = 'other'")).toThrow(/CHECK/);
    expect(set("referral_body = 'assembly'")).toThrow(/CHECK/);
    expect(set("referral_body_name = 'x'")).toThrow(/CHECK/); // a name without its body
    set("referral_body = 'other', referral_body_name = 'x'")();
    expect((await getMotion(t.ctx, { id: m.id })).referral).toEqual({ body: 'other', bodyName: 'x' });
  });
});

describe('the record of a referred motion', () => {
  it('is checked by the invariants (import, council check) with the same rule', async () => {
    const m = await propose();
    await referMotion(t.ctx, { id: m.id, body: 'ministerial_council' });
    const rows = await loadSessionRows(t.db, s.sessionId);
    expect(recordViolations(rows)).toEqual([]);
    const i = rows.motions.findIndex((x) => x.id === m.id);
    const broken = structuredClone(rows);
    Object.assign(broken.motions[i]!, { referralBody: 'other', referralBodyName: ' ' });
    expect(recordViolations(broken).map((v) => v.field)).toEqual([`motions.${i}.referralBodyName`]);
    Object.assign(broken.motions[i]!, { status: 'withdrawn', referralBody: 'general_assembly' });
    expect(recordViolations(broken).map((v) => v.field)).toEqual([`motions.${i}.referralBody`]);
    Object.assign(broken.motions[i]!, { referralBody: '', referralBodyName: 'اللجنة' });
    expect(recordViolations(broken).map((v) => v.field)).toEqual([`motions.${i}.referralBody`]);
  });

  it('travels in the session bundle; a bundle written before imports with none', async () => {
    const m = await propose();
    await referMotion(t.ctx, { id: m.id, body: 'other', bodyName: 'اللجنة الاستشارية للتقييس' });
    t.sqlite.prepare("update motion set referral_body_name_en = 'Advisory Committee on Standards' where id = ?").run(m.id);
    const json = JSON.parse(JSON.stringify(await exportSessionBundle(t.db, s.sessionId))) as { motions: Record<string, unknown>[] };
    const other = await openTempDb();
    try {
      await importSessionBundle(other.ctx, json);
      const cols = 'referral_body as b, referral_body_name as n, referral_body_name_en as en';
      expect(other.sqlite.prepare(`select ${cols} from motion where id = ?`).get(m.id)).toEqual({ b: 'other', n: 'اللجنة الاستشارية للتقييس', en: 'Advisory Committee on Standards' });
      for (const row of json.motions) for (const k of ['referralBody', 'referralBodyName', 'referralBodyNameEn', 'referralBodyNameFr']) delete row[k];
      await importSessionBundle(other.ctx, json, { replace: true });
      expect(other.sqlite.prepare(`select ${cols} from motion where id = ?`).get(m.id)).toEqual({ b: '', n: '', en: '' });
    } finally {
      await other.cleanup();
    }
  });

  it('is in the seal’s record hash once recorded (format 5 reads every column)', async () => {
    const m = await propose();
    t.sqlite.prepare("update motion set status = 'referred', decided_at = '2026-11-10T09:00:00Z' where id = ?").run(m.id);
    const record = () => inTransaction(t.ctx, (tx) => loadSessionRecord(tx, s.sessionId));
    const before = await record();
    expect(Object.keys(before.tables.motion![0]!)).not.toContain('referralBody');
    t.sqlite.prepare("update motion set referral_body = 'general_assembly' where id = ?").run(m.id);
    const after = await record();
    expect(after.tables.motion![0]).toMatchObject({ referralBody: 'general_assembly' });
    expect(recordSha256(after)).not.toBe(recordSha256(before));
  });

  it('a decision’s referral refuses another body without its name with the same code', async () => {
    const p = createReferral(t.ctx, { decisionId: 'x', body: 'other' });
    await refused(p, ValidationError, 'bodyName');
    await p.catch((e: ValidationError) => expect(e.issues[0]!.code).toBe('required'));
  });
});
