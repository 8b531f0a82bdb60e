// The seal for the UI: verify a file (the installation's key trusted by default) and show the public key.
// The host (main/) passes its data folder; these functions never touch Electron.
import type { CoreContext } from '../core/context';
import { validate } from '../errors/validate';
import { exportPublicKey } from './keys';
import { verifySealedFileSchema } from './schema';
import type { SealHost } from './sign';
import { verifySealedFile, type VerifyOptions, type VerifyResult } from './verify';

export async function verifySealed(ctx: CoreContext, input: unknown, host: SealHost): Promise<VerifyResult> {
  const data = validate(verifySealedFileSchema, input);
  const options: VerifyOptions = { publicKeyPem: data.publicKeyPem ?? exportPublicKey(host.dataDir).publicKeyPem };
  if (data.manifestPath) options.manifestPath = data.manifestPath;
  if (data.compareRecord) options.ctx = ctx;
  return verifySealedFile(data.filePath, options);
}

export async function sealPublicKey(_ctx: CoreContext, _input: unknown, host: SealHost): Promise<{ publicKeyPem: string; fingerprint: string }> {
  return exportPublicKey(host.dataDir);
}
