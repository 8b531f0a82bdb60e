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
import * as m0017 from './0017_working_documents';
import * as m0016 from './0016_live_action_indexes';
import * as m0012 from './0012_later_tables_and_sealed_imports';
import * as m0013 from './0013_motion_consolidated_text';
import * as m0014 from './0014_credentials_issued_by';
import * as m0018 from './0018_translations';
import * as m0019 from './0019_motion_referral_body';
import * as m0020 from './0020_more_translations_and_sources';

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
  '0017_working_documents': m0017,
  '0016_live_action_indexes': m0016,
  '0012_later_tables_and_sealed_imports': m0012,
  '0013_motion_consolidated_text': m0013,
  '0014_credentials_issued_by': m0014,
  '0018_translations': m0018,
  '0019_motion_referral_body': m0019,
  '0020_more_translations_and_sources': m0020,
};

export const migrationNames = Object.keys(migrations).sort();
export const latestMigration = migrationNames[migrationNames.length - 1]!;
