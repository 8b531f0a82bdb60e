// A calendar date typed or picked: the browser's date control draws its own digits and order from the
// system's locale, not the UI's, so the control carries the UI's language and the date is said beside
// it as the UI says dates (the words the secretary reads are the UI language's).
import type { InputHTMLAttributes } from 'react';
import { useI18n } from '../i18n';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'lang'> & { value: string; onChange: (value: string) => void };

export function DateInput({ value, onChange, ...rest }: Props) {
  const { lang, date } = useI18n();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return (
    <span className="date-input">
      <input {...rest} type="date" lang={lang} value={value} onChange={(e) => onChange(e.target.value)} />
      {valid ? (
        <small className="muted" data-date-said={value}>
          <bdi>{date(value)}</bdi>
        </small>
      ) : null}
    </span>
  );
}
