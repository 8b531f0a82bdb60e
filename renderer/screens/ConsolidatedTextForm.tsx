// The motion's text as amended (issue 9): once one of its amendments is adopted, the screen asks for it,
// prefilled with the motion's current text, so the minutes print "as amended" followed by the text that
// was actually before the council. Open by itself until a text is saved; folded (to edit) afterwards.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation } from '../components/useApi';
import type { Motion } from '../../src/motions/types';

export function ConsolidatedTextForm({ motion, done }: { motion: Motion; done: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const recorded = motion.consolidatedText.ar !== '';
  const [text, setText] = useState(recorded ? motion.consolidatedText : motion.text);
  const [saved, setSaved] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('motions.setConsolidatedText', { id: motion.id, text })) {
      setSaved(true);
      done();
    }
  };
  return (
    <details open={!recorded} data-consolidated={recorded ? 'recorded' : 'missing'}>
      <summary>{t('motions.asAmended.title')}</summary>
      <form className="stack" onSubmit={submit} data-form="consolidated-text">
        {recorded ? null : <p className="banner banner--info">{t('motions.asAmended.ask')}</p>}
        {(['ar', 'en', 'fr'] as const).map((l) => (
          <Field key={l} label={t(`decisions.text.${l}`)} name={`text.${l}`} m={m}>
            {(p) => <textarea {...p} rows={l === 'ar' ? 3 : 2} lang={l} dir="auto" value={text[l]} onChange={(e) => (setSaved(false), setText({ ...text, [l]: e.target.value }))} />}
          </Field>
        ))}
        <FormError m={m} fields={['id', 'text']} />
        <div className="row">
          <button type="submit" className="small primary" disabled={m.busy}>
            {t('motions.asAmended.save')}
          </button>
          {saved ? <span className="muted" role="status">{t('common.saved')}</span> : null}
        </div>
      </form>
    </details>
  );
}
