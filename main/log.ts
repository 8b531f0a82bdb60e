// The app's log file, for IT staff when something went wrong on a laptop: app.getPath('logs')/main.log,
// one line per event (start, database opened, migrations, backups, native module, errors, renderer
// crashes). Size-capped: past maxBytes the file rotates to main.1.log, main.2.log, ... and the oldest
// beyond `keep` is deleted, so it never grows without bound. Writes are synchronous (a crash right after
// must not lose the line explaining it) and never throw: logging must not take the app down.
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLog {
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface LogOptions {
  /** app.getPath('logs') */
  dir: string;
  /** Rotate once the file would exceed this (default 1 MB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one (default 4: main.1.log .. main.4.log). */
  keep?: number;
  now?: () => Date;
}

const BASE = 'main';

/** main.log, then main.1.log (newest rotated) .. main.<keep>.log (oldest). */
export function logFileName(index: number): string {
  return index === 0 ? `${BASE}.log` : `${BASE}.${index}.log`;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${code ? `[${String(code)}] ` : ''}${err.stack ?? err.message}`;
  }
  return String(err);
}

export function createLog(options: LogOptions): AppLog {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = Math.max(0, options.keep ?? 4);
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, logFileName(0));

  const rotate = () => {
    fs.rmSync(path.join(options.dir, logFileName(keep)), { force: true });
    for (let i = keep - 1; i >= 0; i--) {
      const from = path.join(options.dir, logFileName(i));
      if (fs.existsSync(from)) fs.renameSync(from, path.join(options.dir, logFileName(i + 1)));
    }
    if (keep === 0) fs.rmSync(file, { force: true });
  };

  const write = (level: LogLevel, message: string) => {
    try {
      fs.mkdirSync(options.dir, { recursive: true });
      // One line per event: newlines inside a message (stacks) are indented, never a new entry.
      const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message.replace(/\r?\n/g, '\n    ')}\n`;
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      fs.appendFileSync(file, line, 'utf8');
    } catch {
      // A full disk or a locked file: the app goes on without its log.
    }
  };

  return {
    file,
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, err) => write('error', err === undefined ? message : `${message}: ${describe(err)}`),
  };
}

/** A log that writes nowhere (tests that do not look at it). */
export const silentLog: AppLog = { file: '', info: () => undefined, warn: () => undefined, error: () => undefined };
