// Backups: the copies of the database the host keeps (daily, on closing a session, before a migration,
// by hand), newest first, and a button to take one now. Restoring is done from the desktop app's menu.
import { useI18n } from '../i18n';
import { FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';

export function BackupsPanel() {
  const { t, dateTime } = useI18n();
  const list = useQuery('backups.list', {});
  const m = useMutation();
  const now = async () => {
    if (await m.run('backups.now', {})) list.reload();
  };
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
      {list.error ? <p className="muted">{list.error.message}</p> : null}
      {(list.data ?? []).length === 0 && !list.error ? <p className="muted">{t('backups.none')}</p> : null}
      <div style={{ maxBlockSize: 160, overflow: 'auto' }}>
        {(list.data ?? []).map((b) => (
          <div key={b.fileName} className="list-item" data-backup={b.reason}>
            <span className="grow">{dateTime(b.takenAt)}</span>
            <span className="badge">{b.reason === 'manual' || b.reason === 'daily' || b.reason === 'session-closed' ? t(`backups.reason.${b.reason}`) : b.reason}</span>
            <span className="muted">{(b.bytes / 1024).toFixed(0)} KiB</span>
          </div>
        ))}
      </div>
      <p className="hint">{t('backups.restoreHint')}</p>
    </section>
  );
}
