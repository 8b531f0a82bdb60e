// Follow-up of open actions across sessions: what each decision asked for, who answers for it, when
// it is due, and its latest progress; a dated update moves it on (and says at which session it was
// reported).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import type { ActionItem, ActionStatus } from '../../src/actions/types';

const statuses: ActionStatus[] = ['open', 'in_progress', 'done', 'cancelled'];

export function ActionsScreen() {
  const { t, lang, date } = useI18n();
  const actions = useQuery('actions.open', {});
  const [updating, setUpdating] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const list = actions.data ?? [];
  return (
    <div>
      <h1>{t('actions.title')}</h1>
      <section className="panel">
        {list.length === 0 ? <p className="muted">{t('actions.none')}</p> : null}
        <table>
          <thead>
            <tr>
              <th>{t('actions.session')}</th>
              <th>{t('actions.decision')}</th>
              <th>{t('actions.description')}</th>
              <th>{t('actions.responsible')}</th>
              <th>{t('actions.due')}</th>
              <th>{t('actions.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} data-action-item={a.status}>
                <td>{a.session.number}</td>
                <td>{a.decisionNumber ? a.decisionNumber[lang] || a.decisionNumber.ar : '—'}</td>
                <td>
                  <bdi>{a.description}</bdi>
                  {a.latestUpdate ? (
                    <div className="muted">
                      <bdi>{a.latestUpdate.text}</bdi>
                    </div>
                  ) : null}
                  {updating === a.id ? <UpdateForm action={a} done={() => (setUpdating(null), actions.reload())} /> : null}
                </td>
                <td>
                  <bdi>{a.responsible.kind === 'member_state' ? a.responsible.state[lang] : a.responsible.unit}</bdi>
                </td>
                <td>
                  {a.dueDate ? date(a.dueDate) : '—'}
                  {a.dueDate && a.dueDate < today ? <span className="badge badge--bad"> {t('actions.overdue')}</span> : null}
                </td>
                <td>
                  <span className="badge">{t(`actions.status.${a.status}`)}</span>
                </td>
                <td>
                  <button type="button" className="small" onClick={() => setUpdating(updating === a.id ? null : a.id)}>
                    {t('actions.update')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function UpdateForm({ action, done }: { action: ActionItem; done: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('actions.addUpdate', { actionItemId: action.id, at: new Date().toISOString(), text, ...(status !== action.status ? { status } : {}) });
    if (ok) done();
  };
  return (
    <form className="stack" onSubmit={submit} style={{ marginBlockStart: 6 }}>
      <Field label={t('actions.progress')} name="text" m={m}>
        {(p) => <textarea {...p} rows={2} dir="auto" value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="row">
        <Field label={t('actions.status')} name="status" m={m}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`actions.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={m.busy}>
          {t('common.save')}
        </button>
      </div>
      <FormError m={m} fields={['text', 'status']} />
    </form>
  );
}
