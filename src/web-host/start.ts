// Open the council's database and serve the renderer over loopback: what `npm run dev:web`, the UI
// tests, the screenshots and the bench all start. The host services are the same as the desktop app's
// (backups and restore through src/backup/live.ts, the seal key in the data folder beside the database),
// except the PDF: this host has no printer, so sealing a PDF is refused with a typed error naming 'format'.
import path from 'node:path';
import { openCouncil, type Council } from '../core/council';
import { createDispatcher } from '../api/dispatch';
import { openLiveCouncil, type LiveCouncil } from '../backup/live';
import { startWebHost, type WebHost } from './server';
import { createMinutesRenderer, sourceWorkerScript } from '../minutes/worker-pool';
import { onRoomSignal } from '../room/events';

export interface RunningHost {
  /** The council open now (a restore replaces it). */
  readonly council: Council;
  live: LiveCouncil;
  host: WebHost;
  stop(): Promise<void>;
}

export async function startCouncilWebHost(options: {
  dbPath: string;
  staticDir: string;
  port?: number;
  now?: () => Date;
  /** Run the daily backup schedule while serving (off by default: tests and screenshots). */
  scheduleBackups?: boolean;
}): Promise<RunningHost> {
  const live = await openLiveCouncil({ open: () => openCouncil({ path: options.dbPath, ...(options.now ? { now: options.now } : {}) }) });
  // Minutes are rendered on a worker thread: a long session never holds up the other requests.
  const minutes = createMinutesRenderer(live.databasePath, sourceWorkerScript());
  try {
    let self: WebHost | null = null;
    // The hall display in this host is a page: its address carries the token, to open on any screen.
    const hall = {
      open: async (sessionId: string, lang: 'ar' | 'en' | 'fr') => ({
        opened: false,
        url: `${self!.origin}/hall?session=${encodeURIComponent(sessionId)}&lang=${lang}#token=${self!.token}`,
      }),
    };
    const host = await startWebHost({
      dispatch: createDispatcher(live.ctx, { backups: live.backups, seal: { dataDir: path.dirname(live.databasePath) }, minutes, hall }),
      events: onRoomSignal,
      staticDir: options.staticDir,
      ...(options.port !== undefined ? { port: options.port } : {}),
    });
    self = host;
    if (options.scheduleBackups) live.startSchedule();
    return {
      get council() {
        return live.current();
      },
      live,
      host,
      stop: async () => {
        await host.close();
        await minutes.close();
        await live.close();
      },
    };
  } catch (err) {
    await minutes.close();
    await live.close();
    throw err;
  }
}
