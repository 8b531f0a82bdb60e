// The app's side of the minutes worker (worker-entry.ts): one worker thread, started on first use, jobs
// answered in order by id. Hosts that serve a UI (Electron's main, the browser host) hand it to the
// dispatcher; the CLI and the tests render in-process, having nothing else to keep responsive.
import { Worker } from 'node:worker_threads';
import { fromErrorPayload, type CouncilError } from '../errors';
import type { GenerateOptions } from './generate';
import type { MinutesJob, MinutesJobResult } from './worker-protocol';

/** Where the worker's code is: the .ts source under tsx (development, tests) or the bundled file (the app). */
export interface WorkerScript {
  file: string | URL;
  execArgv?: string[];
}

export interface MinutesRenderer {
  docx(sessionId: string, options: Pick<GenerateOptions, 'lang' | 'timeZone'>): Promise<{ bytes: Buffer; cached: boolean }>;
  html(sessionId: string, options: Pick<GenerateOptions, 'lang' | 'timeZone'>): Promise<{ html: string; cached: boolean }>;
  close(): Promise<void>;
}

/** The source under tsx: for hosts started from the TypeScript sources (npm run dev:web, the tests). */
export function sourceWorkerScript(): WorkerScript {
  return { file: new URL('./worker-entry.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

export function createMinutesRenderer(databasePath: string, script: WorkerScript): MinutesRenderer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: MinutesJobResult) => void; reject: (e: Error) => void }>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(script.file, { workerData: { databasePath }, ...(script.execArgv ? { execArgv: script.execArgv } : {}) });
    w.on('message', (r: MinutesJobResult) => {
      const p = pending.get(r.id);
      pending.delete(r.id);
      p?.resolve(r);
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new Error(`the minutes worker stopped (exit code ${code})`)));
    // An idle worker must not keep a CLI or a test process alive.
    w.unref();
    worker = w;
    return w;
  };
  const ask = (job: Omit<MinutesJob, 'id'>): Promise<MinutesJobResult> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      start().postMessage({ ...job, id } satisfies MinutesJob);
    }).then((r) => {
      const result = r as MinutesJobResult;
      if (!result.ok) {
        const e = result.error;
        throw e.code ? fromErrorPayload({ ...e, code: e.code as CouncilError['code'] }) : new Error(e.message);
      }
      return result;
    });
  const job = (format: MinutesJob['format'], sessionId: string, o: Pick<GenerateOptions, 'lang' | 'timeZone'>) => ({
    format,
    sessionId,
    lang: o.lang,
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
  });

  return {
    async docx(sessionId, options) {
      const r = await ask(job('docx', sessionId, options));
      if (r.ok && r.format === 'docx') return { bytes: Buffer.from(r.bytes), cached: r.cached };
      throw new Error('the minutes worker answered with the wrong format');
    },
    async html(sessionId, options) {
      const r = await ask(job('html', sessionId, options));
      if (r.ok && r.format === 'html') return { html: r.html, cached: r.cached };
      throw new Error('the minutes worker answered with the wrong format');
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
