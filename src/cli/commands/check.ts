import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { storedRecordViolations } from '../../bundle/check-stored';
import { CouncilSqliteDialect } from '../../database/dialect';
import type { Database } from '../../database/schema';
import { migrationNames } from '../../database/migrations';
import { migrationsOutOfOrder } from '../../database/open';
import { type CliIo, type ParsedArgs, UsageError } from '../registry';
import { findSessionMismatches } from '../../database/migrations/0006_session_consistency';
import { findLaterSessionMismatches } from '../../database/migrations/0012_later_tables_and_sealed_imports';
import { defaultDatabasePath } from '../../core/paths';
import { workingDocumentHashProblems } from '../../working-documents/service';

export async function runCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`unexpected argument: ${args.positionals[0]}`);
  const file = (args.flags.get('db') as string | undefined) ?? defaultDatabasePath();
  if (!fs.existsSync(file)) {
    io.err(`no database at ${file}`);
    return 1;
  }
  // Read only, so checking never migrates or changes the file.
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    const hasTable = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    const applied = hasTable ? (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name) : [];
    const unknown = applied.filter((n) => !migrationNames.includes(n));
    const pending = migrationNames.filter((n) => !applied.includes(n));
    const ok = integrity.length === 1 && integrity[0] === 'ok';
    io.out(`database: ${file}`);
    io.out(`integrity: ${ok ? 'ok' : integrity.slice(0, 10).join('; ')}`);
    io.out(`foreign keys: ${fk.length === 0 ? 'ok' : `${fk.length} broken references`}`);
    const outOfOrder = migrationsOutOfOrder(applied);
    if (outOfOrder) {
      // Pending would be untrue: the app refuses such a file rather than run a migration out of turn.
      io.out(
        `migrations: ${applied.length} applied, OUT OF ORDER: ${outOfOrder.missing.join(', ')} missing although the later ` +
          `${outOfOrder.appliedAfter.join(', ')} ${outOfOrder.appliedAfter.length === 1 ? 'is' : 'are'} applied (another build of the app upgraded this file); ` +
          `the app will not open it: open it with the build that upgraded it, or restore the backup taken before that upgrade`,
      );
    } else {
      io.out(`migrations: ${applied.length} applied${pending.length ? `, ${pending.length} pending (${pending.join(', ')}); the app applies them on opening` : ', up to date'}`);
    }
    if (unknown.length) io.out(`newer than this app: ${unknown.join(', ')} — update the app`);
    // The record's own rules, as import enforces them (only on a file this app's schema describes).
    let broken = 0;
    if (ok && pending.length === 0 && unknown.length === 0 && !outOfOrder) {
      const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(sqlite), plugins: [new CamelCasePlugin()] });
      const violations = await storedRecordViolations(db);
      broken = violations.length;
      io.out(`record rules: ${broken === 0 ? 'ok' : `${broken} broken`}`);
      for (const v of violations.slice(0, 200)) io.out(`  session ${v.session}: ${v.message} [${v.rule}]`);
      if (broken > 200) io.out(`  ... ${broken - 200} more`);
      // Each working document's bytes against the SHA-256 stored with them (migration 0017).
      const hashes = await workingDocumentHashProblems(db);
      const documents = await db.selectFrom('workingDocument').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      io.out(`working documents: ${hashes.length === 0 ? `${documents.n} stored, every SHA-256 matches` : `${hashes.length} damaged`}`);
      for (const h of hashes) io.out(`  session ${h.session}: ${h.message}`);
      broken += hashes.length;
      // Rows of another session than the row they point at (possible only with the triggers of 0006/0012 dropped).
      const mismatched = [...(await findSessionMismatches(db)), ...(await findLaterSessionMismatches(db))];
      broken += mismatched.length;
      io.out(`session links: ${mismatched.length === 0 ? 'ok' : `${mismatched.length} row(s) of another session than the row they point at`}`);
      for (const r of mismatched.slice(0, 200)) {
        io.out(`  ${r.table} ${r.key} (session ${r.sessionId}) -> ${r.column}: ${r.parentTable} ${r.parentId} (session ${r.parentSessionId})`);
      }
      // Sessions imported from a .zip whose seal did not verify (on request, unlocked): never to be taken for approved minutes.
      const copies = await db
        .selectFrom('unverifiedCopy as u')
        .innerJoin('councilSession as s', 's.id', 'u.sessionId')
        .select(['s.kind', 's.number', 'u.reason', 'u.detail', 'u.claimedLockedAt', 'u.importedAt'])
        .orderBy('s.kind')
        .orderBy('s.number')
        .execute();
      broken += copies.length;
      io.out(`unverified copies: ${copies.length === 0 ? 'none' : copies.length}`);
      for (const c of copies) {
        io.out(
          `  session ${c.kind}:${c.number}: UNVERIFIED COPY imported ${c.importedAt}, unlocked; the archive said it was locked` +
            `${c.claimedLockedAt ? ` (${c.claimedLockedAt})` : ''} but its seal does not verify (${c.reason}: ${c.detail})`,
        );
      }
    } else {
      io.out('record rules: not checked (the file is damaged or its migrations are not up to date)');
    }
    return ok && fk.length === 0 && unknown.length === 0 && !outOfOrder && broken === 0 ? 0 : 1;
  } finally {
    sqlite.close();
  }
}
