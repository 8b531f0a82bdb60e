import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCouncil } from '../../src/core/council';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { compareProtocol, protocolSortKey } from '../../src/member-states/protocol-order';
import { seedMemberStates } from '../../src/member-states/seed';
import { aidsmoMemberStates } from '../../src/member-states/seed-data';
import {
  createMemberState,
  listMemberStates,
  setMemberStateActive,
  updateMemberState,
} from '../../src/member-states/service';
import { tableSnapshot } from '../helpers/fixtures';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';

let db: TempDb | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function seeded(): Promise<TempDb> {
  db = await openTempDb();
  await seedMemberStates(db.ctx);
  return db;
}

describe('protocol order', () => {
  it('ignores the article and vowel marks', () => {
    expect(protocolSortKey('الأردن')).toBe('اردن');
    expect(protocolSortKey('عُمان')).toBe('عمان');
    expect(compareProtocol('المغرب', 'مصر')).toBeGreaterThan(0); // مغرب after مصر
    expect(compareProtocol('الإمارات', 'البحرين')).toBeLessThan(0);
    expect(compareProtocol('العراق', 'عُمان')).toBeLessThan(0);
  });

  it('is the order of the seed list, which is the Arab League order', () => {
    const names = aidsmoMemberStates.map((s) => s.nameAr);
    expect([...names].sort(compareProtocol)).toEqual(names);
    expect(names.join('، ')).toBe(
      'الأردن، الإمارات، البحرين، تونس، الجزائر، جيبوتي، السعودية، السودان، سوريا، الصومال، العراق، عُمان، فلسطين، قطر، الكويت، لبنان، ليبيا، مصر، المغرب، موريتانيا، اليمن',
    );
  });
});

describe('seeding', () => {
  it('gives the 21 members (the Arab League without Comoros) on first open, once', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'c.sqlite');
    const first = await openCouncil({ path: file });
    const states = await listMemberStates(first.ctx);
    expect(states).toHaveLength(21);
    expect(states.map((s) => s.isoCode)).not.toContain('KM');
    expect(new Set(states.map((s) => s.isoCode)).size).toBe(21);
    expect(states.map((s) => s.protocolOrder)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(states.every((s) => s.nameAr && s.nameEn && s.nameFr && /^[A-Z]{2}$/.test(s.isoCode))).toBe(true);
    await first.close();

    const second = await openCouncil({ path: file });
    expect(await listMemberStates(second.ctx)).toHaveLength(21);
    // Deleting the states is the secretary's choice: a later open does not undo it.
    second.database.sqlite.prepare('delete from member_state').run();
    await second.close();
    const third = await openCouncil({ path: file });
    expect(await listMemberStates(third.ctx)).toHaveLength(0);
    await third.close();
  });
});

describe('member state services', () => {
  it('place a new state alphabetically and renumber', async () => {
    const { ctx } = await seeded();
    const km = await createMemberState(ctx, { isoCode: 'km', nameAr: 'جزر القمر', nameEn: 'Comoros', nameFr: 'Comores' });
    expect(km.isoCode).toBe('KM');
    const list = await listMemberStates(ctx);
    const names = list.map((s) => s.nameAr);
    expect(names.indexOf('جزر القمر')).toBe(names.indexOf('الجزائر') + 1);
    expect(list.map((s) => s.protocolOrder)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('move a state to another place when asked', async () => {
    const { ctx } = await seeded();
    const ye = (await listMemberStates(ctx)).find((s) => s.isoCode === 'YE')!;
    await updateMemberState(ctx, { id: ye.id, protocolOrder: 1, nameEn: 'Republic of Yemen' });
    const list = await listMemberStates(ctx);
    expect(list[0]).toMatchObject({ isoCode: 'YE', nameEn: 'Republic of Yemen', protocolOrder: 1 });
    expect(list[1]!.isoCode).toBe('JO');
    expect(list.map((s) => s.protocolOrder)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('make a state inactive without losing it', async () => {
    const { ctx } = await seeded();
    const sy = (await listMemberStates(ctx)).find((s) => s.isoCode === 'SY')!;
    expect((await setMemberStateActive(ctx, { id: sy.id, active: false })).active).toBe(false);
    expect((await listMemberStates(ctx)).map((s) => s.isoCode)).not.toContain('SY');
    const all = await listMemberStates(ctx, { includeInactive: true });
    expect(all.find((s) => s.isoCode === 'SY')).toMatchObject({ active: false, protocolOrder: 9 });
    await setMemberStateActive(ctx, { id: sy.id, active: true });
    expect(await listMemberStates(ctx)).toHaveLength(21);
  });

  it.each([
    ['create', { isoCode: 'MA', nameAr: 'x', nameEn: 'x', nameFr: 'x' }, ConflictError, 'isoCode'],
    ['create', { isoCode: 'M1', nameAr: 'x', nameEn: 'x', nameFr: 'x' }, ValidationError, 'isoCode'],
    ['create', { isoCode: 'XX', nameAr: ' ', nameEn: 'x', nameFr: 'x' }, ValidationError, 'nameAr'],
    ['update', { id: 'nope', nameEn: 'x' }, NotFoundError, 'id'],
    ['update', { id: '$MA', isoCode: 'JO' }, ConflictError, 'isoCode'],
    ['update', { id: '$MA', nameFr: '' }, ValidationError, 'nameFr'],
    ['setActive', { id: '$MA', active: 'no' }, ValidationError, 'active'],
  ] as const)('%s %j is refused naming the field, changing nothing', async (call, rawInput, type, field) => {
    const { ctx, sqlite } = await seeded();
    const ma = (await listMemberStates(ctx)).find((s) => s.isoCode === 'MA')!;
    const input = 'id' in rawInput && rawInput.id === '$MA' ? { ...rawInput, id: ma.id } : rawInput;
    const before = tableSnapshot(sqlite);
    const fn = call === 'create' ? createMemberState : call === 'update' ? updateMemberState : setMemberStateActive;
    const err = await fn(ctx, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as ValidationError).field).toBe(field);
    expect(tableSnapshot(sqlite)).toEqual(before);
  });
});
