// When a turn ends, the note of that intervention opens with the speaker filled in and the time the
// floor was given, so the notes follow the floor. Saved through notes.add like any note.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useMutation } from '../../components/useApi';
import { FormError } from '../../components/Field';
import type { SpeakerEntry } from '../../../src/speakers/types';

export function speakerName(e: SpeakerEntry, lang: 'ar' | 'en' | 'fr', t: (k: 'room.kind.secretariat' | 'room.kind.director_general') => string): string {
  if (e.kind === 'secretariat' || e.kind === 'director_general') return e.name || t(`room.kind.${e.kind}`);
  return e.label[lang] || e.label.ar;
}

export function NoteAfterTurn(props: { entry: SpeakerEntry; done: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const m = useMutation();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), [props.entry.id]);
  const e = props.entry;
  const name = speakerName(e, lang, t);
  const save = async () => {
    const note = await m.run('notes.add', {
      agendaItemId: e.agendaItemId,
      ...(e.startedAt ? { at: e.startedAt } : {}),
      speakerKind: e.kind === 'director_general' ? 'secretariat' : e.kind,
      speakerDelegationId: e.delegationId,
      speakerName: e.kind === 'director_general' ? e.name || t('room.kind.director_general') : e.name,
      text,
      language: lang,
    });
    if (note) props.done(true);
  };
  return (
    <section className="panel room-note" aria-labelledby="room-note-h" data-panel="room-note">
      <h3 id="room-note-h">{t('room.noteFor', { name })}</h3>
      <textarea
        ref={ref}
        rows={4}
        value={text}
        aria-labelledby="room-note-h"
        data-field="room-note"
        onChange={(ev) => setText(ev.target.value)}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter' && ev.ctrlKey) {
            ev.preventDefault();
            void save();
          } else if (ev.key === 'Escape') props.done(false);
        }}
      />
      <FormError m={m} fields={['text', 'agendaItemId', 'speakerDelegationId']} />
      <div className="row">
        <button type="button" className="primary" disabled={m.busy || !text.trim()} onClick={() => void save()}>
          {t('notes.save')}
        </button>
        <button type="button" onClick={() => props.done(false)}>
          {t('room.noteLater')}
        </button>
      </div>
    </section>
  );
}
