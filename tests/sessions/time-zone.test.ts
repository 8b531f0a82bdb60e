// The venue's IANA time zone on a session: optional, checked against the zones the runtime knows,
// audited like every other change.
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { seedMemberStates } from '../../src/member-states/seed';
import { createSession, getSession, updateSession } from '../../src/sessions/service';
import { tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

const loc = (s: string) => ({ ar: s, en: s, fr: s });
const input = (over: Record<string, unknown> = {}) => ({
  kind: 'ordinary',
  number: 65,
  venue: { city: loc('Baghdad'), country: loc('Iraq') },
  startDate: '2023-11-20',
  endDate: '2023-11-21',
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('session time zone', () => {
  it('is empty (unknown) unless given, and stored when it is a real IANA zone', async () => {
    db = await openTempDb();
    await seedMemberStates(db.ctx);
    const plain = await createSession(db.ctx, input());
    expect(plain.timeZone).toBe('');
    const baghdad = await createSession(db.ctx, input({ number: 66, timeZone: 'Asia/Baghdad' }));
    expect(baghdad.timeZone).toBe('Asia/Baghdad');
    expect((await getSession(db.ctx, { id: baghdad.id })).timeZone).toBe('Asia/Baghdad');
    expect(db.sqlite.prepare('select time_zone from council_session where id = ?').get(baghdad.id)).toEqual({ time_zone: 'Asia/Baghdad' });
  });

  it('refuses a zone that does not exist, naming the field and changing nothing', async () => {
    db = await openTempDb();
    await seedMemberStates(db.ctx);
    const s = await createSession(db.ctx, input({ timeZone: 'Africa/Casablanca' }));
    const before = tableSnapshot(db.sqlite);
    for (const bad of ['Mars/Olympus', 'UTC+3', 'x'.repeat(65)]) {
      expect((await refusal(createSession(db.ctx, input({ number: 70, timeZone: bad })))).field).toBe('timeZone');
      expect((await refusal(updateSession(db.ctx, { id: s.id, timeZone: bad }))).field).toBe('timeZone');
    }
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });

  it('is changed and cleared by an update, the audit holding before and after', async () => {
    db = await openTempDb();
    await seedMemberStates(db.ctx);
    const s = await createSession(db.ctx, input({ timeZone: 'Africa/Casablanca' }));
    const moved = await updateSession(db.ctx, { id: s.id, timeZone: 'Asia/Baghdad' });
    expect(moved.timeZone).toBe('Asia/Baghdad');
    const audit = db.sqlite
      .prepare(`select before_json, after_json from audit_entry where action = 'session.update'`)
      .all() as { before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json).timeZone).toBe('Africa/Casablanca');
    expect(JSON.parse(audit[0]!.after_json).timeZone).toBe('Asia/Baghdad');
    // An update that does not name the zone leaves it; '' clears it.
    expect((await updateSession(db.ctx, { id: s.id, number: 67 })).timeZone).toBe('Asia/Baghdad');
    expect((await updateSession(db.ctx, { id: s.id, timeZone: '' })).timeZone).toBe('');
  });
});
