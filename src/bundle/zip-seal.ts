// A locked session arrives from a .zip only with a seal that verifies: one of the seal manifests the archive
// carries (approval.json sealRecords[].manifestJson) must be signed by a key the user trusts (this
// installation's, or one given with the import) and its record hash must be that of the record just
// written (inside the import's transaction, so a refusal writes nothing). Without it, an archive whose
// record was edited and whose hashes.json was recomputed would arrive locked, looking approved.
import type { Tx } from '../core/context';
import type { SealImportReason } from '../errors';
import { fingerprintOf, parsePublicKey } from '../seal/keys';
import { manifestSchema, manifestSignatureValid } from '../seal/manifest';
import { COUNTED_CORRIGENDA_FORMATS, loadSessionRecord, RECORD_FORMATS, recordSha256, type RecordFormat } from '../seal/record';

export interface TrustedImportKey {
  fingerprint: string;
  thisInstallation: boolean;
}

export type ImportSealCheck =
  | { verified: true; key: TrustedImportKey; recordFormat: string; signedAt: string }
  | { verified: false; reason: SealImportReason; detail: string };

/** The keys the user trusts for this import: the one given, and this installation's. */
export function trustedKeys(installationPem: string | null | undefined, givenPem: string | undefined): TrustedImportKey[] {
  const own = installationPem ? fingerprintOf(parsePublicKey(installationPem)) : null;
  const keys: TrustedImportKey[] = [];
  if (givenPem) {
    const fp = fingerprintOf(parsePublicKey(givenPem));
    keys.push({ fingerprint: fp, thisInstallation: fp === own });
  }
  if (own && !keys.some((k) => k.fingerprint === own)) keys.push({ fingerprint: own, thisInstallation: true });
  return keys;
}

// When several seals fail, the reason that says most about the archive is reported.
const RANK: Record<SealImportReason, number> = { no_seal: 0, no_trusted_key: 1, wrong_key: 2, seal_invalid: 3, record_changed: 4 };

export async function checkImportedSeal(tx: Tx, sessionId: string, manifests: (string | null | undefined)[], keys: TrustedImportKey[]): Promise<ImportSealCheck> {
  const texts = manifests.filter((m): m is string => typeof m === 'string' && m.length > 0);
  if (!texts.length) return { verified: false, reason: 'no_seal', detail: 'the archive carries no seal manifest for this locked session' };
  let worst: { reason: SealImportReason; detail: string } | null = null;
  const fail = (reason: SealImportReason, detail: string) => {
    if (!worst || RANK[reason] > RANK[worst.reason]) worst = { reason, detail };
  };
  for (const [i, text] of texts.entries()) {
    let parsed;
    try {
      parsed = manifestSchema.safeParse(JSON.parse(text));
    } catch {
      fail('seal_invalid', `seal ${i + 1}: the manifest is not JSON`);
      continue;
    }
    if (!parsed.success) {
      fail('seal_invalid', `seal ${i + 1}: not a seal manifest (${parsed.error.issues[0]?.path.join('.')})`);
      continue;
    }
    const m = parsed.data;
    let keyOk = false;
    try {
      keyOk = fingerprintOf(parsePublicKey(m.publicKey)) === m.fingerprint;
    } catch {
      keyOk = false;
    }
    if (!keyOk || !manifestSignatureValid(m)) {
      fail('seal_invalid', `seal ${i + 1}: the manifest's signature does not verify`);
      continue;
    }
    if (m.session.id !== sessionId) {
      fail('seal_invalid', `seal ${i + 1}: sealed for another session (${m.session.id})`);
      continue;
    }
    const key = keys.find((k) => k.fingerprint === m.fingerprint);
    if (!key) {
      if (keys.length === 0) fail('no_trusted_key', `sealed by key ${m.fingerprint}; this computer has no seal key and none was given`);
      else fail('wrong_key', `sealed by key ${m.fingerprint}, not by a trusted key (${keys.map((k) => k.fingerprint).join(', ')})`);
      continue;
    }
    const format = (RECORD_FORMATS as readonly string[]).includes(m.record.format) ? (m.record.format as RecordFormat) : null;
    if (!format || (COUNTED_CORRIGENDA_FORMATS.includes(format) && m.record.corrigenda === undefined)) {
      fail('seal_invalid', `seal ${i + 1}: record format ${m.record.format} is not known to this app`);
      continue;
    }
    const scope = m.record.corrigenda === undefined ? {} : { corrigendaUpTo: m.record.corrigenda };
    const now = recordSha256(await loadSessionRecord(tx, sessionId, format, scope));
    if (now !== m.record.sha256) {
      fail('record_changed', `seal ${i + 1}: the archive's record is not the one sealed on ${m.signedAt} (or this laptop names a member state of the record otherwise than the sealing laptop)`);
      continue;
    }
    return { verified: true, key, recordFormat: format, signedAt: m.signedAt };
  }
  return { verified: false, ...worst! };
}
