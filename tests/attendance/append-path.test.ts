// The live path of an arrival or a departure (issue 13): two reads (the references with the settings' actor,
// then the timeline), statements run on the connection directly (database/direct.ts) or, on a Kysely
// opened elsewhere, through kysely. Both must answer exactly as the rule judged on the whole timeline (as
// it was written before), for regular timelines and for irregular ones put in by raw SQL, at every instant
// around their events; and the input recognised without zod must be exactly what zod returns, or zod's
// own refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CamelCasePlugin, Kysely } from 'kysely';
import { SELECT_REFERENCES, SELECT_TIMELINE_KINDS, recordArrival, recordDeparture } from '../../src/attendance/service';
import type { CoreContext } from '../../src/core/context';
import { CouncilSqliteDialect } from '../../src/database/dialect';
import { hasDirectConnection } from '../../src/database/direct';
import type { Database } from '../../src/database/schema';
import { timelineProblem, type AttendanceKind } from '../../src/attendance/presence';
import { parseRecordAttendance, recordAttendanceSchema } from '../../src/attendance/schema';
import { validate } from '../../src/errors/validate';
import { updateOrganisationSettings } from '../../src/settings/service';
import { createSampleSession, tableSnapshot, type SampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
// The same file through a Kysely that openDatabase did not make: no direct connection, the kysely path.
let viaKysely: CoreContext;
beforeAll(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 3 });
  viaKysely = { ...t.ctx, db: new Kysely<Database>({ dialect: new CouncilSqliteDialect(t.sqlite), plugins: [new CamelCasePlugin()] }) };
});
afterAll(async () => t.cleanup());

const at = (minute: number) => `2026-11-10T09:${String(minute).padStart(2, '0')}:00.000Z`;
type Ev = { kind: AttendanceKind; at: string };

/** The rule judged on the whole timeline, as the service did before the one-read path. */
function expected(existing: Ev[], kind: AttendanceKind, when: string): string | null {
  if (existing.some((e) => e.at === when)) return `ConflictError at: an event is already recorded at ${when}`;
  const before = [...existing].sort((a, b) => (a.at < b.at ? -1 : 1)).filter((e) => e.at < when);
  const present = before.length > 0 && before[before.length - 1]!.kind === 'arrival';
  if (kind === 'arrival' && present) return `ConflictError at: the delegation is already present at ${when}`;
  if (kind === 'departure' && !present) return `ValidationError at: the delegation is not present at ${when}`;
  const problem = timelineProblem([...existing, { kind, at: when }]);
  if (!problem) return null;
  return `${kind === 'arrival' ? 'ConflictError' : 'ValidationError'} at: an event at ${when} would break the recorded attendance (${problem.reason.replace(/_/g, ' ')})`;
}

const timelines: [string, Ev[]][] = [
  ['none', []],
  ['arrived', [{ kind: 'arrival', at: at(10) }]],
  ['arrived and left', [{ kind: 'arrival', at: at(10) }, { kind: 'departure', at: at(20) }]],
  ['in, out, in', [{ kind: 'arrival', at: at(10) }, { kind: 'departure', at: at(20) }, { kind: 'arrival', at: at(30) }]],
  // Irregular: only raw SQL (or an older import) could have stored these.
  ['a departure first', [{ kind: 'departure', at: at(10) }]],
  ['two arrivals', [{ kind: 'arrival', at: at(10) }, { kind: 'arrival', at: at(20) }]],
  ['two departures', [{ kind: 'arrival', at: at(10) }, { kind: 'departure', at: at(20) }, { kind: 'departure', at: at(30) }]],
  ['the last two arrivals', [{ kind: 'arrival', at: at(10) }, { kind: 'departure', at: at(20) }, { kind: 'arrival', at: at(30) }, { kind: 'arrival', at: at(40) }]],
];

