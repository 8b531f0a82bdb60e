import fs from 'node:fs';
import { parseBundleBytes } from '../../bundle/bytes';
import { importSessionBundle } from '../../bundle/import';
import { prepareSessionBundle } from '../../bundle/prepare';
import { LockedBundleError, ValidationError } from '../../errors';
import { type CliIo, type OpenCouncil, type ParsedArgs, onePositional } from '../registry';

export async function runImport(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const file = onePositional(args, 'bundle file');
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new ValidationError('file', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'file_unreadable');
  }
  // The whole bundle is checked before the database is opened: a refused import creates no file.
  const json = parseBundleBytes(bytes, file);
  const prepared = prepareSessionBundle(json);
  const asCopy = args.flags.has('unverified-copy');
  if (prepared.session.lockedAt !== null && !asCopy) {
    io.err('nothing was imported; a locked session moves as its sealed .zip (council import-zip), or import this bundle unlocked with --unverified-copy');
    throw new LockedBundleError('session.lockedAt');
  }
  const { ctx } = await open();
  // A locked session's bundle carries no seal: refused (LockedBundleError), or with --unverified-copy unlocked and marked.
  const result = await importSessionBundle(ctx, json, { replace: args.flags.has('replace'), unverifiedCopy: asCopy });
  for (const w of result.warnings) io.err(`warning: ${w}`);
  if (result.unverifiedCopy) io.out(`UNVERIFIED COPY: the bundle's session claims to be locked, but a JSON bundle carries no seal; imported unlocked and marked as such`);
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  io.out(
    `imported ${result.kind} session ${result.number} (${total} rows${result.memberStatesAdded ? `, ${result.memberStatesAdded} member states added` : ''}${result.replaced ? ', replacing the previous record' : ''})`,
  );
  return 0;
}
