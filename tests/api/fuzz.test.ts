// Thousands of random and malformed payloads to every API call through the dispatcher (what IPC and
// the browser host both call): nothing throws past it, every refusal is a typed error naming its field,
// and a refused call leaves every table exactly as it was. Seeded, so a failure reproduces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiCallNames, apiCalls, type ApiCallName } from '../../src/api/contract';
import { createDispatcher, type Dispatcher } from '../../src/api/dispatch';
import type { ErrorCode } from '../../src/errors';
import { createSampleSession, tableSnapshot } from '../helpers/fixtures';
import { openLiveCouncil, type LiveCouncil } from '../../src/backup/live';
import { openCouncil } from '../../src/core/council';
import { tempDir } from '../helpers/temp-db';
import fs from 'node:fs';
import path from 'node:path';

const PER_CALL = Number(process.env.FUZZ_PER_CALL ?? 40);
const typedCodes: ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'LOCKED_SESSION', 'QUORUM_NOT_MET'];

let dir: string;
let live: LiveCouncil;
let dispatch: Dispatcher;
// The database open now (the host calls could swap it by a restore; the fuzz never names a real backup).
const db = {
  get sqlite() {
    return live.current().database.sqlite;
  },
  get ctx() {
    return live.ctx();
  },
};
const ids: string[] = [];

/** mulberry32: small, seeded, good enough to pick payloads. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  dir = tempDir('council-fuzz-');
  live = await openLiveCouncil({ open: () => openCouncil({ path: path.join(dir, 'council.sqlite') }) });
  // With the host's services, as Electron and the browser host give them (seal key in the temp folder).
  dispatch = createDispatcher(live.ctx, { backups: live.backups, seal: { dataDir: dir } });
  const sample = await createSampleSession(db.ctx, { members: 14, sittings: 2 });
  const call = async (name: ApiCallName, input: unknown) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string };
  };
  const item = await call('agenda.add', { sessionId: sample.sessionId, title: { ar: 'تقرير المدير العام' } });
  const motion = await call('motions.propose', { agendaItemId: item.id, text: { ar: 'يقرر المجلس' } });
  await call('motions.decideByConsensus', { id: motion.id, at: '2026-11-10T09:00:00Z' });
  const decision = await call('decisions.record', { agendaItemId: item.id, motionId: motion.id, adoptedAt: '2026-11-10T09:00:00Z', text: { ar: 'قرار' } });
  await call('reservations.create', { decisionId: decision.id, memberStateId: sample.memberStateIds[0], text: 'تحفظ' });
  await call('notes.add', { agendaItemId: item.id, speakerKind: 'chair', text: 'مداخلة' });
  await call('actions.create', { decisionId: decision.id, description: 'متابعة', responsible: { kind: 'secretariat_unit', unit: 'الإدارة' } });
  // Every id in the record: payloads reuse them so the calls get past validation into the services.
  const snapshot = tableSnapshot(db.sqlite);
  for (const rows of Object.values(snapshot)) {
    for (const row of rows as Record<string, unknown>[]) {
      if (typeof row.id === 'string') ids.push(row.id);
    }
  }
}, 120_000);

afterAll(async () => {
  await live?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The top-level field names of a call's input schema (through defaults, refinements and pipes). */
function fieldsOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 6; i++) {
    const def = (s as { def?: { innerType?: unknown; in?: unknown } }).def;
    if ((s as { shape?: object }).shape) break;
    if (def?.innerType) s = def.innerType;
    else if (def?.in) s = def.in;
    else break;
  }
  const shape = (s as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function randomValue(r: () => number, key: string, depth = 0): unknown {
  const pick = <T,>(list: T[]): T => list[Math.floor(r() * list.length)]!;
  const looksLikeId = /id$/i.test(key);
  const choices: (() => unknown)[] = [
    () => (ids.length ? pick(ids) : 'x'),
    () => crypto.randomUUID(),
    () => '',
    () => '   ',
    () => 'نص عربي',
    () => 'x'.repeat(Math.floor(r() * 3) === 0 ? 100_001 : 20),
    () => Math.floor(r() * 2000) - 1000,
    () => r() * 1e12,
    () => Number.MAX_SAFE_INTEGER,
    () => null,
    () => r() < 0.5,
    () => '2026-11-10',
    () => '2026-02-30',
    () => '2026-11-10T09:30:00Z',
    () => 'not-a-date',
    () => pick(['ar', 'en', 'fr', 'xx', 'ordinary', 'member', 'yes', 'open', 'general_assembly', 'chair', 'pending']),
    () => '<script>alert(1)</script>',
    () => '\u0000\u202e',
    () => (depth < 2 ? [randomValue(r, key, depth + 1), randomValue(r, key, depth + 1)] : []),
    () => (depth < 2 ? { ar: randomValue(r, 'ar', depth + 1), en: 'x', fr: 'y', [pick(['kind', 'unit', 'id'])]: randomValue(r, 'id', depth + 1) } : {}),
    () => ({ __proto__: { polluted: true }, constructor: 'x' }),
  ];
  if (looksLikeId && r() < 0.5) return choices[0]!();
  return pick(choices)();
}

/** A payload for `name`: wholly random, or the call's fields with random values, sometimes plus junk. */
function payloadFor(name: ApiCallName, r: () => number): unknown {
  const roll = r();
  if (roll < 0.12) return randomValue(r, 'root');
  if (roll < 0.16) return [ {}, 'x', 1 ];
  const fields = fieldsOf(apiCalls[name].input as z.ZodType);
  const out: Record<string, unknown> = {};
  for (const f of fields) if (r() < 0.8) out[f] = randomValue(r, f);
  if (r() < 0.2) out[`unknown_${Math.floor(r() * 10)}`] = 1;
  return out;
}

describe('API fuzz through the dispatcher', () => {
  it(`every call survives ${PER_CALL} random payloads; refusals name their field and change nothing`, async () => {
    const r = rng(20261129);
    let before = JSON.stringify(tableSnapshot(db.sqlite));
    const stats = { calls: 0, refused: 0, accepted: 0 };
    const byCode: Record<string, number> = {};
    const problems: string[] = [];
    for (const name of apiCallNames) {
      for (let i = 0; i < PER_CALL; i++) {
        const payload = payloadFor(name, r);
        let result;
        try {
          result = await dispatch(name, payload);
        } catch (err) {
          problems.push(`${name} threw: ${String(err)} for ${JSON.stringify(payload)?.slice(0, 200)}`);
          continue;
        }
        stats.calls++;
        const after = JSON.stringify(tableSnapshot(db.sqlite));
        if (result.ok) {
          // A payload that happened to be valid may write; it becomes the new baseline.
          stats.accepted++;
          before = after;
          continue;
        }
        stats.refused++;
        const e = result.error;
        byCode[e.code] = (byCode[e.code] ?? 0) + 1;
        if (!typedCodes.includes(e.code)) problems.push(`${name}: untyped error ${e.code} "${e.message.slice(0, 160)}" for ${JSON.stringify(payload)?.slice(0, 200)}`);
        if (!e.field) problems.push(`${name}: error without a field: ${e.code} "${e.message.slice(0, 160)}" for ${JSON.stringify(payload)?.slice(0, 200)}`);
        if (after !== before) problems.push(`${name}: a refused call changed the database (${e.code} ${e.field}) for ${JSON.stringify(payload)?.slice(0, 200)}`);
        before = after;
      }
    }
    // Unknown call names and non-object payloads are refused at the door.
    for (const bad of ['', 'settings', '__proto__', 'constructor', 'sessions.list.x', 42, null, { name: 'x' }]) {
      const res = await dispatch(bad, {});
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.field).toBe('call');
    }
    console.log(`fuzz: ${stats.calls} calls over ${apiCallNames.length} API calls, ${stats.refused} refused (${JSON.stringify(byCode)}), ${stats.accepted} accepted`);
    // The payloads must get past the door often enough to exercise the services' own checks.
    expect((byCode.NOT_FOUND ?? 0) + (byCode.CONFLICT ?? 0)).toBeGreaterThan(50);
    expect(problems.slice(0, 30)).toEqual([]);
    expect(stats.calls).toBeGreaterThanOrEqual(apiCallNames.length * PER_CALL);
  }, 600_000);
});
