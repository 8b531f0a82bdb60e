// Referring a motion asks, in the page, what it locks and the body it is referred to (the choices of a
// decision's referral; a name required for another body, src/rules/referral-body.ts) before it confirms.
// Keyboard first: the body's list has the focus, Enter confirms, Escape puts it back. A refusal stays open
// with the reason under its field.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation } from '../components/useApi';
import type { Motion } from '../../src/motions/types';
import { referralBodies, type ReferralBody } from '../../src/rules/referral-body';

export function ReferMotion({ motion, done }: { motion: Motion; done: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [asking, setAsking] = useState(false);
  const [body, setBody] = useState<ReferralBody | ''>('');
  const [bodyName, setBodyName] = useState('');
  const cancel = () => {
    setAsking(false);
    setBody('');
    setBodyName('');
    m.clear();
  };
  if (!asking) {
    return (
      <button type="button" className="small" onClick={() => setAsking(true)} data-action="refer">
        {t('motions.refer')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // No body chosen: the core refuses it on the body's field, in the UI's words.
    const input = { id: motion.id, bodyName, ...(body ? { body } : {}) } as { id: string; body: ReferralBody; bodyName: string };
    if (await m.run('motions.refer', input)) {
      cancel();
      done();
    }
  };
  return (
    <form className="confirm" role="alertdialog" aria-label={t('motions.refer')} data-confirm="refer" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <span className="confirm-text">{t('confirm.refer')}</span>
      <Field label={t('referrals.body')} name="body" m={m}>
        {(p) => (
          <select {...p} autoFocus value={body} onChange={(e) => setBody(e.target.value as ReferralBody | '')} data-refer-body>
            <option value="">{t('motions.referChoose')}</option>
            {referralBodies.map((b) => (
              <option key={b} value={b}>
                {t(`referrals.body.${b}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('referrals.bodyName')} name="bodyName" m={m}>
        {(p) => <input {...p} dir="auto" value={bodyName} onChange={(e) => setBodyName(e.target.value)} data-refer-name />}
      </Field>
      <button type="submit" className="small danger" disabled={m.busy} data-action="confirm-refer">
        {t('confirm.yes')}
      </button>
      <button type="button" className="small" onClick={cancel}>
        {t('common.cancel')}
      </button>
      <FormError m={m} fields={['body', 'bodyName']} />
    </form>
  );
}
