// The ordered list of migrations, imported statically so they survive bundling (a folder read at run
// time does not). Append only; never edit or reorder a migration that has landed.
import type { Migration } from 'kysely';
import * as m0001 from './0001_council_record';
import * as m0002 from './0002_search';
import * as m0003 from './0003_approval_and_seal';
import * as m0004 from './0004_session_time_zone';
import * as m0010 from './0010_speakers';

export const migrations: Record<string, Migration> = {
  '0001_council_record': m0001,
  '0002_search': m0002,
  '0003_approval_and_seal': m0003,
  '0004_session_time_zone': m0004,
  '0010_speakers': m0010,
};

export const migrationNames = Object.keys(migrations).sort();
export const latestMigration = migrationNames[migrationNames.length - 1]!;
