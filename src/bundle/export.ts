// Export one session's record as a session bundle (JSON-ready object).
import type { Kysely } from 'kysely';
import { latestMigration } from '../database/migrations';
import type { Database } from '../database/schema';
import { loadSessionRows } from '../minutes/load-record';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type SessionBundle } from './schema';

export async function exportSessionBundle(db: Kysely<Database>, sessionId: string, now: Date = new Date()): Promise<SessionBundle> {
  const rows = await loadSessionRows(db, sessionId);
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: now.toISOString(), schema: latestMigration, ...rows };
}

/** Stable, readable JSON (two-space indent, trailing newline) so bundles diff well in git. */
export function bundleToJson(bundle: SessionBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
