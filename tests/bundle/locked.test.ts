// A locked session exported as a JSON bundle and imported into another database arrives whole and locked:
// the importer writes its rows unlocked and sets the lock last (the lock triggers refuse rows otherwise).
import { afterEach, describe, expect, it } from 'vitest';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { inTransaction } from '../../src/core/context';
import { LockedSessionError } from '../../src/errors';
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
  it('imports into a fresh database locked, with every row, and refuses writes afterwards', async () => {
    const a = await track(openTempDb());
    const { ids } = await approvedSession(a);
    const lockedAt = (a.sqlite.prepare('select locked_at from council_session where id = ?').get(ids.sessionId) as { locked_at: string | null }).locked_at;
    expect(lockedAt).toBeTruthy();
    const bundle = JSON.parse(JSON.stringify(await exportSessionBundle(a.db, ids.sessionId)));
    expect(bundle.session.lockedAt).toBe(lockedAt);

    const b = await track(openTempDb());
    const result = await importSessionBundle(b.ctx, bundle);
    expect(result.warnings).toEqual([]);
    const imported = await loadSessionRows(b.db, ids.sessionId);
    expect(imported).toEqual(await loadSessionRows(a.db, ids.sessionId));
    expect(imported.session.lockedAt).toBe(lockedAt);
    for (const table of ['sitting', 'delegation', 'delegate', 'attendanceEvents', 'agendaItems', 'notes', 'motions', 'votes', 'decisions', 'reservations', 'referrals', 'actionItems'] as const) {
      const key = (table === 'sitting' ? 'sittings' : table === 'delegation' ? 'delegations' : table === 'delegate' ? 'delegates' : table) as keyof typeof imported;
      expect((imported[key] as unknown[]).length, key).toBeGreaterThan(0);
    }
    const audit = b.sqlite.prepare(`select action, after_json from audit_entry where entity_id = ?`).all(ids.sessionId) as { action: string; after_json: string }[];
    expect(audit.find((x) => x.action === 'bundle.import')?.after_json).toContain(lockedAt!);

    // A service refuses (its own check), and a raw write through the core is refused by the triggers.
    const before = snapshot(b.sqlite);
    await expect(
      addNote(b.ctx, { agendaItemId: ids.agendaItemId, speakerKind: 'secretariat', text: 'ملاحظة بعد الإقفال' }),
    ).rejects.toBeInstanceOf(LockedSessionError);
    await expect(
      inTransaction(b.ctx, (tx) => tx.updateTable('decision').set({ textAr: 'نص معدل' }).where('id', '=', ids.decisionId).execute()),
    ).rejects.toBeInstanceOf(LockedSessionError);
    await expect(
      inTransaction(b.ctx, (tx) => tx.updateTable('councilSession').set({ lockedAt: null }).where('id', '=', ids.sessionId).execute()),
    ).rejects.toBeInstanceOf(LockedSessionError);
    expect(snapshot(b.sqlite)).toEqual(before);
  });

  it('is still refused over an existing locked session, changing nothing', async () => {
    const a = await track(openTempDb());
    const { ids } = await approvedSession(a);
    const bundle = JSON.parse(JSON.stringify(await exportSessionBundle(a.db, ids.sessionId)));
    const b = await track(openTempDb());
    await importSessionBundle(b.ctx, bundle);
    const before = snapshot(b.sqlite);
    await expect(importSessionBundle(b.ctx, bundle, { replace: true })).rejects.toBeInstanceOf(LockedSessionError);
    expect(snapshot(b.sqlite)).toEqual(before);
  });
});
