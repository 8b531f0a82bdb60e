// `council export-zip SESSION --out FILE.zip` and `council import-zip FILE.zip [--replace | --keep]`:
// a session with its approval and files, to move it to another laptop. Importing a session already here
// prints what differs and changes nothing unless --replace or --keep is given.
import fs from 'node:fs';
import { exportSessionZip, importSessionZip } from '../../bundle/zip';
import { resolveSession } from '../../minutes/load-record';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError, flagValue, onePositional } from '../registry';

export async function runExportZip(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const ref = onePositional(args, 'the session (id, ordinary:66 or 66)');
  const out = flagValue(args, 'out', true);
  const { ctx } = await open();
  const sessionId = await resolveSession(ctx.db, ref);
  const zip = await exportSessionZip(ctx, { sessionId });
  fs.writeFileSync(out, zip.bytes);
  io.out(`wrote ${out} (sha256 ${zip.sha256})`);
  return 0;
}

export async function runImportZip(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const file = onePositional(args, 'the .zip file');
  if (args.flags.has('replace') && args.flags.has('keep')) throw new UsageError('--replace or --keep, not both');
  const choice = args.flags.has('replace') ? 'replace' : args.flags.has('keep') ? 'keep' : undefined;
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const { ctx } = await open();
  const r = await importSessionZip(ctx, { zipBytes: new Uint8Array(fs.readFileSync(file)), ...(choice ? { choice } : {}) });
  if (r.status === 'imported') {
    for (const w of r.warnings) io.err(`warning: ${w}`);
    io.out(`imported session ${r.sessionId}${r.replaced ? ' (replacing the one here)' : ''}${r.locked ? ', locked' : ''}`);
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
