// Every way the database can refuse a bundle's row on import, named by the bundle path a person can find
// (`motions.2.id`, `voteBallots.0.voteId`, `agendaAdoption.sessionId`) with the issue code the UI
// translates, and nothing written. For the mutation run over src/bundle/import.ts (docs/mutation.md): each
// table's bundle name, a UNIQUE failure on a snake_case column, a follow-up update inserted, and a replace
// whose session cannot be deleted. Real SQLite files; the samples of resources/samples.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { ConflictError } from '../../src/errors';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';

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
type SampleName = 'agadir-66' | 'baghdad-65' | 'cairo-x12';
const sample = (name: SampleName) => JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.json`), 'utf8')) as Bundle;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The same session under another number, every id new but `keep` (so only that row collides with the stored one). */
function cloneKeeping(b: Bundle, keep: string, number: number): Bundle {
  const fresh = new Map<string, string>();
  const text = JSON.stringify(b).replace(UUID, (id) => {
    if (id === keep) return id;
    if (!fresh.has(id)) fresh.set(id, randomUUID());
    return fresh.get(id)!;
  });
  const out = JSON.parse(text) as Bundle;
  out.session.number = number;
  return out;
}
const count = (db: TempDb, table: string) => (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const refusal = async (p: Promise<unknown>) => {
  const err = (await p.catch((e: unknown) => e)) as ConflictError;
  expect(err).toBeInstanceOf(ConflictError);
  return err;
};

describe('a row whose id another session uses: named by the bundle name of its table', () => {
  const cases: [SampleName, string][] = [
    ['agadir-66', 'sittings'], ['agadir-66', 'delegations'], ['agadir-66', 'delegates'], ['agadir-66', 'attendanceEvents'],
    ['agadir-66', 'notes'], ['agadir-66', 'votes'], ['agadir-66', 'reservations'], ['agadir-66', 'referrals'],
    ['agadir-66', 'actionItems'], ['baghdad-65', 'actionUpdates'], ['cairo-x12', 'sittingHeads'],
  ];
  it.each(cases)('%s: %s', async (name, key) => {
    const db = await fresh();
    const b = sample(name);
    await importSessionBundle(db.ctx, b);
    const i = b[key].length - 1;
    const taken = b[key][i].id as string;
    const err = await refusal(importSessionBundle(db.ctx, cloneKeeping(b, taken, 99)));
    expect(err.field).toBe(`${key}.${i}.id`);
    expect(err.issueCode).toBe('import_duplicate');
    expect(err.message).toBe(`${key}.${i}.id: ${taken} is already used by another record in this database`);
    expect(count(db, 'council_session')).toBe(1);
  });

  it('motions: named by its place in the bundle, though an amendment listed first went in after its motion', async () => {
    const db = await fresh();
    const b = sample('agadir-66');
    await importSessionBundle(db.ctx, b);
    const clone = cloneKeeping(b, b.motions[5].id, 99);
    // Motion 3 becomes an amendment of motion 4 (same agenda item): it goes in after it, so motion 5 is the 5th row.
    expect(clone.motions[3].agendaItemId).toBe(clone.motions[4].agendaItemId);
    clone.motions[3].parentMotionId = clone.motions[4].id;
    const err = await refusal(importSessionBundle(db.ctx, clone));
    expect(err.field).toBe('motions.5.id');
    expect(err.issueCode).toBe('import_duplicate');
    expect(err.message).toBe(`motions.5.id: ${b.motions[5].id} is already used by another record in this database`);
    expect(count(db, 'council_session')).toBe(1);
  });

  it('speakers: named speakers.N (the bundle key), not by the table', async () => {
    const db = await fresh();
    const b = sample('cairo-x12');
    const speaker = {
      id: randomUUID(), sessionId: b.session.id, agendaItemId: b.agendaItems[0].id, kind: 'secretariat', delegationId: null,
      name: 'الأمين العام', position: 1, round: 1, pointOfOrder: 0, status: 'waiting', requestedAt: '2025-02-17T09:00:00.000Z',
      sittingId: null, startedAt: null, endedAt: null, limitSeconds: null,
    };
    b.speakers = [speaker];
    await importSessionBundle(db.ctx, b);
    const err = await refusal(importSessionBundle(db.ctx, cloneKeeping(b, speaker.id, 99)));
    expect(err.field).toBe('speakers.0.id');
    expect(err.issueCode).toBe('import_duplicate');
    expect(count(db, 'council_session')).toBe(1);
  });
});

// A file the app wrote never holds these: rows whose session is not there (written by raw SQL with the
// foreign keys off, or left by another tool). The import must still name the bundle field, not "UNIQUE
// constraint failed", and these are the only ways to a UNIQUE failure on a column other than `id`.
describe('a row the database refuses on a key other than id (a file holding orphan rows)', () => {
  const orphan = (db: TempDb, sqlText: string, ...args: unknown[]) => {
    db.sqlite.pragma('foreign_keys = OFF');
    db.sqlite.prepare(sqlText).run(...args);
    db.sqlite.pragma('foreign_keys = ON');
  };

  it('a ballot: named voteBallots.N.voteId (snake_case columns read back in camelCase), with both values', async () => {
    const db = await fresh();
    const b = sample('agadir-66');
    const i = 3;
    const ballot = b.voteBallots[i];
    orphan(db, "insert into vote_ballot (vote_id, session_id, member_state_id, delegation_id, choice, roll_order) values (?, ?, ?, ?, 'yes', 1)",
      ballot.voteId, b.session.id, ballot.memberStateId, ballot.delegationId);
    const err = await refusal(importSessionBundle(db.ctx, b));
    expect(err.field).toBe(`voteBallots.${i}.voteId`);
    expect(err.issueCode).toBe('import_duplicate');
    expect(err.message).toBe(`voteBallots.${i}.voteId: ${ballot.voteId}, ${ballot.memberStateId} is already used by another record in this database`);
    expect(count(db, 'council_session')).toBe(0);
  });

  it('the agenda adoption: named agendaAdoption.sessionId (no index: the bundle has one)', async () => {
    const db = await fresh();
    const b = sample('baghdad-65');
    orphan(db, "insert into agenda_adoption (session_id, sitting_id, adopted_at, as_amended, note) values (?, ?, ?, 0, '')",
      b.session.id, b.sittings[0].id, b.agendaAdoption.adoptedAt);
    const err = await refusal(importSessionBundle(db.ctx, b));
    expect(err.field).toBe('agendaAdoption.sessionId');
    expect(err.issueCode).toBe('import_duplicate');
    expect(err.message).toBe(`agendaAdoption.sessionId: ${b.session.id} is already used by another record in this database`);
    expect(count(db, 'council_session')).toBe(0);
  });
});

describe('follow-up updates', () => {
  it('one not yet stored (its session imported without it) is inserted whole, reported at the bundle\'s session', async () => {
    const db = await fresh();
    const b65 = sample('baghdad-65');
    const b66 = sample('agadir-66');
    const missing = b66.followUpUpdates[0];
    b65.actionUpdates = b65.actionUpdates.filter((u: Bundle) => u.id !== missing.id);
    expect(b65.actionUpdates).toHaveLength(1);
    await importSessionBundle(db.ctx, b65);
    const r = await importSessionBundle(db.ctx, b66);
    expect(r.rows.followUpUpdates).toBe(2);
    expect(r.warnings).toEqual([]);
    const row = db.sqlite
      .prepare('select id, action_item_id as actionItemId, reported_at_session_id as reportedAtSessionId, at, text, status from action_update where id = ?')
      .get(missing.id);
    expect(row).toEqual({ id: missing.id, actionItemId: missing.actionItemId, reportedAtSessionId: b66.session.id, at: missing.at, text: missing.text, status: missing.status });
    expect(count(db, 'action_update')).toBe(2);
  });
});

describe('replacing a session the import cannot delete', () => {
  it('a signatory (not part of a bundle) holds it: refused on session.number with import_cannot_replace, nothing changed', async () => {
    const db = await fresh();
    const b = sample('baghdad-65');
    await importSessionBundle(db.ctx, b);
    db.sqlite
      .prepare("insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, created_at, updated_at) values (?, ?, 'chair', 1, 'x', 'x', 'x', 'x', ?, ?)")
      .run(randomUUID(), b.session.id, '2024-05-15T10:00:00.000Z', '2024-05-15T10:00:00.000Z');
    const before = { motions: count(db, 'motion'), audits: count(db, 'audit_entry') };
    const err = await refusal(importSessionBundle(db.ctx, sample('baghdad-65'), { replace: true }));
    expect(err.field).toBe('session.number');
    expect(err.issueCode).toBe('import_cannot_replace');
    expect(err.message).toBe('the existing session cannot be replaced: FOREIGN KEY constraint failed');
    expect({ motions: count(db, 'motion'), audits: count(db, 'audit_entry') }).toEqual(before);
  });
});
