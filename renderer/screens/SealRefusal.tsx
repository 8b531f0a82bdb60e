// When a session .zip claims a locked session whose seal does not verify here, the import is refused and
// nothing is written. The ways forward: name the sealing laptop's public key (its fingerprint shown, to be
// compared before trusting it) and retry, or import an unverified copy after saying plainly what that is.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { publicKeyFingerprint } from '../components/publicKey';
import type { ErrorPayload } from '../../src/errors';

/** How the archive may be retried: with a key the secretary trusts, or as an unverified copy. */
export type SealTrust = { publicKeyPem: string } | { unverifiedCopy: true };

const SEAL_CODES = ['import_no_seal', 'import_no_trusted_key', 'import_wrong_key', 'import_seal_invalid', 'import_record_changed'] as const;
/** Reasons that another key can answer (for the others, only an unverified copy is possible). */
const KEY_HELPS = ['import_no_trusted_key', 'import_wrong_key'];

/** The seal refusal's code, when the error is one. */
export function sealRefusal(error: ErrorPayload | null): string | null {
  const code = error?.issues?.[0]?.code;
  return code && (SEAL_CODES as readonly string[]).includes(code) ? code : null;
}

export function SealRefusalChoices({ code, busy, retry }: { code: string; busy: boolean; retry: (trust: SealTrust) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState<{ file: string; pem: string; fingerprint: string | null } | null>(null);
  const [askCopy, setAskCopy] = useState(false);
  return (
    <div className="stack" data-seal-refused={code.replace(/^import_/, '')}>
      <p>
        {t('transfer.sealRefused')} {KEY_HELPS.includes(code) ? t('transfer.sealRefusedKey') : null}
      </p>
      <div className="row">
        {KEY_HELPS.includes(code) ? (
          <button type="button" disabled={busy} onClick={() => input.current?.click()} data-action="import-choose-key">
            {t('transfer.chooseKey')}
          </button>
        ) : null}
        <button type="button" className="danger" disabled={busy} onClick={() => setAskCopy(true)} data-action="import-unverified">
          {t('transfer.asUnverified')}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".pem,application/x-pem-file"
        hidden
        data-input="import-public-key"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const pem = await file.text();
          setAskCopy(false);
          setKey({ file: file.name, pem, fingerprint: await publicKeyFingerprint(pem) });
        }}
      />
      {key && key.fingerprint === null ? (
        <p className="form-error" role="alert" data-key-unreadable>
          {t('transfer.keyUnreadable', { file: key.file })}
        </p>
      ) : null}
      {key?.fingerprint ? (
        <div className="panel stack" data-confirm="trust-key">
          <p>
            {t('transfer.keyChosen', { file: key.file })}{' '}
            <bdi dir="ltr" className="fingerprint" data-key-fingerprint={key.fingerprint}>
              {key.fingerprint}
            </bdi>
          </p>
          <p>{t('transfer.keyTrustAsk')}</p>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => retry({ publicKeyPem: key.pem })} data-action="import-trust-key">
              {t('transfer.trustKey')}
            </button>
            <button type="button" disabled={busy} onClick={() => setKey(null)} data-action="import-cancel-key">
              {t('transfer.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {askCopy ? (
        <div className="panel stack banner--warn" data-confirm="unverified-copy">
          <p>{t('transfer.unverifiedConfirm')}</p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => retry({ unverifiedCopy: true })} data-action="import-unverified-confirm">
              {t('transfer.unverifiedConfirmButton')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAskCopy(false)} data-action="import-cancel-unverified">
              {t('transfer.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
