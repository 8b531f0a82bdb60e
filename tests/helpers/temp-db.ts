// A real SQLite file in a fresh temporary folder, opened and migrated like the app does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type CouncilDatabase } from '../../src/database/open';
import type { CoreContext } from '../../src/core/context';

export interface TempDb extends CouncilDatabase {
  dir: string;
  ctx: CoreContext;
  /** Set the clock that ctx.now() returns. */
  setNow(iso: string): void;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'council-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openTempDb(file = 'council.sqlite'): Promise<TempDb> {
  const dir = tempDir();
  const opened = await openDatabase({ path: path.join(dir, file) });
  let now = new Date('2026-11-10T08:00:00.000Z');
  const ctx: CoreContext = { db: opened.db, now: () => now };
  return {
    ...opened,
    dir,
    ctx,
    setNow: (iso) => {
      now = new Date(iso);
    },
    cleanup: async () => {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
