// Versions of the minutes and their approval. Approving a version locks the session: from then on the
// database refuses changes to its record (migration 0003) and corrections are corrigenda.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row, RowUpdate } from '../database/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { requireSession } from '../sessions/guard';
import { withLockOverride } from './lock';
import {
  approveMinutesSchema,
  circulateMinutesSchema,
  createMinutesVersionSchema,
  markSignedSchema,
  sessionIdSchema,
  unlockSessionSchema,
} from './schema';
import { canMove, newVersionRefusal, type MinutesStatus } from './transitions';
import type { MinutesVersionView, SessionLockView } from './types';

export function toVersionView(row: Row<'minutesVersion'>): MinutesVersionView {
  return { ...row };
}

async function requireVersion(tx: Tx, versionId: string): Promise<Row<'minutesVersion'>> {
  const row = await tx.selectFrom('minutesVersion').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!row) throw new NotFoundError('versionId', 'minutes version', versionId);
  return row;
}

async function latestVersion(tx: Tx, sessionId: string): Promise<Row<'minutesVersion'> | undefined> {
  return tx
    .selectFrom('minutesVersion')
    .selectAll()
    .where('sessionId', '=', sessionId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function corrigendaCount(tx: Tx, sessionId: string): Promise<number> {
  const row = await tx
    .selectFrom('corrigendum')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sessionId', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Only the latest version moves; an older one is history. */
async function assertLatest(tx: Tx, row: Row<'minutesVersion'>): Promise<void> {
  const latest = await latestVersion(tx, row.sessionId);
  if (latest && latest.id !== row.id) {
    throw new ConflictError('versionId', `version ${row.version} is superseded by version ${latest.version}`, 'version_superseded', { version: row.version, latest: latest.version });
  }
}

function assertMove(row: Row<'minutesVersion'>, to: MinutesStatus): void {
  if (!canMove(row.status, to)) {
    throw new ConflictError('versionId', `a ${row.status} version cannot become ${to}`, 'version_status_change', { from: row.status, to });
  }
}

/** One step of a version (circulate, approve, sign): write the new fields and audit before/after. */
async function saveStep(
  ctx: CoreContext,
  tx: Tx,
  before: Row<'minutesVersion'>,
  changes: RowUpdate<'minutesVersion'> & { status: MinutesStatus },
  action: string,
): Promise<MinutesVersionView> {
  const after = { ...before, ...changes } as Row<'minutesVersion'>;
  await tx.updateTable('minutesVersion').set(changes).where('id', '=', before.id).execute();
  await recordAudit(ctx, tx, { action, entity: 'minutes_version', entityId: before.id, sessionId: before.sessionId, before, after });
  return toVersionView(after);
}

export async function createMinutesVersion(ctx: CoreContext, input: unknown): Promise<MinutesVersionView> {
  const data = validate(createMinutesVersionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const session = await requireSession(tx, data.sessionId);
    const latest = await latestVersion(tx, data.sessionId);
    const count = await corrigendaCount(tx, data.sessionId);
    const refusal = newVersionRefusal({
      locked: session.lockedAt !== null,
      corrigendaCount: count,
      latestCorrigendaCount: latest?.corrigendaCount ?? null,
    });
    if (refusal) throw new ConflictError('sessionId', refusal, 'new_version_needs_corrigendum');
    const row: Row<'minutesVersion'> = {
      id: newId(),
      sessionId: data.sessionId,
      version: (latest?.version ?? 0) + 1,
      language: data.language,
      status: 'draft',
      corrigendaCount: count,
      note: data.note,
      createdAt: nowIso(ctx),
      circulatedAt: null,
      approvedAt: null,
      approvedBySittingId: null,
      approvedAtSession: null,
      signedAt: null,
      docxSha256: null,
    };
    await tx.insertInto('minutesVersion').values(row).execute();
    await recordAudit(ctx, tx, {
      action: 'minutes.version.create',
      entity: 'minutes_version',
      entityId: row.id,
      sessionId: row.sessionId,
      after: row,
    });
    return toVersionView(row);
  });
}

export async function circulateMinutes(ctx: CoreContext, input: unknown): Promise<MinutesVersionView> {
  const data = validate(circulateMinutesSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireVersion(tx, data.versionId);
    await assertLatest(tx, before);
    assertMove(before, 'circulated');
    return saveStep(ctx, tx, before, { status: 'circulated', circulatedAt: nowIso(ctx) }, 'minutes.version.circulate');
  });
}

/** Approve the latest (circulated) version; the session's record is locked in the same transaction. */
export async function approveMinutes(ctx: CoreContext, input: unknown): Promise<MinutesVersionView> {
  const data = validate(approveMinutesSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireVersion(tx, data.versionId);
    await assertLatest(tx, before);
    assertMove(before, 'approved');
    if (data.approvedBySittingId) {
      const sitting = await tx
        .selectFrom('sitting')
        .select('id')
        .where('id', '=', data.approvedBySittingId)
        .executeTakeFirst();
      if (!sitting) throw new NotFoundError('approvedBySittingId', 'sitting', data.approvedBySittingId);
    }
    const at = nowIso(ctx);
    const session = await requireSession(tx, before.sessionId);
    if (!session.lockedAt) {
      await tx.updateTable('councilSession').set({ lockedAt: at, updatedAt: at }).where('id', '=', session.id).execute();
      await recordAudit(ctx, tx, {
        action: 'session.lock',
        entity: 'council_session',
        entityId: session.id,
        sessionId: session.id,
        before: { lockedAt: null },
        after: { lockedAt: at, byMinutesVersion: before.version },
      });
    }
    return saveStep(
      ctx,
      tx,
      before,
      { status: 'approved', approvedAt: at, approvedBySittingId: data.approvedBySittingId, approvedAtSession: data.approvedAtSession },
      'minutes.version.approve',
    );
  });
}

