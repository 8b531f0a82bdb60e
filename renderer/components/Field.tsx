// A labelled control with the core's error for its field right below it (aria-describedby, so a
// screen reader says it too).
import { useId, type ReactNode } from 'react';
import type { ErrorPayload } from '../../src/errors';
import { useI18n, type MessageKey } from '../i18n';
import { fieldMessage, type Mutation } from './useApi';

export function localiseError(t: ReturnType<typeof useI18n>['t'], message: string): string {
  // The core speaks English to developers; the most frequent messages get the user's language.
  if (message === 'required' || /too small.*>=1 characters|expected string to have >=1/i.test(message)) return t('error.required');
  if (/expected number/i.test(message)) return t('error.number');
  if (/YYYY-MM-DD|not a real date/.test(message)) return t('error.date');
  if (/ISO-8601|an instant like|not a real instant/.test(message)) return t('error.instant');
  if (/a control character U\+/.test(message)) return t('text.control_character');
  if (/lone surrogate/.test(message)) return t('text.lone_surrogate');
  if (/^unknown field/.test(message)) return t('unknown_key');
  if (/expected one of/i.test(message)) return t('error.choice');
  // Attendance at a stated time (src/attendance/service.ts).
  if (/in the future \(/.test(message)) return t('error.attendanceFuture');
  if (/before the sitting started|after the sitting ended|outside the sitting/.test(message)) return t('error.attendanceOutside');
  if (/already present at|not present at|would break the recorded attendance|already recorded at/.test(message)) return t('error.attendanceTimeline');
  return message;
}

/** The catalogue's sentence for a rule code the core gave (issues[].rule), when it has one. */
function ruleMessage(t: ReturnType<typeof useI18n>['t'], rule: string | undefined): string | null {
  if (!rule) return null;
  const s = t(rule as Parameters<typeof t>[0]);
  return s === rule ? null : s;
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

const storageSentences: Partial<Record<ErrorPayload['code'], MessageKey>> = {
  DISK_FULL: 'error.diskFull',
  DATABASE_READ_ONLY: 'error.readOnly',
  STORAGE_UNAVAILABLE: 'error.storage',
  MIGRATIONS_OUT_OF_ORDER: 'error.migrationsOutOfOrder',
};

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
  // Faults of the disk: one sentence that says what to do (the core's message keeps the path, for IT).
  const storage = storageSentences[error.code];
  if (storage) {
    return (
      <div className="form-error" role="alert" data-code={error.code} title={error.message}>
        {t(storage)}
      </div>
    );
  }
  return (
    <div className="form-error" role="alert">
      {rest.map((i, n) => (
        <div key={n} data-field={i.field}>
          {i.field ? <code>{i.field}</code> : null} {ruleMessage(t, i.rule) ?? localiseError(t, fieldMessage({ ...error, issues: [i] }, i.field) ?? i.message)}
        </div>
      ))}
    </div>
  );
}
