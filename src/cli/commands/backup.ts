// `council backup` takes a backup now (into <data>/backups, keeping settings.backupsToKeep);
// `council backup --list` lists them; `council restore FILE` restores one (the app must be closed).
import fs from 'node:fs';
import { restoreDatabase } from '../../backup/restore';
import { createBackupService } from '../../backup/service';
import { listBackupFiles } from '../../backup/files';
import { defaultDatabasePath } from '../../core/paths';
import { openDatabase } from '../../database/open';
import { onePositional, registerCommand, UsageError } from '../registry';

registerCommand({
  name: 'backup',
  summary: 'take a backup of the database now (or --list the backups)',
  usage: 'backup [--list]',
  flags: { list: false },
  opensDatabase: true,
  async run(args, io, open) {
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
  },
});

registerCommand({
  name: 'restore',
  summary: 'restore the database from a backup (checked first; the current file is kept aside)',
  usage: 'restore BACKUP.sqlite',
  flags: {},
  opensDatabase: false,
  async run(args, io) {
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
  },
});
