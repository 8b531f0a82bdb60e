// The hall display's state, read in one go after each signal: session, sitting, item, the speaker and
// the next ones, the quorum, a roll call under way or the last vote's result with its decision number.
// It reads only what the room may see: no note is ever read here.
import { inTransaction, nowIso, type CoreContext, type Tx } from '../core/context';
import { validate } from '../errors/validate';
import { ValidationError } from '../errors';
import { agendaViews, requireAgendaItem } from '../agenda/service';
import { quorumAtTx } from '../quorum/service';
import { requireSession } from '../sessions/guard';
import { getSession } from '../sessions/service';
import { speakersListTx } from '../speakers/service';
import { getVote, rollCallOrder } from '../votes/service';
import { cueOf, type RollCallCue } from './cue';
import { signalRoom } from './events';
import { hallDisplaySchema, rollCallProgressSchema, showItemSchema } from './schema';
import type { HallState } from './types';

const NEXT_SHOWN = 6;

/** The item on screen: the secretary's cue, else where the floor is (or was last) given, else none. */
async function currentItemId(tx: Tx, sessionId: string): Promise<string | null> {
  const cue = cueOf(sessionId).agendaItemId;
  if (cue) {
    const still = await tx.selectFrom('agendaItem').select('id').where('id', '=', cue).executeTakeFirst();
    if (still) return cue;
  }
  const speaking = await tx.selectFrom('speaker').select('agendaItemId').where('sessionId', '=', sessionId).where('status', '=', 'speaking').executeTakeFirst();
  if (speaking) return speaking.agendaItemId;
  const last = await tx
    .selectFrom('speaker')
    .select('agendaItemId')
    .where('sessionId', '=', sessionId)
    .orderBy('startedAt', 'desc')
    .orderBy('requestedAt', 'desc')
    .executeTakeFirst();
  return last?.agendaItemId ?? null;
}

export async function hallDisplay(ctx: CoreContext, input: unknown): Promise<HallState> {
  const { sessionId } = validate(hallDisplaySchema, input);
  const session = await getSession(ctx, { id: sessionId });
  const at = nowIso(ctx);
  const base = await inTransaction(ctx, async (tx) => {
    const sitting =
      (await tx.selectFrom('sitting').select(['id', 'number']).where('sessionId', '=', sessionId).where('endsAt', 'is', null).orderBy('number', 'desc').executeTakeFirst()) ??
      (await tx.selectFrom('sitting').select(['id', 'number']).where('sessionId', '=', sessionId).orderBy('number', 'desc').executeTakeFirst()) ??
      null;
    const itemId = await currentItemId(tx, sessionId);
    const item = itemId ? ((await agendaViews(tx, sessionId)).find((x) => x.id === itemId) ?? null) : null;
    const list = item ? await speakersListTx(tx, item.id) : null;
    const quorum = sitting ? await quorumAtTx(tx, sitting.id, at) : null;
    const motions = item ? await tx.selectFrom('motion').select('id').where('agendaItemId', '=', item.id).execute() : [];
    const lastVote = motions.length
      ? await tx.selectFrom('vote').select(['motionId']).where('motionId', 'in', motions.map((m) => m.id)).orderBy('heldAt', 'desc').executeTakeFirst()
      : undefined;
    const decision = lastVote
      ? await tx.selectFrom('decision').select(['numberAr', 'numberEn', 'numberFr']).where('motionId', '=', lastVote.motionId).executeTakeFirst()
      : undefined;
    return {
      sitting: sitting ?? null,
      item: item ? { id: item.id, number: item.number, title: item.title } : null,
      speaking: list?.speaking ?? null,
      next: list?.waiting.slice(0, NEXT_SHOWN) ?? [],
      quorum,
      lastVote: lastVote?.motionId ?? null,
      decisionNumber: decision ? { ar: decision.numberAr, en: decision.numberEn, fr: decision.numberFr } : null,
    };
  });
  const state: HallState = {
    at,
    session: { id: session.id, title: session.title, languages: session.languages },
    sitting: base.sitting,
    item: base.item,
    speaking: base.speaking,
    next: base.next,
    quorum: base.quorum,
    rollCall: null,
    result: null,
  };
  // A roll call in progress is the stored one (votes/open.ts, migration 0009): after a restart, a
  // reload or on another machine the hall shows the ballots already cast. The cue in memory
  // (room.rollCall) is only a fallback for a host that does not store it.
  const cue = (await storedRollCall(ctx, sessionId, at)) ?? cueOf(sessionId).rollCall;
  if (cue) {
    const [roll, motion] = await Promise.all([
      rollCallOrder(ctx, { sessionId, sittingId: cue.sittingId, at: cue.at }),
      ctx.db.selectFrom('motion').select(['textAr', 'textEn', 'textFr']).where('id', '=', cue.motionId).executeTakeFirst(),
    ]);
    state.rollCall = {
      motionId: cue.motionId,
      motionText: { ar: motion?.textAr ?? '', en: motion?.textEn ?? '', fr: motion?.textFr ?? '' },
      entries: roll.map((e) => ({ rollOrder: e.rollOrder, memberStateId: e.memberStateId, name: e.name, choice: cue.ballots.get(e.memberStateId) ?? null })),
    };
  } else if (base.lastVote) {
    const vote = await getVote(ctx, { motionId: base.lastVote });
    if (vote) state.result = { motionId: vote.motionId, phrase: vote.phrase, decisionNumber: base.decisionNumber };
  }
  return state;
}

