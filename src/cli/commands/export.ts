import fs from 'node:fs';
import path from 'node:path';
import { bundleToJson, exportSessionBundle } from '../../bundle/export';
import { resolveSession } from '../../minutes/load-record';
import { type CliIo, type OpenCouncil, type ParsedArgs, flagValue, onePositional } from '../registry';

export async function runExport(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const ref = onePositional(args, 'session (an id, ordinary:66 or 66)');
  const out = flagValue(args, 'out', true);
  const { ctx } = await open();
  const bundle = await exportSessionBundle(ctx.db, await resolveSession(ctx.db, ref), ctx.now());
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bundleToJson(bundle));
  fs.renameSync(tmp, out);
  io.out(`wrote ${out} (${bundle.session.kind} session ${bundle.session.number})`);
  return 0;
}
