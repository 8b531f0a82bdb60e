// What every service call runs with: the database, a clock and the name of who is acting.
// Each call is one transaction (BEGIN IMMEDIATE, see database/dialect.ts) so a failure leaves nothing.
import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database/schema';
import { LockedSessionError } from '../errors';

export type Tx = Transaction<Database>;
export type Db = Kysely<Database>;

export interface CoreContext {
  db: Db;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Who acts, when the caller knows better than settings (the CLI's --actor). */
  actorOverride?: string;
  /**
   * `now` is the wall clock (the app, the CLI, the browser host): an attendance event stated after it is
   * refused as "in the future". A simulated clock (tests replaying a session, the sample generator) leaves
   * it unset, since its "now" says nothing about when things happened.
   */
  clockIsWallTime?: boolean;
}

export function newId(): string {
  return randomUUID();
}

export function nowIso(ctx: CoreContext): string {
  return ctx.now().toISOString();
}

/** Run fn in one transaction; any throw rolls everything back. */
export async function inTransaction<T>(ctx: CoreContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(fn);
  } catch (err) {
    throw lockedSessionFromSqlite(err) ?? err;
  }
}

/**
 * The lock triggers abort with 'LOCKED_SESSION' (migration 0005; 'LOCKED_SESSION:<session id>' before):
 * callers get the typed LockedSessionError even when a service forgot assertSessionWritable. The dialect
 * already maps them, with the session id (database/lock-hits.ts), and storage faults too
 * (database/storage-errors.ts); this catches the old form from anything that bypassed it.
 */
export function lockedSessionFromSqlite(err: unknown): LockedSessionError | null {
  if (err instanceof LockedSessionError || !(err instanceof Error)) return null;
  const match = /LOCKED_SESSION:([0-9A-Za-z-]+)/.exec(err.message);
  return match ? new LockedSessionError(match[1]!) : null;
}

export interface AuditInput {
  action: string;
  entity: keyof Database | string;
  entityId: string;
  sessionId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acts, when the caller has already read it (several entries in one call); else read here. */
  actor?: string;
}

const SELECT_ORGANISATION = `select value_json from setting where key = 'organisation'`;

/** The secretary's name from settings, so the audit trail says who did what. */
export async function actorName(ctx: CoreContext, tx: Tx): Promise<string> {
  if (ctx.actorOverride) return ctx.actorOverride;
  const { rows } = await tx.executeQuery<{ valueJson: string }>(CompiledQuery.raw(SELECT_ORGANISATION));
  return actorFromOrganisation(ctx, rows[0]?.valueJson ?? null);
}

/** The actor from the organisation setting's stored JSON (null: none stored), for a caller that read it itself. */
export function actorFromOrganisation(ctx: CoreContext, organisationJson: string | null): string {
  if (ctx.actorOverride) return ctx.actorOverride;
  if (organisationJson !== null) {
    const value = JSON.parse(organisationJson) as { secretaryName?: string };
    if (value.secretaryName) return value.secretaryName;
  }
  return 'secretariat';
}

export const INSERT_AUDIT =
  'insert into audit_entry (at, actor, action, entity, entity_id, session_id, before_json, after_json) values (?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Append one audit entry inside the caller's transaction. A constant prepared statement (the dialect caches
 * it by its text), since every write of every service passes here.
 */
export async function recordAudit(ctx: CoreContext, tx: Tx, entry: AuditInput): Promise<void> {
  await tx.executeQuery(CompiledQuery.raw(INSERT_AUDIT, auditParams(ctx, { ...entry, actor: entry.actor ?? (await actorName(ctx, tx)) })));
}

/** The parameters of INSERT_AUDIT for an entry whose actor is known (a caller running the statement itself). */
export function auditParams(ctx: CoreContext, entry: AuditInput & { actor: string }): unknown[] {
  return [
    nowIso(ctx),
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.sessionId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  ];
}
