// Backups: the copies of the database the host keeps (daily, on closing a session, before a migration,
// before a restore, by hand), newest first; take one now; restore one, after a confirmation that says
// what happens (the open database is replaced; the current one is backed up and kept aside first).
// After a restore every screen reloads, since everything it showed came from the replaced database.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import { FormError, QueryError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import type { BackupView } from '../../src/api/contract';

const knownReasons = ['manual', 'daily', 'session-closed', 'before-restore', 'sitting-opened'] as const;

export function BackupsPanel({ restored }: { restored?: (note: string) => void }) {
  const { t, dateTime } = useI18n();
  const list = useQuery('backups.list', {});
  const m = useMutation();
  const [confirming, setConfirming] = useState<BackupView | null>(null);
  const now = async () => {
    if (await m.run('backups.now', {})) list.reload();
  };
  const restore = async (b: BackupView) => {
    const r = await m.run('backups.restore', { fileName: b.fileName });
    setConfirming(null);
    if (!r) return;
    list.reload();
    restored?.(t('backups.restored', { file: dateTime(b.takenAt), before: r.beforeRestore }));
  };
  const reasonLabel = (reason: string) =>
    (knownReasons as readonly string[]).includes(reason) ? t(`backups.reason.${reason as (typeof knownReasons)[number]}`) : reason;
  return (
    <section className="panel" aria-labelledby="backups-h">
      <div className="row">
        <h2 id="backups-h" className="grow">
          {t('settings.backups')}
        </h2>
        <button type="button" onClick={() => void now()} disabled={m.busy} data-action="backup-now">
          {t('backups.now')}
        </button>
      </div>
      <FormError m={m} fields={[]} />
      <QueryError error={list.error} className="muted" />
      {(list.data ?? []).length === 0 && !list.error ? <p className="muted">{t('backups.none')}</p> : null}
      {confirming ? (
        <div className="banner banner--warn stack" role="alertdialog" aria-labelledby="restore-q" data-confirm-restore={confirming.fileName}>
          <span id="restore-q">{t('backups.confirm', { at: dateTime(confirming.takenAt) })}</span>
          <div className="row">
            <button type="button" className="danger" disabled={m.busy} onClick={() => void restore(confirming)} data-action="confirm-restore" autoFocus>
              {t('backups.confirmYes')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div style={{ maxBlockSize: 180, overflow: 'auto' }}>
        {(list.data ?? []).map((b) => (
          <div key={b.fileName} className="list-item" data-backup={b.reason} data-backup-file={b.fileName}>
            <span className="grow">{dateTime(b.takenAt)}</span>
            <span className="badge">{reasonLabel(b.reason)}</span>
            <span className="muted">{(b.bytes / 1024).toFixed(0)} KiB</span>
            <button type="button" className="small" disabled={m.busy} onClick={() => setConfirming(b)} data-action="restore">
              {t('backups.restore')}
            </button>
          </div>
        ))}
      </div>
      <p className="hint">{t('backups.restoreHint')}</p>
    </section>
  );
}

/** The seal's key: its fingerprint, and the public key to send to whoever checks the minutes. */
export function SealKeyPanel() {
  const { t } = useI18n();
  const key = useQuery('seal.key', {});
  const [saved, setSaved] = useState<string | null>(null);
  const exportKey = async () => {
    if (!key.data) return;
    const r = await api.saveFile({ fileName: key.data.fileName, mimeType: 'application/x-pem-file', base64: btoa(key.data.publicKeyPem) });
    if (r.saved) setSaved(r.path ?? key.data.fileName);
  };
  return (
    <section className="panel stack" aria-labelledby="seal-key-h">
      <h2 id="seal-key-h">{t('sealKey.title')}</h2>
      <QueryError error={key.error} className="muted" />
      {key.data ? (
        <code className="fingerprint" dir="ltr" data-fingerprint={key.data.fingerprint}>
          {key.data.fingerprint}
        </code>
      ) : null}
      <p className="hint">{t('sealKey.hint')}</p>
      <div className="row">
        <button type="button" disabled={!key.data} onClick={() => void exportKey()} data-action="export-public-key">
          {t('sealKey.export')}
        </button>
        {saved ? <span role="status">{t('minutes.saved', { file: saved })}</span> : null}
      </div>
    </section>
  );
}
