// `council export-zip SESSION --out FILE.zip` and `council import-zip FILE.zip [--replace | --keep]
// [--key KEY.pem] [--unverified-copy]`: a session with its approval and files, to move it to another
// laptop. Importing a session already here prints what differs and changes nothing unless --replace or
// --keep is given. A locked session is imported only when its seal verifies with this installation's key
// or the one named with --key; else it is refused, or with --unverified-copy imported unlocked and marked.
import fs from 'node:fs';
import path from 'node:path';
import { exportSessionZip, importSessionZip } from '../../bundle/zip';
import { defaultDatabasePath } from '../../core/paths';
import { SealNotVerifiedError } from '../../errors';
import { resolveSession } from '../../minutes/load-record';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError, flagValue, onePositional } from '../registry';

/** The data folder holding the seal key: beside the database, as for `council seal`. */
const dataDirOf = (args: { flags: Map<string, string | true> }) =>
  path.dirname(path.resolve((args.flags.get('db') as string | undefined) ?? defaultDatabasePath()));

export async function runExportZip(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const ref = onePositional(args, 'the session (id, ordinary:66 or 66)');
  const out = flagValue(args, 'out', true);
  const { ctx } = await open();
  const sessionId = await resolveSession(ctx.db, ref);
  const zip = await exportSessionZip(ctx, { sessionId }, { dataDir: dataDirOf(args) });
  fs.writeFileSync(out, zip.bytes);
  io.out(`wrote ${out} (sha256 ${zip.sha256})`);
  return 0;
}

export async function runImportZip(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const file = onePositional(args, 'the .zip file');
  if (args.flags.has('replace') && args.flags.has('keep')) throw new UsageError('--replace or --keep, not both');
  const choice = args.flags.has('replace') ? 'replace' : args.flags.has('keep') ? 'keep' : undefined;
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const keyFile = flagValue(args, 'key');
  if (keyFile && !fs.existsSync(keyFile)) throw new UsageError(`no public key at ${keyFile}`);
  const { ctx } = await open();
  const input = {
    zipBytes: new Uint8Array(fs.readFileSync(file)),
    ...(choice ? { choice } : {}),
    ...(keyFile ? { publicKeyPem: fs.readFileSync(keyFile, 'utf8') } : {}),
    ...(args.flags.has('unverified-copy') ? { unverifiedCopy: true as const } : {}),
  };
  let r;
  try {
    r = await importSessionZip(ctx, input, { dataDir: dataDirOf(args) });
  } catch (err) {
    if (!(err instanceof SealNotVerifiedError)) throw err;
    io.err(`refused: ${err.message}`);
    io.err("nothing was imported; name the sealing laptop's public key with --key KEY.pem, or import it unlocked with --unverified-copy");
    return 1;
  }
  if (r.status === 'imported') {
    for (const w of r.warnings) io.err(`warning: ${w}`);
    io.out(`imported session ${r.sessionId}${r.replaced ? ' (replacing the one here)' : ''}${r.locked ? ', locked' : ''}`);
    if (r.verifiedBy) io.out(`seal verified with key ${r.verifiedBy.fingerprint} (${r.verifiedBy.thisInstallation ? "this installation's key" : "not this installation's key"})`);
    if (r.unverifiedCopy) io.out(`UNVERIFIED COPY: the archive's session is locked but its seal does not verify (${r.unverifiedCopy.reason}: ${r.unverifiedCopy.detail}); imported unlocked and marked as such`);
    return 0;
  }
  if (r.status === 'kept') {
    io.out('kept the session already here; nothing imported');
    return 0;
  }
  if (r.identical) {
    io.out('the session is already here, identical; nothing to do');
    return 0;
  }
  io.out(`the session is already here${r.existingLocked ? ' (locked)' : ''} and differs:`);
  if (r.sessionFieldsChanged.length) io.out(`  session: ${r.sessionFieldsChanged.join(', ')}`);
  for (const d of r.differences) io.out(`  ${d.table}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
  io.out('nothing was changed; run again with --replace (take the archive) or --keep (keep this one)');
  return 1;
}
