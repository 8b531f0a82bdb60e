// Upgrading a file from each earlier version: the record written at that version survives, every later
// migration is applied, and a backup of the file as it was is taken first (and opens at the old version).
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CouncilSqliteDialect } from '../../src/database/dialect';
import { migrateTo, openDatabase } from '../../src/database/open';
import { migrationNames } from '../../src/database/migrations';
import type { Database } from '../../src/database/schema';
import { listSessions } from '../../src/sessions/service';
import { registerCouncilFunctions } from '../../src/database/functions';
import { insertItem, insertSession, insertStates } from '../decisions/world';
import { tempDir, type TempDb } from '../helpers/temp-db';
import { inTransaction } from '../../src/core/context';
import { loadSessionRecord, recordSha256, type RecordFormat } from '../../src/seal/record';

const OLDER_FORMATS: RecordFormat[] = ['council-record/1', 'council-record/2', 'council-record/3', 'council-record/4'];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const applied = (file: string) => {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    return (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    raw.close();
  }
};

describe('migrating an existing file', () => {
  const earlier = migrationNames.slice(0, -1);
  it('has earlier versions to upgrade from', () => expect(earlier.length).toBeGreaterThan(0));
  it('upgrades from 0003 (before the session time zone)', () => expect(earlier).toContain('0003_approval_and_seal'));

  for (const version of earlier) {
    it(`upgrades a file at ${version} to the latest, keeping its record, after a backup`, async () => {
      const dir = tempDir();
      dirs.push(dir);
      const file = path.join(dir, 'council.sqlite');
      const raw = new BetterSqlite3(file);
      registerCouncilFunctions(raw);
      const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(raw), plugins: [new CamelCasePlugin()] });
      await migrateTo(db, version);
      const fake = { db, now: () => new Date(), dir, path: file } as unknown as TempDb;
      await insertStates(fake);
      const session = await insertSession(fake, { number: 60, startDate: '2021-05-10' });
      const item = await insertItem(fake, session.id, { ar: 'اعتماد الميزانية' });
      // Seals made with the formats of that time (1-4; the approval tables came with 0003) must still
      // verify once the file is migrated: each older format hashes the record as it did.
      const sealable = migrationNames.indexOf(version) >= migrationNames.indexOf('0003_approval_and_seal');
      // Format 4 came with 0006's release: no seal of a file before it was made with it.
      const at = (name: string) => migrationNames.indexOf(version) >= migrationNames.indexOf(name);
      const formats = OLDER_FORMATS.filter((f) => f !== 'council-record/4' || at('0006_session_consistency'));
      const olderHashes = async (k: Kysely<Database>) =>
        Promise.all(formats.map((f) => inTransaction({ db: k, now: () => new Date() }, async (tx) => recordSha256(await loadSessionRecord(tx, session.id, f)))));
      const hashesBefore = sealable ? await olderHashes(db) : [];
      await db.destroy();
      expect(applied(file)).toEqual(migrationNames.slice(0, migrationNames.indexOf(version) + 1));

      const opened = await openDatabase({ path: file });
      try {
        expect(applied(file)).toEqual(migrationNames);
        expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const ctx = { db: opened.db, now: () => new Date() };
        if (sealable) expect(await olderHashes(opened.db)).toEqual(hashesBefore);
        expect((await listSessions(ctx)).map((s) => [s.id, s.number])).toEqual([[session.id, 60]]);
        // 0004: sessions recorded before the venue's time zone existed have it unknown ('').
        expect((await listSessions(ctx)).map((s) => s.timeZone)).toEqual(['']);
        // 0005: the search index is an ordinary FTS5 table holding every indexed record, and no trigger
        // raises with an expression (both unreadable to SQLite before 3.43 / 3.47).
        const count = (q: string) => (opened.sqlite.prepare(q).get() as { n: number }).n;
        expect(count('select count(*) n from search_fts')).toBe(count('select count(*) n from search_doc'));
        expect(count(`select count(*) n from search_fts where search_fts match 'الميزانيه'`)).toBe(1);
        expect(count(`select count(*) n from sqlite_master where sql like '%contentless_delete%' or sql like '%raise(abort, ''LOCKED_SESSION:'' ||%'`)).toBe(0);
        const titles = opened.sqlite.prepare('select title_ar from agenda_item where id = ?').get(item.id);
        expect(titles).toEqual({ title_ar: 'اعتماد الميزانية' });
        // The backup is the file as it was: at the old version, with the same record.
        expect(opened.backupsTaken).toHaveLength(1);
        const backup = opened.backupsTaken[0]!;
        expect(path.basename(backup)).toContain(`before-${migrationNames[migrationNames.indexOf(version) + 1]}`);
        expect(applied(backup)).toEqual(migrationNames.slice(0, migrationNames.indexOf(version) + 1));
        const old = new BetterSqlite3(backup, { readonly: true });
        expect(old.prepare('select number from council_session').all()).toEqual([{ number: 60 }]);
        old.close();
      } finally {
        await opened.close();
      }
    });
  }
});
