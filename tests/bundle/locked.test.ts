// A locked session exported as a JSON bundle carries no seal, so it is refused (locked-forged.test.ts), or
// on request arrives whole as an unverified copy: every row, unlocked and marked. (A locked session arrives
// locked only from a sealed .zip: tests/bundle-zip.)
import { afterEach, describe, expect, it } from 'vitest';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { LockedBundleError, LockedSessionError } from '../../src/errors';
import { loadSessionRows } from '../../src/minutes/load-record';
import { addNote } from '../../src/notes/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { snapshot } from '../lock/fixture';
import { approvedSession } from '../seal/world';

const open: TempDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});
async function track(p: Promise<TempDb>) {
  const db = await p;
  open.push(db);
  return db;
}

describe('JSON bundle of a locked session', () => {
  it('imports into a fresh database as an unverified copy, with every row, unlocked and marked', async () => {
    const a = await track(openTempDb());
    const { ids } = await approvedSession(a);
    const lockedAt = (a.sqlite.prepare('select locked_at from council_session where id = ?').get(ids.sessionId) as { locked_at: string | null }).locked_at;
    expect(lockedAt).toBeTruthy();
    const bundle = JSON.parse(JSON.stringify(await exportSessionBundle(a.db, ids.sessionId)));
    expect(bundle.session.lockedAt).toBe(lockedAt);

    const b = await track(openTempDb());
    await expect(importSessionBundle(b.ctx, bundle)).rejects.toBeInstanceOf(LockedBundleError);
    const result = await importSessionBundle(b.ctx, bundle, { unverifiedCopy: true });
    expect(result.warnings).toEqual([]);
    expect(result.unverifiedCopy?.reason).toBe('no_seal');
    const imported = await loadSessionRows(b.db, ids.sessionId);
    const original = await loadSessionRows(a.db, ids.sessionId);
    expect(imported).toEqual({ ...original, session: { ...original.session, lockedAt: null } });
    for (const table of ['sitting', 'delegation', 'delegate', 'attendanceEvents', 'agendaItems', 'notes', 'motions', 'votes', 'decisions', 'reservations', 'referrals', 'actionItems'] as const) {
      const key = (table === 'sitting' ? 'sittings' : table === 'delegation' ? 'delegations' : table === 'delegate' ? 'delegates' : table) as keyof typeof imported;
      expect((imported[key] as unknown[]).length, key).toBeGreaterThan(0);
    }
    expect(b.sqlite.prepare('select claimed_locked_at from unverified_copy where session_id = ?').get(ids.sessionId)).toEqual({ claimed_locked_at: lockedAt });
    const audit = b.sqlite.prepare(`select action, after_json from audit_entry where entity_id = ?`).all(ids.sessionId) as { action: string; after_json: string }[];
    expect(audit.find((x) => x.action === 'bundle.import')?.after_json).toContain(lockedAt!);

    // Unlocked: the copy can be worked on (it is marked, not taken for the approved record).
    await addNote(b.ctx, { agendaItemId: ids.agendaItemId, speakerKind: 'secretariat', text: 'ملاحظة على النسخة' });
  });

  it('is still refused over an existing locked session, changing nothing', async () => {
    const a = await track(openTempDb());
    const { ids } = await approvedSession(a);
    const bundle = JSON.parse(JSON.stringify(await exportSessionBundle(a.db, ids.sessionId)));
    const b = await track(openTempDb());
    // The session here locked (as after a sealed .zip import); the bundle, even as a copy, does not replace it.
    await importSessionBundle(b.ctx, bundle, { unverifiedCopy: true });
    b.sqlite.prepare('update council_session set locked_at = ? where id = ?').run(bundle.session.lockedAt, ids.sessionId);
    const before = snapshot(b.sqlite);
    await expect(importSessionBundle(b.ctx, bundle, { replace: true })).rejects.toBeInstanceOf(LockedBundleError);
    await expect(importSessionBundle(b.ctx, bundle, { replace: true, unverifiedCopy: true })).rejects.toBeInstanceOf(LockedSessionError);
    expect(snapshot(b.sqlite)).toEqual(before);
  });
});
