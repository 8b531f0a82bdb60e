// importSessionBundle's whole answer and its traces, not only that it imports: the result's counts per
// table, each warning in words (an update reported at a session not here; a follow-up of an action not
// here), the audit entry, a refused row named by its bundle path with the value in words, and a member
// state whose id another state uses here. For the mutation run over src/bundle/import.ts (docs/mutation.md).
import { afterEach, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { attachWorkingDocument } from '../../src/working-documents/service';
import { smallPdf } from '../working-documents/files';
import { ConflictError, LockedSessionError } from '../../src/errors';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { readSample } from '../minutes/sample';

const open: TempDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});
async function fresh(): Promise<TempDb> {
  const db = await openTempDb();
  open.push(db);
  return db;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sample bundles, edited field by field
type Bundle = Record<string, any>;
const sample = (name: 'agadir-66' | 'baghdad-65') => JSON.parse(JSON.stringify(readSample(name))) as Bundle;

/** The counts the result must give: one per table, from the bundle's own lists. */
function countsOf(b: Bundle, followUpUpdates: number): Record<string, number> {
  return {
    councilSession: 1, sitting: b.sittings.length, delegation: b.delegations.length, delegate: b.delegates.length,
    attendanceEvent: b.attendanceEvents.length, sittingHead: (b.sittingHeads ?? []).length, agendaItem: b.agendaItems.length,
    agendaAdoption: b.agendaAdoption ? 1 : 0, note: b.notes.length, motion: b.motions.length, vote: b.votes.length,
    voteBallot: b.voteBallots.length, decision: b.decisions.length, reservation: b.reservations.length, referral: b.referrals.length,
    actionItem: b.actionItems.length, actionUpdate: b.actionUpdates.length, speaker: (b.speakers ?? []).length, followUpUpdates,
  };
}
const audits = (db: TempDb) =>
  (db.sqlite.prepare('select action, entity, entity_id as entityId, session_id as sessionId, after_json as after from audit_entry order by rowid').all() as { action: string; after: string }[]).map((a) => ({ ...a, after: JSON.parse(a.after) as unknown }));

describe('importSessionBundle: the result, the warnings and the audit', () => {
  it('the 65th alone: every count, the member states added, and a warning per update reported at a session not here (left empty)', async () => {
    const db = await fresh();
    const b = sample('baghdad-65');
    const r = await importSessionBundle(db.ctx, b);
    expect(r).toEqual({
      sessionId: b.session.id,
      kind: 'ordinary',
      number: 65,
      replaced: false,
      memberStatesAdded: b.memberStates.length,
      rows: countsOf(b, 0),
      warnings: b.actionUpdates.map((u: Bundle, i: number) => `actionUpdates.${i}.reportedAtSessionId: session ${u.reportedAtSessionId} is not in this database; left empty`),
    });
    expect(db.sqlite.prepare('select count(*) as n from action_update where reported_at_session_id is not null').get()).toEqual({ n: 0 });
    expect(audits(db)).toEqual([
      {
        action: 'bundle.import',
        entity: 'councilSession',
        entityId: b.session.id,
        sessionId: b.session.id,
        after: { kind: 'ordinary', number: 65, lockedAt: null, rows: countsOf(b, 0), memberStatesAdded: b.memberStates.length, exportedAt: b.exportedAt },
      },
    ]);
  });

  it("the 66th alone: a follow-up of an action not here is skipped with a warning; after the 65th, it is counted and attached", async () => {
    const alone = await fresh();
    const b66 = sample('agadir-66');
    const r = await importSessionBundle(alone.ctx, b66);
    expect(r.rows).toEqual(countsOf(b66, 0));
    expect(r.warnings).toEqual(
      b66.followUpUpdates.map((u: Bundle, i: number) => `followUpUpdates.${i}: action ${u.actionItemId} is not in this database (import its session first); skipped`),
    );

    const both = await fresh();
    const b65 = sample('baghdad-65');
    await importSessionBundle(both.ctx, b65);
    const after = await importSessionBundle(both.ctx, b66);
    expect(after.warnings).toEqual([]);
    expect(after.rows).toEqual(countsOf(b66, b66.followUpUpdates.length));
    expect(after.memberStatesAdded).toBe(2);
    // The 65th's updates reported at the 66th now point at it.
    const ids = b66.followUpUpdates.map((u: Bundle) => u.id);
    const reported = both.sqlite.prepare(`select reported_at_session_id as s from action_update where id in (${ids.map(() => '?').join(',')})`).all(...ids);
    expect(reported).toEqual(ids.map(() => ({ s: b66.session.id })));
  });

  it('replacing: the result says so, the audit action is bundle.import.replace, the updates reported at it stay attached', async () => {
    const db = await fresh();
    await importSessionBundle(db.ctx, sample('baghdad-65'));
    const b66 = sample('agadir-66');
    await importSessionBundle(db.ctx, b66);
    const r = await importSessionBundle(db.ctx, b66, { replace: true });
    expect(r).toMatchObject({ replaced: true, warnings: [], rows: countsOf(b66, b66.followUpUpdates.length) });
    // Replaced by a bundle that no longer lists them: the updates reported at the session stay attached to it.
    const without = { ...sample('agadir-66'), followUpUpdates: [] };
    expect((await importSessionBundle(db.ctx, without, { replace: true })).rows.followUpUpdates).toBe(0);
    expect(audits(db).map((a) => a.action)).toEqual(['bundle.import', 'bundle.import', 'bundle.import.replace', 'bundle.import.replace']);
    const ids = b66.followUpUpdates.map((u: Bundle) => u.id);
    const reported = db.sqlite.prepare(`select reported_at_session_id as s from action_update where id in (${ids.map(() => '?').join(',')})`).all(...ids);
    expect(reported).toEqual(ids.map(() => ({ s: b66.session.id })));
  });
});

describe('importSessionBundle: refusals in words', () => {
  it('a session number that exists: the conflict names the kind and number', async () => {
    const db = await fresh();
    await importSessionBundle(db.ctx, sample('baghdad-65'));
    const err = (await importSessionBundle(db.ctx, sample('baghdad-65')).catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.field).toBe('session.number');
    expect(err.message).toBe('an ordinary session number 65 already exists (use --replace to replace its record)');
  });

  it("a session id another session uses here: named session.id (no index), with the id in words", async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    await importSessionBundle(db.ctx, b65);
    const b66 = sample('agadir-66');
    const old = b66.session.id;
    // Every row that names the session moves with it, so only the session row itself can be refused.
    const text = JSON.stringify(b66).replaceAll(old, b65.session.id);
    const err = (await importSessionBundle(db.ctx, JSON.parse(text)).catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.field).toBe('session.id');
    expect(err.message).toBe(`session.id: ${b65.session.id} is already used by another record in this database`);
  });

  it('a row whose id another session uses: named by its bundle path and index, with the value', async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    await importSessionBundle(db.ctx, b65);
    const b66 = sample('agadir-66');
    const taken = b65.decisions[0].id;
    const old = b66.decisions[1].id;
    const text = JSON.stringify(b66).replaceAll(old, taken);
    const err = (await importSessionBundle(db.ctx, JSON.parse(text)).catch((e: unknown) => e)) as ConflictError;
    expect(err.field).toBe('decisions.1.id');
    expect(err.message).toBe(`decisions.1.id: ${taken} is already used by another record in this database`);
  });

  it('a member state of an ISO code not here whose id another state uses here: named by its index, nothing written', async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    // Jordan is stored under another ISO code: the 66th's Jordan (same id, code JO) matches no code here.
    b65.memberStates[0].isoCode = 'ZZ';
    await importSessionBundle(db.ctx, b65);
    const b66 = sample('agadir-66');
    const i = b66.memberStates.findIndex((m: Bundle) => m.id === b65.memberStates[0].id);
    expect(i).toBeGreaterThanOrEqual(0);
    const err = (await importSessionBundle(db.ctx, b66).catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.field).toBe(`memberStates.${i}.id`);
    expect(err.message).toBe(`member state id ${b65.memberStates[0].id} is used by another state here`);
    expect(db.sqlite.prepare('select count(*) as n from council_session').get()).toEqual({ n: 1 });
  });
});

