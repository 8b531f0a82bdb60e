// The French minutes name delegations with the right article: "chef de la délégation du Maroc", "La
// délégation de l’Algérie a émis une réserve", never "de Maroc" or "de Algérie".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMinutesHtml } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { updateMemberState } from '../../src/member-states/service';
import type { TempDb } from '../helpers/temp-db';
import { sampleDb } from './sample';

let db: TempDb;
let id: string;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

beforeAll(async () => {
  db = await sampleDb();
  id = await resolveSession(db.db, 'ordinary:66');
}, 60_000);
afterAll(async () => db.cleanup());

describe('French minutes: states with their article', () => {
  it('contract "de" with the article of each state', async () => {
    const t = text(await generateMinutesHtml(db.ctx, id, { lang: 'fr', timeZone: 'Africa/Casablanca' }));
    expect(t).toContain('chef de la délégation du Maroc');
    expect(t).toContain('la délégation de la Mauritanie a rejoint la séance');
    expect(t).toContain('La délégation de l’Algérie a émis une réserve');
    expect(t).toContain('La délégation des Émirats arabes unis :');
    expect(t).toContain('présentée par la délégation de l’Égypte');
    expect(t).not.toMatch(/\bde (Maroc|Algérie|Égypte|Jordanie|Émirats|Soudan|Mauritanie|Arabie|Irak|Tunisie)\b/);
    expect(t).not.toMatch(/\bde (le|les) /);
  });

  it('use the article set for a state', async () => {
    const row = db.sqlite.prepare(`select id from member_state where iso_code = 'MA'`).get() as { id: string };
    await updateMemberState(db.ctx, { id: row.id, nameFr: 'Royaume du Maroc', articleFr: 'le' });
    const t = text(await generateMinutesHtml(db.ctx, id, { lang: 'fr', timeZone: 'Africa/Casablanca' }));
    expect(t).toContain('chef de la délégation du Royaume du Maroc');
  });

  it('leave the other languages as they were', async () => {
    const en = text(await generateMinutesHtml(db.ctx, id, { lang: 'en', timeZone: 'Africa/Casablanca' }));
    expect(en).toContain('The delegation of Algeria entered a reservation');
  });
});
