// Live minute-taking: the current agenda item (kept in the address, so a reload comes back to it), the
// interventions so far, and quick entry of the next one (speaker picker, text, Ctrl+Enter to save).
// Drafts are kept locally as they are typed, with their speaker, so nothing is lost; a restored draft
// says so. A saved intervention can be edited or deleted until the minutes are approved (the audit trail
// keeps the before and after); a locked session shows its notes read-only.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { SpeakerPicker, speakersOf, type Speaker } from '../components/SpeakerPicker';
import { ConfirmButton } from '../components/ConfirmButton';
import { useUnsavedGuard } from '../components/unsaved';
import type { TabProps } from './SessionWorkspace';
import { agendaTitle } from './AgendaTab';
import type { Note } from '../../src/notes/types';

type SaveState = { kind: 'idle' } | { kind: 'draft' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error' };

interface Draft {
  text: string;
  speaker: Speaker | null;
}

function readDraft(key: string): Draft {
  const raw = localStorage.getItem(key);
  if (!raw) return { text: '', speaker: null };
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d === 'object' && d && typeof d.text === 'string') return { text: d.text, speaker: d.speaker ?? null };
  } catch {
    // A draft from before speakers were kept: plain text.
  }
  return { text: raw, speaker: null };
}

export function NotesTab({ session, item, setItem }: TabProps) {
  const { t, lang, time } = useI18n();
  const zone = session.timeZone;
  const locked = !!session.lockedAt;
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const delegations = useQuery('delegations.list', { sessionId: session.id });
  const items = agenda.data ?? [];
  const [localItem, setLocalItem] = useState<string | null>(null);
  const itemId = item ?? localItem;
  const chooseItem = (id: string) => (setItem ? setItem(id) : setLocalItem(id));
  const current = items.find((i) => i.id === itemId) ?? items.find((i) => i.status === 'pending') ?? items[0];
  const notes = useQuery('notes.list', current ? { agendaItemId: current.id } : null);
  const speakers = speakersOf(delegations.data ?? [], lang, t);
  const [speaker, setSpeaker] = useState<Speaker | null>(null);
  const draftKey = `council.draft.${current?.id ?? ''}`;
  const [text, setText] = useState('');
  const [restored, setRestored] = useState(false);
  const [editing, setEditing] = useState<Note | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const m = useMutation();
  const del = useMutation();
  const speakerRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useUnsavedGuard(text.trim().length > 0);

  // Another item: its own draft (text and speaker), or a clean form. The speaker never carries over.
  useEffect(() => {
    const d = readDraft(draftKey);
    setText(d.text);
    setSpeaker(d.speaker);
    setRestored(d.text.trim().length > 0);
    setEditing(null);
  }, [draftKey]);

  const keepDraft = (next: Draft) => {
    if (editing) return;
    if (next.text) localStorage.setItem(draftKey, JSON.stringify(next));
    else localStorage.removeItem(draftKey);
  };
  const changeText = (value: string) => {
    setText(value);
    keepDraft({ text: value, speaker });
    setSave({ kind: value ? 'draft' : 'idle' });
  };
  const changeSpeaker = (s: Speaker | null) => {
    setSpeaker(s);
    keepDraft({ text, speaker: s });
    if (s) textRef.current?.focus();
  };

  const speakerOfNote = (n: Note): Speaker | null => {
    if (n.speakerKind === 'secretariat' && n.speakerName === t('notes.dg')) return speakers.find((s) => s.name === n.speakerName) ?? null;
    return speakers.find((s) => s.kind === n.speakerKind && (s.kind === 'chair' || s.kind === 'secretariat' ? !s.name : s.delegationId === n.speakerDelegationId)) ?? null;
  };
  const startEdit = (n: Note) => {
    setEditing(n);
    setText(n.text);
    setSpeaker(speakerOfNote(n));
    setRestored(false);
    m.clear();
    textRef.current?.focus();
  };
  const stopEdit = () => {
    setEditing(null);
    const d = readDraft(draftKey);
    setText(d.text);
    setSpeaker(d.speaker);
  };

  const submit = async () => {
    if (!current || locked) return;
    setSave({ kind: 'saving' });
    const fields = {
      speakerKind: speaker?.kind ?? ('' as 'chair'),
      speakerDelegationId: speaker?.delegationId ?? null,
      speakerName: speaker?.name ?? '',
      text,
    };
    const note = editing ? await m.run('notes.edit', { id: editing.id, ...fields }) : await m.run('notes.add', { agendaItemId: current.id, ...fields, language: lang });
    if (note) {
      if (!editing) localStorage.removeItem(draftKey);
      setEditing(null);
      setText('');
      setRestored(false);
      setSave({ kind: 'saved', at: note.at });
      notes.reload();
      speakerRef.current?.focus();
    } else setSave({ kind: 'error' });
  };
  const remove = async (n: Note) => {
    if ((await del.run('notes.delete', { id: n.id })) !== null) {
      if (editing?.id === n.id) stopEdit();
      notes.reload();
    }
  };

  const moveItem = (step: number) => {
    if (!current) return;
    const i = items.findIndex((x) => x.id === current.id);
    const next = items[i + step];
    if (next) chooseItem(next.id);
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

  const speakerName = (n: Note) => {
    if (n.speakerKind === 'chair') return t('notes.chair');
    if (n.speakerKind === 'secretariat') return n.speakerName || t('notes.secretariat');
    const d = delegations.data?.find((x) => x.id === n.speakerDelegationId);
    return (d ? d.name[lang] : '') + (n.speakerName ? ` (${n.speakerName})` : '');
  };

  return (
    <div>
      <div className="panel row">
        <label className="grow">
          <span className="muted">{t('notes.currentItem')}</span>{' '}
          <select value={current?.id ?? ''} onChange={(e) => chooseItem(e.target.value)} data-field="current-item">
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
              <div className={`note${editing?.id === n.id ? ' note--editing' : ''}`} key={n.id} data-note={n.id}>
                <div>
                  <span className="muted">{time(n.at, zone)}</span> <bdi className="who">{speakerName(n)}</bdi>
                  {locked ? null : (
                    <span className="note-actions">
                      <button type="button" className="small" onClick={() => startEdit(n)} data-action="edit-note">
                        {t('common.edit')}
                      </button>
                      <ConfirmButton className="small danger" label={t('common.delete')} warning={t('notes.deleteConfirm')} onConfirm={() => void remove(n)} action="delete-note" />
                    </span>
                  )}
                </div>
                <p dir="auto" className="note-text">
                  {n.text}
                </p>
              </div>
            ))}
          </div>
          <FormError m={del} fields={[]} />
        </section>
        <form
          className="panel stack"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          data-form="new-note"
          data-editing={editing ? 'yes' : 'no'}
        >
          <h2>{editing ? t('notes.editNote') : t('notes.new')}</h2>
          {restored && !editing ? (
            <div className="banner banner--info" role="status" data-draft-restored>
              {t('notes.draftRestored')}
            </div>
          ) : null}
          <fieldset disabled={locked} className="stack plain-fieldset">
            <Field label={t('notes.speaker')} name="speakerKind" m={m}>
              {(p) => <SpeakerPicker ref={speakerRef} id={p.id} speakers={speakers} delegations={delegations.data ?? []} value={speaker} onChange={changeSpeaker} disabled={locked} />}
            </Field>
            <Field label={t('notes.text')} name="text" m={m}>
              {(p) => <textarea {...p} ref={textRef} rows={6} dir="auto" value={text} onChange={(e) => changeText(e.target.value)} />}
            </Field>
          </fieldset>
          <FormError m={m} fields={['speakerKind', 'speakerDelegationId', 'text']} labels={{ speakerName: t('notes.speaker') }} />
          <div className="row">
            <button type="submit" className="primary" disabled={m.busy || !current || locked}>
              {editing ? t('common.save') : t('notes.save')}
            </button>
            {editing ? (
              <button type="button" onClick={stopEdit}>
                {t('common.cancel')}
              </button>
            ) : null}
            <span className={`autosave${save.kind === 'saving' ? ' autosave--saving' : save.kind === 'error' ? ' autosave--error' : ''}`} role="status" data-autosave={save.kind}>
              {save.kind === 'saved' ? t('notes.savedAt', { time: time(save.at, zone) }) : save.kind === 'idle' ? '' : t(`notes.state.${save.kind}`)}
            </span>
          </div>
        </form>
      </div>
    </div>
  );
}