describe('importSessionBundle: parents before children', () => {
  it('agenda sub-items and amendments listed before their parents still go in, with their links', async () => {
    const db = await fresh();
    const b = sample('agadir-66');
    const [a1, a2, a3] = [b.agendaItems[1], b.agendaItems[2], b.agendaItems[3]];
    // a chain listed child first: 1 under 2, 2 under 3.
    a1.parentId = a2.id;
    a2.parentId = a3.id;
    const sameItem = b.motions.filter((m: Bundle) => m.agendaItemId === b.motions[0].agendaItemId);
    if (sameItem.length >= 2) sameItem[0].parentMotionId = sameItem[1].id;
    const r = await importSessionBundle(db.ctx, b);
    expect(r.rows.agendaItem).toBe(b.agendaItems.length);
    const links = db.sqlite.prepare('select id, parent_id as parentId from agenda_item where parent_id is not null order by id').all();
    expect(links).toEqual([{ id: a1.id, parentId: a2.id }, { id: a2.id, parentId: a3.id }].sort((x, y) => (x.id < y.id ? -1 : 1)));
    if (sameItem.length >= 2) {
      expect(db.sqlite.prepare('select parent_motion_id as p from motion where id = ?').get(sameItem[0].id)).toEqual({ p: sameItem[1].id });
    }
  });
});