/** Inside a caller's transaction (sealing): approved → signed, with the sealed document's hash. */
export async function markSignedInTx(
  ctx: CoreContext,
  tx: Tx,
  versionId: string,
  docxSha256: string | null,
): Promise<MinutesVersionView> {
  const before = await requireVersion(tx, versionId);
  await assertLatest(tx, before);
  if (before.status === 'signed') {
    // Sealing again (a PDF after the .docx, a lost file): the version stays signed, its first hash kept.
    return toVersionView(before);
  }
  assertMove(before, 'signed');
  return saveStep(ctx, tx, before, { status: 'signed', signedAt: nowIso(ctx), docxSha256 }, 'minutes.version.sign');
}

export async function markMinutesSigned(ctx: CoreContext, input: unknown): Promise<MinutesVersionView> {
  const data = validate(markSignedSchema, input);
  return inTransaction(ctx, (tx) => markSignedInTx(ctx, tx, data.versionId, data.docxSha256));
}

export async function listMinutesVersions(ctx: CoreContext, input: unknown): Promise<MinutesVersionView[]> {
  const data = validate(sessionIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    const rows = await tx
      .selectFrom('minutesVersion')
      .selectAll()
      .where('sessionId', '=', data.sessionId)
      .orderBy('version')
      .execute();
    return rows.map(toVersionView);
  });
}

/**
 * The exceptional way back: minutes approved by mistake. Audited with its reason; the approved version
 * stays in the history, and a new draft may then be started.
 */
export async function unlockSession(ctx: CoreContext, input: unknown): Promise<SessionLockView> {
  const data = validate(unlockSessionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const session = await requireSession(tx, data.sessionId);
    if (!session.lockedAt) throw new ValidationError('sessionId', 'the session is not locked', 'session_not_locked');
    await withLockOverride(tx, session.id, data.reason, () =>
      tx.updateTable('councilSession').set({ lockedAt: null, updatedAt: nowIso(ctx) }).where('id', '=', session.id).execute(),
    );
    await recordAudit(ctx, tx, {
      action: 'session.unlock',
      entity: 'council_session',
      entityId: session.id,
      sessionId: session.id,
      before: { lockedAt: session.lockedAt },
      after: { lockedAt: null, reason: data.reason },
    });
    return { sessionId: session.id, lockedAt: null };
  });
}
