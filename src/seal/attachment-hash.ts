// What the record hash says of an attachment a row names (a signatory's signature image): the SHA-256 of
// its bytes, computed here. The row's stored `sha256` column is not trusted: raw SQL could swap the
// bytes under it (attachment is not a locked table: scans are filed after the lock) and keep a seal valid.
// For every honest file the two agree, so seals made before this was computed keep verifying.
import { createHash } from 'node:crypto';
import type { Tx } from '../core/context';

/** id → hex SHA-256 of the bytes, for the named attachments that exist (of `sessionId` only, when given). */
export async function attachmentSha256(tx: Tx, ids: Iterable<string>, sessionId?: string): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  const out = new Map<string, string>();
  if (!wanted.length) return out;
  let query = tx.selectFrom('attachment').select(['id', 'bytes']).where('id', 'in', wanted);
  if (sessionId !== undefined) query = query.where('sessionId', '=', sessionId);
  for (const a of await query.execute()) out.set(a.id, createHash('sha256').update(a.bytes).digest('hex'));
  return out;
}
