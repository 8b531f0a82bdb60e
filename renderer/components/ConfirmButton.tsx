// An irreversible step asks first, in the page (no native dialog): the first press shows what the step
// locks and a Confirm button; Escape or Cancel puts it back.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

export function ConfirmButton(props: { label: ReactNode; warning: string; onConfirm: () => void; className?: string; disabled?: boolean; action?: string; children?: ReactNode }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={props.className ?? 'small'} disabled={props.disabled} onClick={() => setAsking(true)} data-action={props.action}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="alertdialog" aria-label={typeof props.label === 'string' ? props.label : undefined} data-confirm={props.action} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span className="confirm-text">{props.warning}</span>
      {props.children}
      <button
        type="button"
        className="small danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
        data-action={`confirm-${props.action ?? ''}`}
      >
        {t('confirm.yes')}
      </button>
      <button type="button" className="small" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
