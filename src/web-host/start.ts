// Open the council's database and serve the renderer over loopback: what `npm run dev:web`, the UI
// tests, the screenshots and the bench all start.
import { openCouncil, type Council } from '../core/council';
import { createDispatcher } from '../api/dispatch';
import { createBackupService } from '../backup/service';
import { startWebHost, type WebHost } from './server';

export interface RunningHost {
  council: Council;
  host: WebHost;
  stop(): Promise<void>;
}

export async function startCouncilWebHost(options: {
  dbPath: string;
  staticDir: string;
  port?: number;
  now?: () => Date;
}): Promise<RunningHost> {
  const council = await openCouncil({ path: options.dbPath, ...(options.now ? { now: options.now } : {}) });
  try {
    const host = await startWebHost({
      dispatch: createDispatcher(council.ctx, { backups: createBackupService(council.database, council.ctx) }),
      staticDir: options.staticDir,
      ...(options.port !== undefined ? { port: options.port } : {}),
    });
    return {
      council,
      host,
      stop: async () => {
        await host.close();
        await council.close();
      },
    };
  } catch (err) {
    await council.close();
    throw err;
  }
}
