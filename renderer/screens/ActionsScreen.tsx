import { useI18n } from '../i18n';

export function ActionsScreen() {
  const { t } = useI18n();
  return <h1>{t('nav.actions')}</h1>;
}
