// `council export-zip SESSION --out FILE.zip` and `council import-zip FILE.zip [--replace | --keep]`:
// a session with its approval and files, to move it to another laptop. Importing a session already here
// prints what differs and changes nothing unless --replace or --keep is given.
import fs from 'node:fs';
import { exportSessionZip, importSessionZip } from '../../bundle/zip';
import { resolveSession } from '../../minutes/load-record';
import { flagValue, onePositional, registerCommand, UsageError } from '../registry';

registerCommand({
  name: 'export-zip',
  summary: 'write one session (record, approval, signatures, scans) as a .zip',
  usage: 'export-zip SESSION --out FILE.zip',
  flags: { out: true },
  opensDatabase: true,
  async run(args, io, open) {
    const ref = onePositional(args, 'the session (id, ordinary:66 or 66)');
    const out = flagValue(args, 'out', true);
    const { ctx } = await open();
    const sessionId = await resolveSession(ctx.db, ref);
    const zip = await exportSessionZip(ctx, { sessionId });
    fs.writeFileSync(out, zip.bytes);
    io.out(`wrote ${out} (sha256 ${zip.sha256})`);
    return 0;
  },
});

registerCommand({
  name: 'import-zip',
  summary: 'add a session from a .zip; if it is already here, show what differs (change nothing without --replace/--keep)',
  usage: 'import-zip FILE.zip [--replace | --keep]',
  flags: { replace: false, keep: false },
  opensDatabase: true,
  async run(args, io, open) {
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
  },
});
