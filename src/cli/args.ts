// argv -> command name, positionals and flags; unknown flags are refused by name.
import { UsageError, type ParsedArgs } from './registry';

/** Flags every command accepts; true: takes a value. */
export const GLOBAL_FLAGS: Record<string, boolean> = { db: true, actor: true, help: false };

export function parseArgs(argv: string[], accepted: Record<string, boolean>): ParsedArgs {
  const all = { ...GLOBAL_FLAGS, ...accepted };
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (!(name in all)) throw new UsageError(`unknown option --${name}`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (all[name]) {
      const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    }
  }
  return { positionals, flags };
}
