// A session with approved minutes, ready to seal.
import { approveMinutes, circulateMinutes, createMinutesVersion } from '../../src/approval/service';
import type { MinutesVersionView } from '../../src/approval/types';
import type { TempDb } from '../helpers/temp-db';
import { insertSessionRecord, type RecordIds } from '../lock/fixture';

export async function approvedSession(t: TempDb, number = 66): Promise<{ ids: RecordIds; version: MinutesVersionView }> {
  const ids = insertSessionRecord(t.sqlite, number);
  const draft = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar+en+fr' });
  await circulateMinutes(t.ctx, { versionId: draft.id });
  const version = await approveMinutes(t.ctx, { versionId: draft.id, approvedBySittingId: ids.sittingId });
  return { ids, version };
}
