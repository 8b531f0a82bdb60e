// The ordered list of migrations, imported statically so they survive bundling (a folder read at run
// time does not). Append only; never edit or reorder a migration that has landed.
import type { Migration } from 'kysely';
import * as m0001 from './0001_council_record';
import * as m0002 from './0002_search';
import * as m0003 from './0003_approval_and_seal';
import * as m0004 from './0004_session_time_zone';
import * as m0005 from './0005_readable_by_any_sqlite';
import * as m0006 from './0006_session_consistency';
import * as m0008 from './0008_sitting_head';
import * as m0009 from './0009_open_roll_call';
import * as m0010 from './0010_speakers';
import * as m0011 from './0011_search_reservations_referrals_actions';
import * as m0018 from './0018_translations';

export const migrations: Record<string, Migration> = {
  '0001_council_record': m0001,
  '0002_search': m0002,
  '0003_approval_and_seal': m0003,
  '0004_session_time_zone': m0004,
  '0005_readable_by_any_sqlite': m0005,
  '0006_session_consistency': m0006,
  '0008_sitting_head': m0008,
  '0009_open_roll_call': m0009,
  '0010_speakers': m0010,
  '0011_search_reservations_referrals_actions': m0011,
  '0018_translations': m0018,
};

export const migrationNames = Object.keys(migrations).sort();
export const latestMigration = migrationNames[migrationNames.length - 1]!;
