// The follow-up report in English and French uses the translations of an action's description, its unit
// and its latest update (issue 16), as the minutes do; the original, marked, only where one is missing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocumentDocx } from '../../src/documents/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { setTranslation } from '../../src/translations/service';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb } from '../minutes/sample';

let db: TempDb;
beforeAll(async () => {
  db = await sampleDb();
}, 120_000);
afterAll(async () => {
  await db.cleanup();
});

const rowsOf = async (lang: 'en' | 'fr') => {
  const id = await resolveSession(db.db, 'ordinary:66');
  const file = path.join(db.dir, `follow-up-${lang}.docx`);
  fs.writeFileSync(file, await generateDocumentDocx(db.ctx, 'follow-up', id, { lang }));
  return readDocx(file).tables[0]!.rows.slice(1);
};

describe('the follow-up report, translated', () => {
  it('prints the English and French forms of a description and of its latest update once they are entered', async () => {
    const action = db.sqlite.prepare(`select a.id, a.description from action_item a join action_update u on u.action_item_id = a.id limit 1`).get() as { id: string; description: string };
    const update = db.sqlite.prepare(`select id, text from action_update where action_item_id = ? order by at desc limit 1`).get(action.id) as { id: string; text: string };
    const before = await rowsOf('en');
    const row = before.find((r) => r[2]!.includes(action.description))!;
    expect(row, 'the action is in the report, in its original').toBeTruthy();

    await setTranslation(db.ctx, { field: 'actionItem.description', id: action.id, language: 'en', text: 'Publish the guide to the standards' });
    await setTranslation(db.ctx, { field: 'actionItem.description', id: action.id, language: 'fr', text: 'Publier le guide des normes' });
    await setTranslation(db.ctx, { field: 'actionUpdate.text', id: update.id, language: 'en', text: 'The draft is with the printers' });
    const en = (await rowsOf('en')).find((r) => r[2] === 'Publish the guide to the standards');
    expect(en, 'the English description replaces the Arabic one').toBeTruthy();
    expect(en![6]).toBe('The draft is with the printers');
    const fr = (await rowsOf('fr')).find((r) => r[2] === 'Publier le guide des normes');
    expect(fr, 'the French description replaces the Arabic one').toBeTruthy();
    // No French form of the update yet: the original stays, marked as untranslated.
    expect(fr![6]).toContain(update.text);
  });
});
