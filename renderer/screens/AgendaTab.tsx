// The agenda: numbered items (sub-items indented), add and edit, status, and reorder by dragging or by
// keyboard (focus an item, Alt+↑/↓ moves it among its siblings). The adoption is recorded here too.
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import type { AgendaItem, AgendaStatus } from '../../src/agenda/types';
import type { TabProps } from './SessionWorkspace';
import { AgendaAdoptionPanel } from './AgendaAdoptionPanel';
import { WorkingDocumentsPanel } from './WorkingDocumentsPanel';

const statuses: AgendaStatus[] = ['pending', 'discussed', 'deferred', 'withdrawn'];

export function agendaTitle(item: AgendaItem, lang: 'ar' | 'en' | 'fr'): string {
  return item.title[lang] || item.title.ar;
}

export function AgendaTab({ session }: TabProps) {
  const { t, lang } = useI18n();
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const m = useMutation();
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const items = agenda.data ?? [];

  const move = async (item: AgendaItem, index: number) => {
    if (index < 0) return;
    if (await m.run('agenda.move', { id: item.id, parentId: item.parentId, index })) agenda.reload();
  };
  const onKey = (e: KeyboardEvent, item: AgendaItem) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const target = e.currentTarget as HTMLElement;
    void move(item, item.position - 1 + (e.key === 'ArrowUp' ? -1 : 1)).then(() => target.focus());
  };
  const onDrop = (e: DragEvent, target: AgendaItem) => {
    e.preventDefault();
    const dragged = items.find((i) => i.id === dragId);
    setDragId(null);
    setOverId(null);
    if (!dragged || dragged.id === target.id) return;
    void m.run('agenda.move', { id: dragged.id, parentId: target.parentId, index: target.position - 1 }).then((r) => r && agenda.reload());
  };
  const setStatus = async (item: AgendaItem, status: AgendaStatus) => {
    if (await m.run('agenda.update', { id: item.id, status })) agenda.reload();
  };

  // Approved minutes: the agenda is shown as it stands, nothing that writes is offered.
  const locked = session.lockedAt !== null;
  return (
    <div className="cols">
      <section className="panel" aria-labelledby="agenda-h">
        <h2 id="agenda-h">{t('agenda.title')}</h2>
        {locked ? (
          <p className="banner banner--info" data-locked-note>
            {t('locked.readOnly')}
          </p>
        ) : (
          <p className="hint">{t('agenda.reorderHint')}</p>
        )}
        {items.length === 0 ? <p className="muted">{t('agenda.none')}</p> : null}
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('agenda.title')}>
          {items.map((item) => (
            <li
              key={item.id}
              className={`agenda-item${dragId === item.id ? ' dragging' : ''}${overId === item.id ? ' drop-target' : ''}`}
              style={{ marginInlineStart: item.depth * 24 }}
              draggable={!locked}
              tabIndex={0}
              data-agenda-item={item.number}
              aria-label={`${item.number} ${agendaTitle(item, lang)}`}
              onKeyDown={(e) => (locked ? undefined : onKey(e, item))}
              onDragStart={(e) => {
                setDragId(item.id);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', item.id);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setOverId(item.id);
              }}
              onDragLeave={() => setOverId(null)}
              onDrop={(e) => onDrop(e, item)}
              onDragEnd={() => {
                setDragId(null);
                setOverId(null);
              }}
            >
              <span className="num">{item.number}</span>
              {locked ? (
                <>
                  <span className="title">
                    {agendaTitle(item, lang)}
                    {item.presenter ? <span className="muted"> — {item.presenter}</span> : null}
                  </span>
                  <span className="badge">{t(`agenda.status.${item.status}`)}</span>
                </>
              ) : editing === item.id ? (
                <AgendaItemForm sessionId={session.id} item={item} done={() => (setEditing(null), agenda.reload())} />
              ) : (
                <>
                  <span className="title">
                    {agendaTitle(item, lang)}
                    {item.presenter ? <span className="muted"> — {item.presenter}</span> : null}
                  </span>
                  <select
                    aria-label={t('agenda.status')}
                    value={item.status}
                    onChange={(e) => void setStatus(item, e.target.value as AgendaStatus)}
                  >
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`agenda.status.${s}`)}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="small" onClick={() => setEditing(item.id)}>
                    {t('common.edit')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
        <FormError m={m} fields={[]} />
      </section>
      <div>
        {locked ? null : (
          <section className="panel" aria-labelledby="agenda-add-h">
            <h2 id="agenda-add-h">{t('agenda.add')}</h2>
            <AgendaItemForm sessionId={session.id} parents={items.filter((i) => i.depth === 0)} done={agenda.reload} />
          </section>
        )}
        <AgendaAdoptionPanel session={session} onTemplate={agenda.reload} />
        <WorkingDocumentsPanel sessionId={session.id} items={items} locked={session.lockedAt !== null} />
      </div>
    </div>
  );
}

function AgendaItemForm({ sessionId, item, parents, done }: { sessionId: string; item?: AgendaItem; parents?: AgendaItem[]; done: () => void }) {
  const { t, lang } = useI18n();
  const [parentId, setParentId] = useState('');
  const m = useMutation();
  const [title, setTitle] = useState({ ar: item?.title.ar ?? '', en: item?.title.en ?? '', fr: item?.title.fr ?? '' });
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = item
      ? await m.run('agenda.update', { id: item.id, title, presenter })
      : await m.run('agenda.add', { sessionId, title, presenter, parentId: parentId || null });
    if (ok) {
      if (!item) {
        setTitle({ ar: '', en: '', fr: '' });
        setPresenter('');
      }
      done();
    }
  };
  return (
    <form onSubmit={submit} className="stack grow" data-form={item ? 'edit-agenda-item' : 'new-agenda-item'}>
      {(['ar', 'en', 'fr'] as const).map((l) => (
        <Field key={l} label={t(`agenda.itemTitle.${l}`)} name={`title.${l}`} m={m}>
          {(p) => <input {...p} lang={l} dir="auto" value={title[l]} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />}
        </Field>
      ))}
      {parents && parents.length > 0 ? (
        <Field label={t('agenda.parent')} name="parentId" m={m}>
          {(p) => (
            <select {...p} value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">{t('agenda.topLevel')}</option>
              {parents.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.number}. {agendaTitle(i, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('agenda.presenter')} name="presenter" m={m}>
        {(p) => <input {...p} value={presenter} onChange={(e) => setPresenter(e.target.value)} />}
      </Field>
      <FormError m={m} fields={['title', 'presenter', 'parentId']} />
      <div className="row">
        <button type="submit" className="primary" disabled={m.busy}>
          {item ? t('common.save') : t('agenda.addButton')}
        </button>
        {item ? (
          <button type="button" onClick={done}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
