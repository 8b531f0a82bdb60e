// A decision's follow-up actions: listed under it, and a short form to add one (a secretariat unit or a
// member state answers for it, with an optional due date).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { DateInput } from '../components/DateInput';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import type { Decision } from '../../src/decisions/types';

export function DecisionActions({ decision, locked = false }: { decision: Decision; locked?: boolean }) {
  const { t, lang, date } = useI18n();
  const actions = useQuery('actions.list', { sessionId: decision.sessionId });
  const m = useMutation();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [unit, setUnit] = useState('');
  const [dueDate, setDueDate] = useState('');
  const mine = (actions.data ?? []).filter((a) => a.decisionId === decision.id);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('actions.create', {
      decisionId: decision.id,
      description,
      responsible: { kind: 'secretariat_unit', unit },
      dueDate: dueDate || null,
    });
    if (ok) {
      setDescription('');
      setOpen(false);
      actions.reload();
    }
  };
  return (
    <div style={{ marginBlockStart: 6 }}>
      {mine.map((a) => (
        <div key={a.id} className="muted" data-action-of-decision>
          {lang === 'ar' ? '◂' : '▸'} <bdi>{a.description}</bdi> — <bdi>{a.responsible.kind === 'member_state' ? a.responsible.state[lang] : a.responsible.unit}</bdi>
          {a.dueDate ? ` (${date(a.dueDate)})` : ''} <span className="badge">{t(`actions.status.${a.status}`)}</span>
        </div>
      ))}
      {locked ? null : (
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('actions.add')}
        </button>
      )}
      {open && !locked ? (
        <form className="stack" onSubmit={submit} style={{ marginBlockStart: 6 }}>
          <Field label={t('actions.description')} name="description" m={m}>
            {(p) => <input {...p} dir="auto" value={description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <div className="row">
            <Field label={t('actions.unit')} name="responsible.unit" m={m} className="grow">
              {(p) => <input {...p} dir="auto" value={unit} onChange={(e) => setUnit(e.target.value)} />}
            </Field>
            <Field label={t('actions.due')} name="dueDate" m={m}>
              {(p) => <DateInput {...p} label={t('actions.due')} value={dueDate} onChange={setDueDate} />}
            </Field>
          </div>
          <FormError m={m} fields={['description', 'responsible', 'dueDate']} />
          <button type="submit" className="primary" disabled={m.busy}>
            {t('actions.save')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