/** The session's stored open roll call as a cue: its sitting, its ballots, the roll of those present now. */
async function storedRollCall(ctx: CoreContext, sessionId: string, at: string): Promise<RollCallCue | null> {
  const open = await ctx.db.selectFrom('openRollCall').select(['motionId', 'sittingId']).where('sessionId', '=', sessionId).executeTakeFirst();
  if (!open) return null;
  const ballots = await ctx.db.selectFrom('openRollCallBallot').select(['memberStateId', 'choice']).where('motionId', '=', open.motionId).execute();
  return { motionId: open.motionId, sittingId: open.sittingId, at, ballots: new Map(ballots.map((b) => [b.memberStateId, b.choice])) };
}

/** The secretary opened an item in the room tab: the hall shows it. */
export async function showItem(ctx: CoreContext, input: unknown): Promise<{ agendaItemId: string | null }> {
  const data = validate(showItemSchema, input);
  await inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    if (data.agendaItemId) {
      const item = await requireAgendaItem(tx, data.agendaItemId, 'agendaItemId');
      if (item.sessionId !== data.sessionId) throw new ValidationError('agendaItemId', 'the item belongs to another session', 'other_session');
    }
  });
  cueOf(data.sessionId).agendaItemId = data.agendaItemId;
  signalRoom({ sessionId: data.sessionId, reason: 'room.show' });
  return { agendaItemId: data.agendaItemId };
}

/** A roll call as it is entered, state by state; the hall shows each vote as it is called. */
export async function rollCallProgress(ctx: CoreContext, input: unknown): Promise<{ shown: number }> {
  const data = validate(rollCallProgressSchema, input);
  const cue = cueOf(data.sessionId);
  if (data.motionId === null) {
    cue.rollCall = null;
  } else {
    if (!data.sittingId || !data.at) throw new ValidationError(data.sittingId ? 'at' : 'sittingId', 'required while a roll call is under way', 'required');
    const motion = await ctx.db.selectFrom('motion').select(['id', 'sessionId']).where('id', '=', data.motionId).executeTakeFirst();
    if (!motion || motion.sessionId !== data.sessionId) throw new ValidationError('motionId', 'no such motion in this session', 'not_found');
    cue.rollCall = { motionId: data.motionId, sittingId: data.sittingId, at: data.at, ballots: new Map(data.ballots.map((b) => [b.memberStateId, b.choice])) };
  }
  signalRoom({ sessionId: data.sessionId, reason: 'rollCall.progress' });
  return { shown: data.ballots.length };
}
