// `council seal VERSION_ID FILE.docx`: seal approved minutes; `council seal-key` prints the public key and
// its fingerprint (to send to those who will check the minutes).
import path from 'node:path';
import { defaultDatabasePath } from '../../core/paths';
import { exportPublicKey } from '../../seal/keys';
import { sealFile } from '../../seal/sign';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError } from '../registry';

const dataDirOf = (args: { flags: Map<string, string | true> }) =>
  path.dirname(path.resolve((args.flags.get('db') as string | undefined) ?? defaultDatabasePath()));

export async function runSeal(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  if (args.positionals.length !== 2) throw new UsageError('give the minutes version id and the file');
  const [versionId, filePath] = args.positionals as [string, string];
  const { ctx } = await open();
  const { manifestPath, manifest } = await sealFile(ctx, { versionId, filePath }, { dataDir: dataDirOf(args) });
  io.out(`sealed: ${manifest.file.name} (sha256 ${manifest.file.sha256})`);
  io.out(`manifest: ${manifestPath}`);
  io.out(`key: ${manifest.fingerprint}`);
  return 0;
}

export async function runSealKey(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`unexpected argument: ${args.positionals[0]}`);
  const { publicKeyPem, fingerprint } = exportPublicKey(dataDirOf(args));
  io.out(`fingerprint: ${fingerprint}`);
  io.out(publicKeyPem.trimEnd());
  return 0;
}
