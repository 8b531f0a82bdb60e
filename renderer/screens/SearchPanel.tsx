import { useI18n } from '../i18n';

export function SearchPanel(_props: { open: (id: string) => void }) {
  const { t } = useI18n();
  return <section className="panel"><h2>{t('search.title')}</h2></section>;
}
