import fs from 'node:fs';
import { parseBundleBytes } from '../../bundle/bytes';
import { importSessionBundle } from '../../bundle/import';
import { prepareSessionBundle } from '../../bundle/prepare';
import { ValidationError } from '../../errors';
import { type CliIo, type OpenCouncil, type ParsedArgs, onePositional } from '../registry';

export async function runImport(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const file = onePositional(args, 'bundle file');
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new ValidationError('file', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // The whole bundle is checked before the database is opened: a refused import creates no file.
  const json = parseBundleBytes(bytes, file);
  prepareSessionBundle(json);
  const { ctx } = await open();
  const result = await importSessionBundle(ctx, json, { replace: args.flags.has('replace') });
  for (const w of result.warnings) io.err(`warning: ${w}`);
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  io.out(
    `imported ${result.kind} session ${result.number} (${total} rows${result.memberStatesAdded ? `, ${result.memberStatesAdded} member states added` : ''}${result.replaced ? ', replacing the previous record' : ''})`,
  );
  return 0;
}
