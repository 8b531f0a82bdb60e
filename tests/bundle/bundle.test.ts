// The session bundle: export/import round trip, and every refusal leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { sessionBundleJsonSchema } from '../../src/bundle/json-schema';
import { ConflictError, ValidationError } from '../../src/errors';
import { loadSessionRows, resolveSession } from '../../src/minutes/load-record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { readSample, sampleDb } from '../minutes/sample';

const open: TempDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});
async function track(p: Promise<TempDb>) {
  const db = await p;
  open.push(db);
  return db;
}

/** Every table's rows, to compare the file before and after a refused import. */
async function snapshot(db: TempDb): Promise<Record<string, unknown[]>> {
  const tables = db.sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.sqlite.prepare(`select * from "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  );
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('session bundle', () => {
  it('round-trips: a session exported and imported into another database has the same rows', async () => {
    const a = await track(sampleDb());
    const id = await resolveSession(a.db, '66');
    const bundle = await exportSessionBundle(a.db, id);
    const b = await track(openTempDb());
    await importSessionBundle(b.ctx, readSample('baghdad-65'));
    const result = await importSessionBundle(b.ctx, JSON.parse(JSON.stringify(bundle)));
    expect(result.warnings).toEqual([]);
    expect(await loadSessionRows(b.db, id)).toEqual(await loadSessionRows(a.db, id));
  });

  it('matches member states by ISO code to those already stored', async () => {
    const db = await track(openTempDb());
    const first = await importSessionBundle(db.ctx, readSample('baghdad-65'));
    const second = await importSessionBundle(db.ctx, readSample('agadir-66'));
    expect(first.memberStatesAdded).toBeGreaterThan(0);
    expect(second.memberStatesAdded).toBe(2); // Bahrain and Mauritania attended the 66th, not the 65th
    const codes = db.sqlite.prepare('select iso_code from member_state').all() as { iso_code: string }[];
    expect(new Set(codes.map((c) => c.iso_code)).size).toBe(codes.length);
  });

  it('refuses a bundle for a session number that exists, changing nothing', async () => {
    const db = await track(sampleDb());
    const before = await snapshot(db);
    await expect(importSessionBundle(db.ctx, readSample('agadir-66'))).rejects.toMatchObject({ code: 'CONFLICT', field: 'session.number' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces an existing session record when told to', async () => {
    const db = await track(sampleDb());
    const bundle = clone(readSample('agadir-66')) as { decisions: { textAr: string }[] };
    bundle.decisions[0]!.textAr = 'نص معدل';
    const result = await importSessionBundle(db.ctx, bundle, { replace: true });
    expect(result.replaced).toBe(true);
    const rows = await loadSessionRows(db.db, result.sessionId);
    expect(rows.decisions.find((d) => d.serial === 1)?.textAr).toBe('نص معدل');
    expect(rows.followUpUpdates).toHaveLength(2);
  });

  it('names the bad field of an invalid bundle and changes nothing', async () => {
    const db = await track(openTempDb());
    await importSessionBundle(db.ctx, readSample('baghdad-65'));
    const before = await snapshot(db);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cases: [(b: Record<string, any>) => void, string][] = [
      [(b) => (b.votes[0].yes = -1), 'votes.0.yes'],
      [(b) => (b.format = 'something-else'), 'format'],
      [(b) => (b.decisions[1].agendaItemId = 'nope'), 'decisions.1.agendaItemId'],
      [(b) => (b.sittings[0].sessionId = 'other'), 'sittings.0.sessionId'],
      [(b) => delete b.session, 'session'],
      // The next decision would take a number already given.
      [(b) => (b.session.lastDecisionSerial = 2), 'session.lastDecisionSerial'],
      [(b) => (b.decisions[3].serial = b.decisions[1].serial), 'decisions.3.serial'],
    ];
    for (const [mutate, field] of cases) {
      const bundle = clone(readSample('agadir-66')) as Record<string, any>;
      mutate(bundle);
      const err = await importSessionBundle(db.ctx, bundle).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe(field);
      expect(await snapshot(db)).toEqual(before);
    }
  });

  it('rolls back a bundle the database refuses half-way (an id already used elsewhere)', async () => {
    const db = await track(openTempDb());
    await importSessionBundle(db.ctx, readSample('baghdad-65'));
    const before = await snapshot(db);
    const bundle = clone(readSample('agadir-66')) as Record<string, any>;
    const baghdad = readSample('baghdad-65') as Record<string, any>;
    // Give a decision the id of one stored for the 65th session (and move what hangs on it along).
    const old = bundle.decisions[2].id;
    const taken = baghdad.decisions[0].id;
    bundle.decisions[2].id = taken;
    for (const list of [bundle.reservations, bundle.referrals, bundle.actionItems]) for (const r of list) if (r.decisionId === old) r.decisionId = taken;
    const err = await importSessionBundle(db.ctx, bundle).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).field).toBe('decisions.2.id');
    expect((err as ConflictError).message).not.toMatch(/UNIQUE constraint/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('publishes a JSON Schema generated from the zod schema, kept current', () => {
    const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../resources/schemas/session-bundle.schema.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(sessionBundleJsonSchema());
  });
});
