// The core as one object: open the SQLite file, prepare it (first-run defaults), and hand out the
// context every service takes. The Electron main process, the browser host and the CLI all start here.
import { openDatabase, type CouncilDatabase, type OpenOptions } from '../database/open';
import { seedMemberStates } from '../member-states/seed';
import type { CoreContext } from './context';

export interface Council {
  ctx: CoreContext;
  database: CouncilDatabase;
  close(): Promise<void>;
}

export interface OpenCouncilOptions extends OpenOptions {
  /** Who acts, overriding the secretary's name in settings (the CLI's --actor). */
  actor?: string;
  now?: () => Date;
}

/** First-run preparation steps (seeding member states...), registered by the features that need one. */
export type FirstRunStep = (ctx: CoreContext) => Promise<void>;
const firstRunSteps: FirstRunStep[] = [];
export function registerFirstRunStep(step: FirstRunStep): void {
  firstRunSteps.push(step);
}
// AIDSMO's member states on a new database (never again once seeded, even if deleted).
registerFirstRunStep(async (ctx) => {
  await seedMemberStates(ctx);
});

export async function openCouncil(options: OpenCouncilOptions): Promise<Council> {
  const database = await openDatabase(options);
  const ctx: CoreContext = {
    db: database.db,
    now: options.now ?? (() => new Date()),
    ...(options.now ? {} : { clockIsWallTime: true }),
    ...(options.actor ? { actorOverride: options.actor } : {}),
  };
  try {
    for (const step of firstRunSteps) await step(ctx);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { ctx, database, close: () => database.close() };
}
