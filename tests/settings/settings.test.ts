import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { defaultOrganisationSettings } from '../../src/settings/schema';
import { getOrganisationSettings, updateOrganisationSettings } from '../../src/settings/service';
import { tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

describe('organisation settings', () => {
  it('are the AIDSMO defaults on a new database', async () => {
    db = await openTempDb();
    expect(await getOrganisationSettings(db.ctx)).toEqual(defaultOrganisationSettings);
  });

  it('keep a patch, merged over the defaults, and audit it', async () => {
    db = await openTempDb();
    const after = await updateOrganisationSettings(db.ctx, { defaultQuorumRule: 'absolute_majority_of_members', secretaryName: 'سعاد' });
    expect(after.defaultQuorumRule).toBe('absolute_majority_of_members');
    expect(after.councilName).toEqual(defaultOrganisationSettings.councilName);
    expect(await getOrganisationSettings(db.ctx)).toEqual(after);
    const audit = db.sqlite.prepare(`select * from audit_entry where action = 'settings.update'`).all() as { before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json).defaultQuorumRule).toBe('two_thirds_of_members');
    expect(JSON.parse(audit[0]!.after_json).defaultQuorumRule).toBe('absolute_majority_of_members');
  });

  it('fill in defaults for fields missing from the stored document', async () => {
    db = await openTempDb();
    db.sqlite
      .prepare(`insert into setting (key, value_json, updated_at) values ('organisation', ?, '2026-01-01T00:00:00Z')`)
      .run(JSON.stringify({ secretaryName: 'Karim', digits: 'nonsense' }));
    const s = await getOrganisationSettings(db.ctx);
    expect(s.secretaryName).toBe('Karim');
    expect(s.digits).toBe('western');
    expect(s.backupsToKeep).toBe(defaultOrganisationSettings.backupsToKeep);
  });

  it('read a pattern saved as the earlier default as the present one, and keep a pattern of its own', async () => {
    db = await openTempDb();
    const old = '{council}/{session}/{serial}';
    const put = (pattern: unknown) =>
      db.sqlite
        .prepare(`insert or replace into setting (key, value_json, updated_at) values ('organisation', ?, '2026-01-01T00:00:00Z')`)
        .run(JSON.stringify({ decisionNumberPattern: pattern }));
    put({ ar: old, en: old, fr: old });
    expect((await getOrganisationSettings(db.ctx)).decisionNumberPattern).toEqual(defaultOrganisationSettings.decisionNumberPattern);
    expect(defaultOrganisationSettings.decisionNumberPattern.ar).toContain('{extraordinary}');
    const own = { ar: old, en: 'EC/{year}/{serial}', fr: old };
    put(own);
    expect((await getOrganisationSettings(db.ctx)).decisionNumberPattern).toEqual(own);
    // Chosen again after the change of defaults: kept.
    await updateOrganisationSettings(db.ctx, { decisionNumberPattern: { ar: old, en: old, fr: old }, arabicFont: 'Traditional Arabic' });
    const now = await getOrganisationSettings(db.ctx);
    expect(now.decisionNumberPattern).toEqual({ ar: old, en: old, fr: old });
    expect(now.arabicFont).toBe('Traditional Arabic');
  });

  it('read the Windows-only Traditional Arabic saved as the earlier default as Amiri, which the minutes embed', async () => {
    db = await openTempDb();
    db.sqlite
      .prepare(`insert into setting (key, value_json, updated_at) values ('organisation', ?, '2026-01-01T00:00:00Z')`)
      .run(JSON.stringify({ arabicFont: 'Traditional Arabic' }));
    expect((await getOrganisationSettings(db.ctx)).arabicFont).toBe('Amiri');
  });

  it.each([
    [{ name: { ar: '  ', en: 'x', fr: 'y' } }, 'name.ar'],
    [{ languages: [] }, 'languages'],
    [{ defaultQuorumRule: 'half' }, 'defaultQuorumRule'],
    [{ backupsToKeep: 0 }, 'backupsToKeep'],
    // Named by its language, so the form shows it under that pattern (it was dropped at the form's foot).
    [{ decisionNumberPattern: { ar: 'x', en: '{serial}', fr: '{serial}' } }, 'decisionNumberPattern.ar'],
    [{ decisionNumberPattern: { ar: '{serial}', en: '{serial}', fr: 'CE/{session}' } }, 'decisionNumberPattern.fr'],
  ])('refuse %j naming the field, changing nothing', async (patch, field) => {
    db = await openTempDb();
    await updateOrganisationSettings(db.ctx, { secretaryName: 'first' });
    const before = tableSnapshot(db.sqlite);
    const err = await updateOrganisationSettings(db.ctx, patch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe(field);
    // Every refusal carries a code the UI says in its language (the pattern's: missing_serial).
    expect((err as ValidationError).issues?.[0]?.code).toBeTruthy();
    if (field.startsWith('decisionNumberPattern')) expect((err as ValidationError).issues?.[0]?.code).toBe('missing_serial');
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });
});
