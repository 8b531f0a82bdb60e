// `council backup` takes a backup now (into <data>/backups, keeping settings.backupsToKeep);
// `council backup --list` lists them; `council restore FILE` restores one (the app must be closed).
import fs from 'node:fs';
import { restoreDatabase } from '../../backup/restore';
import { createBackupService } from '../../backup/service';
import { listBackupFiles } from '../../backup/files';
import { defaultDatabasePath } from '../../core/paths';
import { openDatabase } from '../../database/open';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError, onePositional } from '../registry';

export async function runBackup(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  if (args.positionals.length) throw new UsageError(`unexpected argument: ${args.positionals[0]}`);
  const dbPath = (args.flags.get('db') as string | undefined) ?? defaultDatabasePath();
  if (args.flags.has('list')) {
    const list = listBackupFiles(dbPath);
    if (list.length === 0) io.out('no backups');
    for (const b of list) io.out(`${b.takenAt}  ${b.reason.padEnd(16)} ${String(b.bytes).padStart(10)}  ${b.path}`);
    return 0;
  }
  const council = await open();
  const { backup, pruned } = await createBackupService(council.database, council.ctx).backupNow('manual');
  io.out(`backup: ${backup.path}`);
  if (pruned.length) io.out(`removed ${pruned.length} older backup(s), keeping the number set in settings`);
  return 0;
}

export async function runRestore(args: ParsedArgs, io: CliIo): Promise<number> {
  const backupPath = onePositional(args, 'the backup file');
  const dbPath = (args.flags.get('db') as string | undefined) ?? defaultDatabasePath();
  if (!fs.existsSync(backupPath)) throw new UsageError(`no such file: ${backupPath}`);
  const result = restoreDatabase({ databasePath: dbPath, backupPath, now: new Date() });
  for (const p of result.keptAside) io.out(`kept aside: ${p}`);
  // Open once: migrates a backup from an older version and checks it opens.
  const reopened = await openDatabase({ path: dbPath });
  await reopened.close();
  io.out(`restored ${result.databasePath} from ${result.restoredFrom}`);
  return 0;
}
