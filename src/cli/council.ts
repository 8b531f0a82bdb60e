// `npm run council -- <command> ...`: the command-line tool for IT staff and scripts, on the app's own
// database by default (src/core/paths.ts) or --db FILE. Exit codes: 0 done, 1 refused or failed (the
// message names the problem), 2 bad usage.
import { pathToFileURL } from 'node:url';
import type { Council } from '../core/council';
import { defaultDatabasePath } from '../core/paths';
import { CouncilError, ValidationError } from '../errors';
import { parseArgs } from './args';
import './commands';
import { allCommands, findCommand, UsageError, type CliIo } from './registry';

export function helpText(): string {
  const lines = [
    'Council Minutes — command-line tool',
    '',
    'Usage: npm run council -- <command> [options]',
    '',
    'Commands:',
    ...allCommands().map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
    'Options for every command:',
    `  --db FILE        the database (default: ${defaultDatabasePath()})`,
    '  --actor NAME     who acts, written into the audit trail',
    '  --help           this help',
  ];
  return lines.join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`council: unknown command "${name}" (see --help)`);
    return 2;
  }
  let council: Council | null = null;
  try {
    const args = parseArgs(rest, command.flags);
    if (args.flags.has('help')) {
      io.out(`Usage: npm run council -- ${command.usage}\n${command.summary}`);
      return 0;
    }
    const dbPath = (args.flags.get('db') as string | undefined) ?? defaultDatabasePath();
    const actor = args.flags.get('actor') as string | undefined;
    const open = async () => {
      if (!council) {
        // The core is loaded only by the commands that open the database.
        const [{ assertLocalDatabase }, { openCouncil }] = await Promise.all([import('../database/location'), import('../core/council')]);
        // Never on a network share (SQLite's locks are not safe there): the app refuses it too.
        assertLocalDatabase(dbPath);
        council = await openCouncil({ path: dbPath, ...(actor ? { actor } : {}) });
      }
      return council;
    };
    const run = await command.load();
    return await run(args, io, open);
  } catch (err) {
    io.err(`council ${name}: ${describe(err)}`);
    if (err instanceof UsageError) {
      io.err(`usage: npm run council -- ${command.usage}`);
      return 2;
    }
    return 1;
  } finally {
    if (council) await (council as Council).close();
  }
}

function describe(err: unknown): string {
  if (err instanceof ValidationError && err.issues.length > 1) {
    const more = err.issues.slice(1, 5).map((i) => `\n  ${i.field || 'input'}: ${i.message}`).join('');
    return `${err.message}${more}${err.issues.length > 5 ? `\n  ... ${err.issues.length - 5} more` : ''}`;
  }
  if (err instanceof CouncilError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
