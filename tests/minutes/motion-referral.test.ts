// What the minutes say of a referred motion (issue 11, migration 0019), read back from the .docx by
// python3-docx in each language: the body it was referred to, in the council's words for the two named
// bodies (French contracting "à le" to "au"), a free name in its translated form or marked as pending
// inside the sentence, and the old sentence for a motion referred before the body was recorded.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MotionRow } from '../../src/bundle/schema';
import { buildMinutesModel } from '../../src/minutes/build-model';
import { loadMinutesRecord, resolveSession } from '../../src/minutes/load-record';
import { renderDocx } from '../../src/minutes/render-docx';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb } from './sample';

type Lang = 'ar' | 'en' | 'fr';
let db: TempDb;
const paras = {} as Record<Lang, string[]>;
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2060\u2066-\u2069]/g, '');

beforeAll(async () => {
  db = await sampleDb();
  const base = await loadMinutesRecord(db.db, await resolveSession(db.db, 'ordinary:66'));
  const model = base.rows.motions[0]!;
  const referred = (id: string, minute: number, over: Partial<MotionRow>): MotionRow => ({
    ...model,
    id,
    parentMotionId: null,
    proposerDelegationId: null,
    status: 'referred',
    decidedBy: null,
    decidedAt: `2024-11-12T11:${minute}:00.000Z`,
    createdAt: `2024-11-12T11:${minute - 1}:00.000Z`,
    consolidatedAr: '',
    consolidatedEn: '',
    consolidatedFr: '',
    ...over,
  });
  base.rows.motions.push(
    referred('to-ga', 21, { referralBody: 'general_assembly' }),
    referred('to-mc', 23, { referralBody: 'ministerial_council' }),
    referred('to-other', 25, { referralBody: 'other', referralBodyName: 'اللجنة الاستشارية للتقييس', referralBodyNameEn: 'the Advisory Committee on Standards' }),
    referred('before-0019', 27, { referralBody: '' }),
  );
  for (const lang of ['ar', 'en', 'fr'] as const) {
    const file = path.join(db.dir, `referral-${lang}.docx`);
    fs.writeFileSync(file, await renderDocx(buildMinutesModel(base, { lang, timeZone: 'Africa/Casablanca' })));
    paras[lang] = readDocx(file).paragraphs.map((p) => plain(p.text));
  }
}, 120_000);
afterAll(async () => db.cleanup());

describe('a referred motion names the body in the minutes', () => {
  it.each([
    ['ar', ['وأُحيل إلى الجمعية العامة للمنظمة للبتّ فيه.', 'وأُحيل إلى المجلس الوزاري المختص للبتّ فيه.', 'وأُحيل إلى اللجنة الاستشارية للتقييس للبتّ فيه.', 'وأُحيل إلى جهة أخرى للبتّ فيه.']],
    ['en', ['The proposal was referred to the General Assembly.', 'The proposal was referred to the competent ministerial council.', 'The proposal was referred to the Advisory Committee on Standards.', 'The proposal was referred elsewhere for decision.']],
    ['fr', ['La proposition a été renvoyée à l’Assemblée générale.', 'La proposition a été renvoyée au conseil ministériel compétent.', 'La proposition a été renvoyée à [traduction en attente] اللجنة الاستشارية للتقييس.', 'La proposition a été renvoyée à une autre instance.']],
  ] as const)('(%s)', (lang, sentences) => {
    for (const s of sentences) expect(paras[lang].filter((p) => p === s), s).toHaveLength(1);
  });
});
