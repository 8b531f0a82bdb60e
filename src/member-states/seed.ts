// First-run seeding of AIDSMO's member states. Runs only on a database that never had them: the table is
// empty AND the 'memberStatesSeeded' marker is absent, so a secretary who deletes states is not undone.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext } from '../core/context';
import { aidsmoMemberStates } from './seed-data';

export const MEMBER_STATES_SEEDED_KEY = 'memberStatesSeeded';

/** Returns how many states were inserted (0 when seeding had already happened). */
export async function seedMemberStates(ctx: CoreContext): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const marker = await tx.selectFrom('setting').select('key').where('key', '=', MEMBER_STATES_SEEDED_KEY).executeTakeFirst();
    if (marker) return 0;
    const existing = await tx.selectFrom('memberState').select('id').limit(1).executeTakeFirst();
    const at = nowIso(ctx);
    let inserted = 0;
    if (!existing) {
      const rows = aidsmoMemberStates.map((s, i) => ({
        id: newId(),
        isoCode: s.isoCode,
        nameAr: s.nameAr,
        nameEn: s.nameEn,
        nameFr: s.nameFr,
        protocolOrder: i + 1,
        active: 1 as const,
        createdAt: at,
      }));
      await tx.insertInto('memberState').values(rows).execute();
      inserted = rows.length;
      await recordAudit(ctx, tx, {
        action: 'memberState.seed',
        entity: 'memberState',
        entityId: '*',
        after: rows.map((r) => r.isoCode),
      });
    }
    await tx
      .insertInto('setting')
      .values({ key: MEMBER_STATES_SEEDED_KEY, valueJson: JSON.stringify({ at, inserted }), updatedAt: at })
      .execute();
    return inserted;
  });
}
