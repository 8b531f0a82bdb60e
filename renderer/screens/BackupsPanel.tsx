import { useI18n } from '../i18n';

export function BackupsPanel() {
  const { t } = useI18n();
  return <section className="panel"><h2>{t('settings.backups')}</h2></section>;
}
