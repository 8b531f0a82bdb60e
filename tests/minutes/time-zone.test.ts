// Clock times in the minutes are the venue's: the session's stored zone unless the caller (CLI --tz,
// the app) names another one.
import { afterEach, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { minutesModel } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { readSample } from './sample';

let db: TempDb;
afterEach(async () => db?.cleanup());

/** The Baghdad sample (first sitting opens at 07:00 UTC) stored with the given venue zone. */
async function baghdad(timeZone: string | undefined): Promise<string> {
  db = await openTempDb();
  const bundle = readSample('baghdad-65') as { session: Record<string, unknown> };
  if (timeZone === undefined) delete bundle.session.timeZone; // a bundle from before time zones
  else bundle.session.timeZone = timeZone;
  await importSessionBundle(db.ctx, bundle);
  return resolveSession(db.db, 'ordinary:65');
}

async function openingParagraph(sessionId: string, timeZone?: string): Promise<string> {
  const model = await minutesModel(db.ctx, sessionId, { lang: 'en', ...(timeZone ? { timeZone } : {}) });
  const texts = JSON.stringify(model.blocks).match(/"text":"[^"]*opened[^"]*"/gi) ?? [];
  expect(texts.length).toBeGreaterThan(0);
  return texts[0]!;
}

describe('minutes time zone', () => {
  it("prints the opening at the venue's time: 3 hours after UTC in Baghdad", async () => {
    const id = await baghdad('Asia/Baghdad');
    const text = await openingParagraph(id);
    expect(text).toContain('10:00');
    expect(text).not.toContain('07:00');
  });

  it('lets the zone asked for (CLI --tz) override the stored one', async () => {
    const id = await baghdad('Asia/Baghdad');
    expect(await openingParagraph(id, 'UTC')).toContain('07:00');
  });

  it('falls back as before when the session has no zone (an older bundle)', async () => {
    const id = await baghdad(undefined);
    expect(db.sqlite.prepare('select time_zone from council_session').get()).toEqual({ time_zone: '' });
    expect(await openingParagraph(id)).toContain('07:00');
    expect(await openingParagraph(id, 'Asia/Baghdad')).toContain('10:00');
  });
});
