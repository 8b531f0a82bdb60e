import { useI18n } from '../i18n';
import type { TabProps } from './SessionWorkspace';

export function MotionsTab(_props: TabProps) {
  const { t } = useI18n();
  return <p className="muted">{t('common.loading')}</p>;
}
