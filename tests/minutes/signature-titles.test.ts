// A signatory's title in a language it has no form in: the English or French minutes print the Arabic
// title marked for a translator (as any untranslated text), never as if it were English or French.
import { describe, expect, it } from 'vitest';
import { buildMinutesModel } from '../../src/minutes/build-model';
import { loadMinutesRecord, resolveSession } from '../../src/minutes/load-record';
import type { SignatureBlock } from '../../src/minutes/model';
import { sampleDb } from './sample';

async function signatures(lang: 'ar' | 'en' | 'fr', role: string): Promise<SignatureBlock[]> {
  const db = await sampleDb();
  try {
    const record = await loadMinutesRecord(db.db, await resolveSession(db.db, 'ordinary:66'));
    const model = buildMinutesModel(record, { lang, signatories: [{ role, name: 'Sami' }] });
    const block = model.blocks.find((b) => b.kind === 'signatures');
    if (!block || block.kind !== 'signatures') throw new Error('no signatures');
    return block.signatories;
  } finally {
    await db.cleanup();
  }
}

describe('a signatory title', () => {
  it('in Arabic, in the English minutes, is marked untranslated and set right to left', async () => {
    const [s] = await signatures('en', 'المدير العام');
    expect(s!.role).toEqual([{ text: 'المدير العام', lang: 'ar', bold: true, untranslated: true }]);
  });
  it('in its own language is printed as it is', async () => {
    expect((await signatures('fr', 'Directeur général'))[0]!.role).toEqual([{ text: 'Directeur général', lang: 'fr', bold: true }]);
    expect((await signatures('ar', 'المدير العام'))[0]!.role).toEqual([{ text: 'المدير العام', lang: 'ar', bold: true }]);
  });
});
