// French names with their article: "la délégation du Maroc", not "de Maroc". AIDSMO's states are known by
// ISO code; a state added by a user carries its own article (stored by ISO code in the settings table);
// any other name gets a guess from its first word.
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { seedMemberStates } from '../../src/member-states/seed';
import { aidsmoMemberStates } from '../../src/member-states/seed-data';
import { createMemberState, listMemberStates, updateMemberState } from '../../src/member-states/service';
import { frenchOf, frenchStateArticle, frenchWithArticle, guessFrenchArticle, STATE_ARTICLES_FR } from '../../src/rules/french-names';
import { frenchDePrefix } from '../../src/rules/session-title';
import { tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const EXPECTED_OF: Record<string, string> = {
  JO: 'de la Jordanie',
  AE: 'des Émirats arabes unis',
  BH: 'de Bahreïn',
  TN: 'de la Tunisie',
  DZ: 'de l’Algérie',
  DJ: 'de Djibouti',
  SA: 'de l’Arabie saoudite',
  SD: 'du Soudan',
  SY: 'de la Syrie',
  SO: 'de la Somalie',
  IQ: 'de l’Irak',
  OM: 'd’Oman',
  PS: 'de la Palestine',
  QA: 'du Qatar',
  KW: 'du Koweït',
  LB: 'du Liban',
  LY: 'de la Libye',
  EG: 'de l’Égypte',
  MA: 'du Maroc',
  MR: 'de la Mauritanie',
  YE: 'du Yémen',
};

describe('French names with their article (pure)', () => {
  it('give each of the 21 AIDSMO states its "de" form', () => {
    expect(Object.keys(EXPECTED_OF).sort()).toEqual(aidsmoMemberStates.map((s) => s.isoCode).sort());
    for (const s of aidsmoMemberStates) {
      expect(frenchOf(s.nameFr, frenchStateArticle(s.isoCode, s.nameFr)), s.isoCode).toBe(EXPECTED_OF[s.isoCode]);
    }
    expect(frenchWithArticle('Maroc', STATE_ARTICLES_FR.MA!)).toBe('le Maroc');
    expect(frenchWithArticle('Égypte', 'l')).toBe('l’Égypte');
    expect(frenchWithArticle('Bahreïn', 'none')).toBe('Bahreïn');
  });

  it('prefer an article set for the state over the list and the guess', () => {
    expect(frenchStateArticle('MA', 'Royaume du Maroc', 'le')).toBe('le');
    expect(frenchStateArticle('XK', 'Malte', 'none')).toBe('none');
    expect(frenchStateArticle('XK', 'Malte')).toBe('la'); // the guess, when nothing is set
    expect(frenchStateArticle(null, 'Tchad')).toBe('le');
  });

  it.each([
    ['France', 'de la France'],
    ['Brésil', 'du Brésil'],
    ['Inde', 'de l’Inde'],
    ['États-Unis', 'des États-Unis'],
    ['Pays-Bas', 'des Pays-Bas'],
    ['Mexique', 'du Mexique'],
    ['Commission permanente', 'de la Commission permanente'],
    ['Ligue des États arabes', 'de la Ligue des États arabes'],
    ['Secrétariat général', 'du Secrétariat général'],
  ])('guess for %s: %s', (name, expected) => {
    expect(frenchOf(name, guessFrenchArticle(name))).toBe(expected);
  });

  it('the session title contracts "de" with the council name\'s article', () => {
    expect(frenchDePrefix('Conseil exécutif')).toBe('du Conseil exécutif');
    expect(frenchDePrefix('Assemblée générale')).toBe("de l'Assemblée générale");
    expect(frenchDePrefix('Commission permanente')).toBe('de la Commission permanente');
    expect(frenchDePrefix('Comité exécutif')).toBe('du Comité exécutif');
  });
});

describe('a member state\'s French article (service)', () => {
  it('is listed for every state, can be set for an added state, and follows its ISO code', async () => {
    db = await openTempDb();
    await seedMemberStates(db.ctx);
    const list = await listMemberStates(db.ctx);
    expect(list.find((s) => s.isoCode === 'MA')?.articleFr).toBe('le');
    expect(list.find((s) => s.isoCode === 'AE')?.articleFr).toBe('les');
    expect(list.find((s) => s.isoCode === 'OM')?.articleFr).toBe('none');

    const km = await createMemberState(db.ctx, { isoCode: 'KM', nameAr: 'جزر القمر', nameEn: 'Comoros', nameFr: 'Comores' });
    expect(km.articleFr).toBe('les'); // from the list
    const mt = await createMemberState(db.ctx, { isoCode: 'MT', nameAr: 'مالطا', nameEn: 'Malta', nameFr: 'Malte', articleFr: 'none' });
    expect(mt.articleFr).toBe('none'); // set: the guess would say "la"
    const moved = await updateMemberState(db.ctx, { id: mt.id, isoCode: 'XM' });
    expect(moved.articleFr).toBe('none');
    const changed = await updateMemberState(db.ctx, { id: mt.id, articleFr: 'la' });
    expect(changed.articleFr).toBe('la');
    expect((await listMemberStates(db.ctx)).find((s) => s.id === mt.id)?.articleFr).toBe('la');
  });

  it.each([
    ['create', { isoCode: 'XX', nameAr: 'x', nameEn: 'x', nameFr: 'x', articleFr: 'une' }],
    ['update', { id: '$MA', articleFr: 'del' }],
  ] as const)('%s with a bad article is refused naming articleFr, changing nothing', async (call, rawInput) => {
    db = await openTempDb();
    await seedMemberStates(db.ctx);
    const ma = (await listMemberStates(db.ctx)).find((s) => s.isoCode === 'MA')!;
    const input = 'id' in rawInput ? { ...rawInput, id: ma.id } : rawInput;
    const before = tableSnapshot(db.sqlite);
    const err = await (call === 'create' ? createMemberState : updateMemberState)(db.ctx, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('articleFr');
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });
});
