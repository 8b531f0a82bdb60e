// A calendar date typed as the UI shows dates, not the browser's date control (Chromium draws that in the
// system's locale, mm/dd/yyyy in an Arabic UI). Keyboard first: type "10 نوفمبر 2026", "١٠/١١/٢٠٢٦" or
// "2026-11-10"; ↑/↓ move a day, PageUp/PageDown a month. The parent gets 'YYYY-MM-DD', '' when empty, or
// the text as typed when it is not a date, so the core refuses it on this field (issue.invalid_date);
// before that, the field says so itself, naming the field by its label.
import { useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { parseDateText, parseTimeText, shiftDate, shiftTime, showDate } from './date-text';

type Base = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'lang'>;
type Props = Base & { value: string; onChange: (value: string) => void; /** The field's label, named in its message. */ label: string };

/** The text shown, following a value set from outside (a reset, a reload), and what is handed back. */
function useTyped(value: string, show: (v: string) => string, onChange: (v: string) => void) {
  const [text, setText] = useState(() => show(value));
  const handed = useRef(value);
  useEffect(() => {
    if (value !== handed.current) {
      handed.current = value;
      setText(show(value));
    }
  }, [value, show]);
  const hand = (v: string) => {
    handed.current = v;
    onChange(v);
  };
  return { text, setText, hand };
}

const today = () => new Date().toISOString().slice(0, 10);

export function DateInput({ value, onChange, label, onBlur, onKeyDown, ...rest }: Props) {
  const { lang, t, date } = useI18n();
  const show = (v: string) => (parseDateText(v) === v ? showDate(v, lang) : v);
  const { text, setText, hand } = useTyped(value, show, onChange);
  const parsed = parseDateText(text);
  // The language changed: the date is shown in the new one.
  useEffect(() => {
    if (parsed) setText(showDate(parsed, lang));
  }, [lang]);
  const typed = (s: string) => {
    setText(s);
    hand(s.trim() === '' ? '' : (parseDateText(s) ?? s.trim()));
  };
  const key = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowUp: [1, 0], ArrowDown: [-1, 0], PageUp: [0, 1], PageDown: [0, -1] }[e.key];
    if (step) {
      e.preventDefault();
      const next = parsed ? shiftDate(parsed, step[0]!, step[1]) : today();
      setText(showDate(next, lang));
      hand(next);
    }
    onKeyDown?.(e);
  };
  const unread = text.trim() !== '' && !parsed && !rest['aria-invalid'];
  return (
    <span className="date-input">
      <input
        {...rest}
        type="text"
        lang={lang}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('date.placeholder')}
        value={text}
        data-date-input={parsed ?? ''}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={key}
        onBlur={(e) => {
          if (parsed) setText(showDate(parsed, lang));
          onBlur?.(e);
        }}
      />
      {parsed && lang === 'ar' ? (
        <small className="muted" data-date-said={parsed}>
          <bdi>{date(parsed)}</bdi>
        </small>
      ) : null}
      {unread ? (
        <small className="field-error" role="status" data-date-unread>
          {t('date.unread', { field: label, example: showDate('2026-11-10', lang) })}
        </small>
      ) : null}
    </span>
  );
}

/** A time of day, 24-hour "HH:MM", typed ("9:30", "٩:٣٠", "0930"); ↑/↓ a minute, PageUp/PageDown an hour. */
export function TimeInput({ value, onChange, label, onBlur, onKeyDown, ...rest }: Props) {
  const { lang, t } = useI18n();
  const show = (v: string) => v;
  const { text, setText, hand } = useTyped(value, show, onChange);
  const parsed = parseTimeText(text);
  const typed = (s: string) => {
    setText(s);
    hand(s.trim() === '' ? '' : (parseTimeText(s) ?? s.trim()));
  };
  const key = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowUp: 1, ArrowDown: -1, PageUp: 60, PageDown: -60 }[e.key];
    if (step) {
      e.preventDefault();
      const next = parsed ? shiftTime(parsed, step) : new Date().toTimeString().slice(0, 5);
      setText(next);
      hand(next);
    }
    onKeyDown?.(e);
  };
  const unread = text.trim() !== '' && !parsed && !rest['aria-invalid'];
  return (
    <span className="date-input">
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        lang={lang}
        dir="ltr"
        size={6}
        autoComplete="off"
        spellCheck={false}
        placeholder="--:--"
        value={text}
        data-time-input={parsed ?? ''}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={key}
        onBlur={(e) => {
          if (parsed) setText(parsed);
          onBlur?.(e);
        }}
      />
      {unread ? (
        <small className="field-error" role="status" data-time-unread>
          {t('time.unread', { field: label })}
        </small>
      ) : null}
    </span>
  );
}
