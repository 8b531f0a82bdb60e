// The minutes worker: generates .docx and HTML minutes on a thread of its own, so a long session never
// freezes the app's main process or the browser host's request loop. Each job opens its own read-only
// connection (a restore may have swapped the file since the last one) and reads the whole record; the
// rendered result is kept keyed by a hash of everything the minutes draw on, so asking again for an
// unchanged session and language returns the same file without rendering it again.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import type { CoreContext } from '../core/context';
import { CouncilSqliteDialect } from '../database/dialect';
import type { Database } from '../database/schema';
import { CouncilError, toErrorPayload } from '../errors';
import { registerCouncilFunctions } from '../database/functions';
import { minutesInputs, renderMinutesHtml, type GenerateOptions } from './generate';
import type { MinutesJob, MinutesJobResult } from './worker-protocol';

const databasePath = (workerData as { databasePath: string }).databasePath;
const CACHE_ENTRIES = 6;
const cache = new Map<string, Uint8Array | string>();

function remember(key: string, value: Uint8Array | string): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
}

async function withReader<T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  const sqlite = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
  registerCouncilFunctions(sqlite);
  const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(sqlite, { readOnly: true }), plugins: [new CamelCasePlugin()] });
  try {
    return await fn({ db, now: () => new Date() });
  } finally {
    await db.destroy();
  }
}

async function run(job: MinutesJob): Promise<MinutesJobResult> {
  const options: GenerateOptions = { lang: job.lang, ...(job.timeZone ? { timeZone: job.timeZone } : {}) };
  const inputs = await withReader((ctx) => minutesInputs(ctx, job.sessionId, options));
  const key = createHash('sha256').update(job.format).update('\0').update(JSON.stringify(inputs, bytesAsBase64)).digest('hex');
  const hit = cache.get(key);
  if (job.format === 'docx') {
    let bytes = hit as Uint8Array | undefined;
    const cached = bytes !== undefined;
    if (!bytes) {
      const { renderMinutesDocx } = await import('./generate');
      bytes = new Uint8Array(await renderMinutesDocx(inputs));
      remember(key, bytes);
    }
    return { id: job.id, ok: true, format: 'docx', bytes, cached };
  }
  let html = hit as string | undefined;
  const cached = html !== undefined;
  if (html === undefined) {
    html = renderMinutesHtml(inputs);
    remember(key, html);
  }
  return { id: job.id, ok: true, format: 'html', html, cached };
}

function bytesAsBase64(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
}

parentPort!.on('message', (job: MinutesJob) => {
  run(job).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const typed = err instanceof CouncilError ? { code: err.code, field: err.field, ...(toErrorPayload(err).issues ? { issues: toErrorPayload(err).issues } : {}) } : {};
      parentPort!.postMessage({ id: job.id, ok: false, error: { name: e.name, message: e.message, ...typed } } satisfies MinutesJobResult);
    },
  );
});
