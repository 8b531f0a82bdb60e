// A labelled control with the core's error for its field right below it (aria-describedby, so a
// screen reader says it too).
import { useId, type ReactNode } from 'react';
import type { ErrorPayload } from '../../src/errors';
import { useI18n } from '../i18n';
import { fieldMessage, type Mutation } from './useApi';

export function localiseError(t: ReturnType<typeof useI18n>['t'], message: string): string {
  // The core speaks English to developers; the most frequent messages get the user's language.
  if (message === 'required' || /too small.*>=1 characters|expected string to have >=1/i.test(message)) return t('error.required');
  if (/expected number/i.test(message)) return t('error.number');
  if (/YYYY-MM-DD|not a real date/.test(message)) return t('error.date');
  if (/ISO-8601|an instant like/.test(message)) return t('error.instant');
  if (/expected one of/i.test(message)) return t('error.choice');
  // Attendance at a stated time (src/attendance/service.ts).
  if (/in the future \(/.test(message)) return t('error.attendanceFuture');
  if (/before the sitting started|after the sitting ended|outside the sitting/.test(message)) return t('error.attendanceOutside');
  if (/already present at|not present at|would break the recorded attendance|already recorded at/.test(message)) return t('error.attendanceTimeline');
  return message;
}

interface FieldProps {
  label: string;
  /** The input field's name as the core names it (dotted path). */
  name: string;
  m?: Mutation | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; name: string }) => ReactNode;
  hint?: string;
  className?: string;
}

export function Field({ label, name, m, children, hint, className }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const raw = m?.errorFor(name);
  const error = raw ? localiseError(t, raw) : undefined;
  const errId = `${id}-err`;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ' ' + className : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': !!error, ...(error ? { 'aria-describedby': errId } : {}) })}
      {hint && !error ? <small className="hint">{hint}</small> : null}
      {error ? (
        <small className="field-error" id={errId} role="alert" data-field={name}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** Errors whose field no control on the form shows (or with no field): shown once, at the form's foot. */
export function FormError({ m, fields }: { m: Mutation; fields: string[] }) {
  const { t } = useI18n();
  const error: ErrorPayload | null = m.error;
  if (!error) return null;
  const issues = error.issues?.length ? error.issues : [{ field: error.field, message: error.message }];
  const rest = issues.filter((i) => !fields.some((f) => i.field === f || i.field.startsWith(f + '.')));
  if (rest.length === 0) return null;
  // Refusals that are about the record, not about what was typed, get a plain sentence.
  if (error.code === 'LOCKED_SESSION' || error.code === 'QUORUM_NOT_MET') {
    return (
      <div className="form-error" role="alert" data-code={error.code}>
        {t(error.code === 'LOCKED_SESSION' ? 'error.locked' : 'error.quorum')}
      </div>
    );
  }
  return (
    <div className="form-error" role="alert">
      {rest.map((i, n) => (
        <div key={n} data-field={i.field}>
          {i.field ? <code>{i.field}</code> : null} {localiseError(t, fieldMessage({ ...error, issues: [i] }, i.field) ?? i.message)}
        </div>
      ))}
    </div>
  );
}
