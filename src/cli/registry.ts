// The CLI's commands: each is described in commands/index.ts (name, usage, flags) and runs from its own file
// under commands/, imported only when that command runs, so `--help` and a light command start without
// loading the core, kysely, zod or the docx writer.
import type { Council } from '../core/council';

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** e.g. "minutes <session> --lang ar|en|fr --out FILE.docx" */
  usage: string;
  /** Flags it accepts besides the global ones; true: takes a value. */
  flags: Record<string, boolean>;
  /** Whether it needs the database opened (check opens it itself to report on it). */
  opensDatabase: boolean;
  /** Imports the command's module (only when it runs) and gives its run function. */
  load(): Promise<CommandRun>;
}

export type OpenCouncil = () => Promise<Council>;
export type CommandRun = (args: ParsedArgs, io: CliIo, open: OpenCouncil) => Promise<number>;

const commands = new Map<string, Command>();

export function registerCommand(command: Command): void {
  if (commands.has(command.name)) throw new Error(`command registered twice: ${command.name}`);
  commands.set(command.name, command);
}

export function findCommand(name: string): Command | undefined {
  return commands.get(name);
}

export function allCommands(): Command[] {
  return [...commands.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function flagValue(args: ParsedArgs, name: string, required: true): string;
export function flagValue(args: ParsedArgs, name: string, required?: false): string | undefined;
export function flagValue(args: ParsedArgs, name: string, required = false): string | undefined {
  const v = args.flags.get(name);
  if (v === undefined) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function onePositional(args: ParsedArgs, what: string): string {
  if (args.positionals.length === 0) throw new UsageError(`missing ${what}`);
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument: ${args.positionals[1]}`);
  return args.positionals[0]!;
}
