// A labelled control with the core's error for its field right below it (aria-describedby, so a
// screen reader says it too). Once the secretary changes the control, its error is no longer about what
// the field holds, so it goes until the next refusal.
import { useId, useState, type ReactNode } from 'react';
import type { ErrorPayload } from '../../src/errors';
import { useI18n } from '../i18n';
import { type Mutation } from './useApi';
import { errorText, issueText } from './errorText';

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
  const { t, lang } = useI18n();
  const id = useId();
  // The refusal this control was changed after (a change event bubbles up from the control to the div).
  const [changedAfter, setChangedAfter] = useState<ErrorPayload | null>(null);
  const issue = m && m.error !== changedAfter ? m.issueFor(name) : undefined;
  // Beside its field the sentence need not repeat the label.
  const error = issue ? issueText(t, lang, issue, '', m?.error?.code).text : undefined;
  const errId = `${id}-err`;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ' ' + className : ''}`} onChange={() => m?.error && setChangedAfter(m.error)}>
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

/** Errors whose field no control on the form shows (or with no field): shown once, at the form's foot,
 * in the UI's language, the field named by its label when the form gives one. */
export function FormError({ m, fields, labels = {} }: { m: Mutation; fields: string[]; labels?: Record<string, string> }) {
  const { t, lang } = useI18n();
  const error: ErrorPayload | null = m.error;
  if (!error) return null;
  const issues = error.issues?.length ? error.issues : [{ field: error.field, message: error.message }];
  const rest = issues.filter((i) => !fields.some((f) => i.field === f || i.field.startsWith(f + '.')));
  if (rest.length === 0) return null;
  // Refusals that are about the record, not about what was typed, get a plain sentence.
  if (error.code === 'LOCKED_SESSION' || error.code === 'QUORUM_NOT_MET') {
    return (
      <div className="form-error" role="alert" data-code={error.code}>
        {errorText(t, lang, error).text}
      </div>
    );
  }
  return (
    <div className="form-error" role="alert" data-code={error.code}>
      {rest.map((i, n) => {
        const said = issueText(t, lang, i, labels[i.field] ?? '', error.code);
        return (
          <div key={n} data-field={i.field} data-issue={i.code ?? ''}>
            {said.text}
            {said.technical ? (
              <details className="technical">
                <summary>{t('error.technical')}</summary>
                <bdi dir="ltr">{said.technical}</bdi>
              </details>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** A failed read (a query's error) in the UI's language. */
export function QueryError({ error, className = 'form-error' }: { error: ErrorPayload | null | undefined; className?: string }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const said = errorText(t, lang, error);
  return (
    <div className={className} role="alert" data-code={error.code}>
      {said.text}
      {said.technical ? (
        <details className="technical">
          <summary>{t('error.technical')}</summary>
          <bdi dir="ltr">{said.technical}</bdi>
        </details>
      ) : null}
    </div>
  );
}
