// Live minute-taking: the current agenda item, the interventions so far, and quick entry of the next
// one (speaker picker, text, Ctrl+Enter to save). Drafts are kept locally as they are typed so nothing
// is lost; the indicator says whether the last intervention is saved.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { SpeakerPicker, speakersOf, type Speaker } from '../components/SpeakerPicker';
import type { TabProps } from './SessionWorkspace';
import { agendaTitle } from './AgendaTab';

type SaveState = { kind: 'idle' } | { kind: 'draft' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error' };

export function NotesTab({ session }: TabProps) {
  const { t, lang, time } = useI18n();
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const delegations = useQuery('delegations.list', { sessionId: session.id });
  const items = agenda.data ?? [];
  const [itemId, setItemId] = useState<string | null>(null);
  const current = items.find((i) => i.id === itemId) ?? items.find((i) => i.status === 'pending') ?? items[0];
  const notes = useQuery('notes.list', current ? { agendaItemId: current.id } : null);
  const speakers = speakersOf(delegations.data ?? [], lang, t);
  const [speaker, setSpeaker] = useState<Speaker | null>(null);
  const draftKey = `council.draft.${current?.id ?? ''}`;
  const [text, setText] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const m = useMutation();
  const speakerRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setText(localStorage.getItem(draftKey) ?? '');
  }, [draftKey]);

  const changeText = (value: string) => {
    setText(value);
    localStorage.setItem(draftKey, value);
    setSave({ kind: value ? 'draft' : 'idle' });
  };

  const submit = async () => {
    if (!current) return;
    setSave({ kind: 'saving' });
    const note = await m.run('notes.add', {
      agendaItemId: current.id,
      speakerKind: speaker?.kind ?? ('' as 'chair'),
      speakerDelegationId: speaker?.delegationId ?? null,
      text,
      language: lang,
    });
    if (note) {
      localStorage.removeItem(draftKey);
      setText('');
      setSave({ kind: 'saved', at: note.at });
      notes.reload();
      speakerRef.current?.focus();
    } else setSave({ kind: 'error' });
  };

  const moveItem = (step: number) => {
    if (!current) return;
    const i = items.findIndex((x) => x.id === current.id);
    const next = items[i + step];
    if (next) setItemId(next.id);
  };

  // Shortcuts work wherever the focus is on this tab (a window listener, not the form's).
  const latest = useRef({ submit, moveItem });
  latest.current = { submit, moveItem };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void latest.current.submit();
      } else if (e.altKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault();
        latest.current.moveItem(e.key === 'PageDown' ? 1 : -1);
      } else if (e.key === 'F2') {
        e.preventDefault();
        speakerRef.current?.focus();
      } else if (e.key === 'F3') {
        e.preventDefault();
        textRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const speakerName = (n: { speakerKind: string; speakerDelegationId: string | null; speakerName: string }) => {
    if (n.speakerKind === 'chair') return t('notes.chair');
    if (n.speakerKind === 'secretariat') return t('notes.secretariat');
    const d = delegations.data?.find((x) => x.id === n.speakerDelegationId);
    return (d ? d.name[lang] : '') + (n.speakerName ? ` (${n.speakerName})` : '');
  };

  return (
    <div>
      <div className="panel row">
        <label className="grow">
          <span className="muted">{t('notes.currentItem')}</span>{' '}
          <select value={current?.id ?? ''} onChange={(e) => setItemId(e.target.value)} data-field="current-item">
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number}. {agendaTitle(i, lang)}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{t('notes.keysHint')}</span>
      </div>
      <div className="cols">
        <section className="panel" aria-labelledby="notes-h">
          <h2 id="notes-h">{current ? `${current.number}. ${agendaTitle(current, lang)}` : t('notes.title')}</h2>
          <div className="notes-log" aria-live="polite">
            {(notes.data ?? []).length === 0 ? <p className="muted">{t('notes.none')}</p> : null}
            {(notes.data ?? []).map((n) => (
              <div className="note" key={n.id} data-note>
                <div>
                  <span className="muted">{time(n.at)}</span> <bdi className="who">{speakerName(n)}</bdi>
                </div>
                <p dir="auto" className="note-text">
                  {n.text}
                </p>
              </div>
            ))}
          </div>
        </section>
        <form
          className="panel stack"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          data-form="new-note"
        >
          <h2>{t('notes.new')}</h2>
          <Field label={t('notes.speaker')} name="speakerKind" m={m}>
            {(p) => <SpeakerPicker ref={speakerRef} id={p.id} speakers={speakers} delegations={delegations.data ?? []} value={speaker} onChange={(s) => (setSpeaker(s), textRef.current?.focus())} />}
          </Field>
          <Field label={t('notes.text')} name="text" m={m}>
            {(p) => <textarea {...p} ref={textRef} rows={6} dir="auto" value={text} onChange={(e) => changeText(e.target.value)} />}
          </Field>
          <FormError m={m} fields={['speakerKind', 'speakerDelegationId', 'text']} />
          <div className="row">
            <button type="submit" className="primary" disabled={m.busy || !current}>
              {t('notes.save')}
            </button>
            <span className={`autosave${save.kind === 'saving' ? ' autosave--saving' : save.kind === 'error' ? ' autosave--error' : ''}`} role="status" data-autosave={save.kind}>
              {save.kind === 'saved' ? t('notes.savedAt', { time: time(save.at) }) : save.kind === 'idle' ? '' : t(`notes.state.${save.kind}`)}
            </span>
          </div>
        </form>
      </div>
    </div>
  );
}