describe('an arrival or a departure', () => {
  it('runs directly on the app connection, through kysely on another', () => {
    expect([hasDirectConnection(t.ctx.db), hasDirectConnection(viaKysely.db)]).toEqual([true, false]);
  });
  for (const [name, events] of timelines) for (const path of ['direct', 'kysely'] as const) {
    it(`answers as the whole timeline does (${path}): ${name}`, async () => {
      const ctx = path === 'direct' ? t.ctx : viaKysely;
      const sittingId = s.sittingIds[0]!;
      const delegationId = s.delegationIds[0]!;
      const instants = [5, 10, 15, 20, 25, 30, 35, 40, 45].map(at);
      for (const kind of ['arrival', 'departure'] as const) {
        for (const when of instants) {
          t.sqlite.prepare('delete from attendance_event').run();
          const insert = t.sqlite.prepare('insert into attendance_event (id, session_id, sitting_id, delegation_id, kind, at, recorded_at) values (?, ?, ?, ?, ?, ?, ?)');
          for (const e of events) insert.run(randomUUID(), s.sessionId, sittingId, delegationId, e.kind, e.at, at(0));
          const before = tableSnapshot(t.sqlite);
          const call = kind === 'arrival' ? recordArrival : recordDeparture;
          const got = await call(ctx, { sittingId, delegationId, at: when }).then(
            () => null,
            (e: Error & { field?: string }) => `${e.constructor.name} ${e.field}: ${e.message.replace(/^at: /, '')}`,
          );
          const want = expected(events, kind, when);
          expect([kind, when, got]).toEqual([kind, when, want === null ? null : want.replace(/^(\w+) at: /, '$1 at: ')]);
          if (want !== null) expect(tableSnapshot(t.sqlite)).toEqual(before);
          else expect(t.sqlite.prepare('select count(*) n from attendance_event').get()).toEqual({ n: events.length + 1 });
        }
      }
    });
  }

  for (const path of ['direct', 'kysely'] as const) {
    it(`the lock trigger refuses the insert even when the service's check is passed by (${path}), leaving nothing`, async () => {
      const ctx = path === 'direct' ? t.ctx : viaKysely;
      t.sqlite.prepare('delete from attendance_event').run();
      // Locked between the service's read and its insert: the trigger, not the service, refuses.
      t.sqlite.exec(`create temp trigger lock_on_event before insert on attendance_event begin update council_session set locked_at = '2026-12-01T00:00:00Z' where id = new.session_id; end`);
      try {
        const before = tableSnapshot(t.sqlite);
        await expect(recordArrival(ctx, { sittingId: s.sittingIds[0], delegationId: s.delegationIds[2], at: at(55) })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
        expect(tableSnapshot(t.sqlite)).toEqual(before);
      } finally {
        t.sqlite.exec('drop trigger lock_on_event');
      }
    });
  }

  it('the audit entry names the secretary from settings, as before', async () => {
    t.sqlite.prepare('delete from attendance_event').run();
    await updateOrganisationSettings(t.ctx, { secretaryName: 'أمين الجلسة' });
    const e = await recordArrival(t.ctx, { sittingId: s.sittingIds[0], delegationId: s.delegationIds[1], at: at(50) });
    expect(t.sqlite.prepare('select actor, action from audit_entry where entity_id = ?').get(e.id)).toEqual({ actor: 'أمين الجلسة', action: 'attendance.arrival' });
  });
});

describe('the input recognised without zod', () => {
  const ok = { sittingId: 'abc-1', delegationId: 'def_2', at: '2026-11-10T09:00:00.000Z' };
  const inputs: unknown[] = [
    ok,
    { ...ok, at: '2026-11-10T09:00:00Z' },
    { ...ok, at: '2026-11-10T11:00:00.000+02:00' },
    { ...ok, at: '2026-02-30T09:00:00.000Z' },
    { ...ok, at: '2026-11-10T24:00:00.000Z' },
    { ...ok, at: '1899-12-31T09:00:00.000Z' },
    { ...ok, at: '2201-01-01T09:00:00.000Z' },
    { ...ok, at: '+002026-11-10T09:00:00.000Z' },
    { ...ok, sittingId: '' },
    { ...ok, sittingId: 'a\u0000b' },
    { ...ok, delegationId: 'عربي' },
    { ...ok, extra: 1 },
    { sittingId: ok.sittingId, at: ok.at },
    { sittingId: ok.sittingId, at: ok.at, delegationId: 5 },
    Object.assign(Object.create({ inherited: 1 }), ok),
    null,
    'text',
    [ok.sittingId, ok.delegationId, ok.at],
  ];
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).constructor.name, message: (e as Error).message, field: (e as { field?: string }).field };
    }
  };
  for (const [i, input] of inputs.entries()) {
    it(`answers as zod does (${i}: ${JSON.stringify(input)})`, () => {
      expect(outcome(() => parseRecordAttendance(input))).toEqual(outcome(() => validate(recordAttendanceSchema, input)));
    });
  }
});

describe('the two reads', () => {
  it('are searches of primary keys and of the timeline index (migration 0016), never a scan', () => {
    const plan = (sql: string, ...params: string[]) => (t.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(plan(SELECT_REFERENCES, 'x', 'x', 'y').filter((d) => /^SCAN/.test(d))).toEqual([]);
    expect(plan(SELECT_TIMELINE_KINDS, 'x', 'y')).toEqual([expect.stringMatching(/^SEARCH attendance_event USING (COVERING )?INDEX attendance_event_timeline \(sitting_id=\? AND delegation_id=\?\)$/)]);
  });
});