describe('importSessionBundle: a refused row among linked ones', () => {
  it('names the row the database refuses by its place in the bundle, even when sub-items were reordered to go in after their parents', async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    await importSessionBundle(db.ctx, b65);
    const b = sample('agadir-66');
    // Item 1 is listed before its parent, item 2; item 4 takes an id the 65th session uses.
    b.agendaItems[1].parentId = b.agendaItems[2].id;
    const taken = b65.agendaItems[0].id;
    const edited = JSON.parse(JSON.stringify(b).replaceAll(b.agendaItems[4].id, taken)) as Bundle;
    const err = (await importSessionBundle(db.ctx, edited).catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.field).toBe('agendaItems.4.id');
    expect(err.message).toBe(`agendaItems.4.id: ${taken} is already used by another record in this database`);
    expect(db.sqlite.prepare('select count(*) as n from council_session').get()).toEqual({ n: 1 });
  });
});

describe('importSessionBundle: updates reported at a session here, and a locked session', () => {
  it('an update reported at a session already here, or at the bundle\'s own session, is kept without a warning', async () => {
    const db = await fresh();
    const b66 = sample('agadir-66');
    await importSessionBundle(db.ctx, { ...b66, followUpUpdates: [] });
    const b65 = sample('baghdad-65');
    // The 65th's first update says it was reported at the 65th itself; the others at the 66th (here now).
    b65.actionUpdates[0].reportedAtSessionId = b65.session.id;
    const r = await importSessionBundle(db.ctx, b65);
    expect(r.warnings).toEqual([]);
    const stored = db.sqlite.prepare('select id, reported_at_session_id as s from action_update order by id').all();
    const expected = b65.actionUpdates.map((u: Bundle) => ({ id: u.id, s: u.reportedAtSessionId })).sort((x: Bundle, y: Bundle) => (x.id < y.id ? -1 : 1));
    expect(stored).toEqual(expected);
    expect(expected.map((u: Bundle) => u.s)).toContain(b66.session.id);
  });

  it('replacing a locked session is refused (LockedSessionError on session.number), changing nothing', async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    await importSessionBundle(db.ctx, b65);
    db.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2024-11-20T10:00:00.000Z', b65.session.id);
    const err = (await importSessionBundle(db.ctx, sample('baghdad-65'), { replace: true }).catch((e: unknown) => e)) as LockedSessionError;
    expect(err).toBeInstanceOf(LockedSessionError);
    expect(err.field).toBe('session.number');
    expect(audits(db)).toHaveLength(1);
  });
});

describe('importSessionBundle: --replace with nothing to replace', () => {
  it('is a plain import: replaced false, audited as bundle.import', async () => {
    const db = await fresh();
    const r = await importSessionBundle(db.ctx, sample('baghdad-65'), { replace: true });
    expect(r.replaced).toBe(false);
    expect(audits(db).map((a) => a.action)).toEqual(['bundle.import']);
  });
});

describe('importSessionBundle: replacing a session that has working documents', () => {
  it('is refused naming session.number and pointing to the .zip (a JSON bundle does not carry them), changing nothing', async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    await importSessionBundle(db.ctx, b65);
    await attachWorkingDocument(db.ctx, { agendaItemId: b65.agendaItems[0].id, symbol: 'EC/65/1', language: 'ar', fileName: 'doc.pdf', contentBase64: smallPdf().toString('base64') });
    const auditsBefore = audits(db).length;
    const err = (await importSessionBundle(db.ctx, sample('baghdad-65'), { replace: true }).catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.field).toBe('session.number');
    expect(err.message).toBe('the existing session has 1 working documents, which a session bundle does not carry: replace it from the session .zip');
    expect(db.sqlite.prepare('select count(*) as n from working_document').get()).toEqual({ n: 1 });
    expect(audits(db)).toHaveLength(auditsBefore);
  });
});
