// Setting up a session: a delegation for every active member state that has none yet, in one step; the
// secretary then edits the exceptions (heads, members, credentials) or removes a state that did not come.
// One transaction, so either every delegation is added or none; each one audited as if added by hand.
import { inTransaction, newId, nowIso, type CoreContext } from '../core/context';
import type { Row } from '../database/schema';
import { validate } from '../errors/validate';
import { assertSessionWritable } from '../sessions/guard';
import { addAllMemberDelegationsSchema } from './schema';
import { insertDelegation } from './service';
import type { Delegation } from './types';

/** The delegations added, in protocol order ([] when every member state already has one). */
export async function addAllMemberDelegations(ctx: CoreContext, input: unknown): Promise<Delegation[]> {
  const { sessionId } = validate(addAllMemberDelegationsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, sessionId);
    const taken = tx.selectFrom('delegation').select('memberStateId').where('sessionId', '=', sessionId).where('memberStateId', 'is not', null);
    const states = await tx
      .selectFrom('memberState')
      .selectAll()
      .where('active', '=', 1)
      .where('id', 'not in', taken.$narrowType<{ memberStateId: string }>())
      .orderBy('protocolOrder')
      .orderBy('nameAr')
      .execute();
    const added: Delegation[] = [];
    for (const state of states) {
      const row: Row<'delegation'> = {
        id: newId(),
        sessionId,
        kind: 'member',
        memberStateId: state.id,
        nameAr: state.nameAr,
        nameEn: state.nameEn,
        nameFr: state.nameFr,
        credentialsReceivedOn: null,
        credentialsIssuedBy: '',
        createdAt: nowIso(ctx),
      };
      added.push(await insertDelegation(ctx, tx, row, []));
    }
    return added;
  });
}
