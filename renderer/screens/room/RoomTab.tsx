// The room: the speakers' list of the item on screen, driven from the keyboard. Type a state's name and
// Enter (Arabic folded as in search); ↑/↓ between requests, Alt+↑/↓ reorder, Home puts first, Delete
// removes, Enter gives the floor; F8 gives it to the next, F9 ends the turn and opens its note. Every
// action is stored at once (one call, one transaction); the hall display follows through the core.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../api';
import { useMutation, useQuery } from '../../components/useApi';
import { FormError } from '../../components/Field';
import type { TabProps } from '../SessionWorkspace';
import type { SpeakerEntry, SpeakersList } from '../../../src/speakers/types';
import { candidatesOf, matchCandidates, type Candidate } from './speaker-candidates';
import { NoteAfterTurn, speakerName } from './NoteAfterTurn';
import { Timer } from './Timer';
import { HallOpener } from './HallOpener';
import './room.css';

export function RoomTab({ session }: TabProps) {
  const { t, lang } = useI18n();
  const { data: agenda } = useQuery('agenda.list', { sessionId: session.id });
  const { data: delegations } = useQuery('delegations.list', { sessionId: session.id });
  const [itemId, setItemId] = useState<string | null>(null);
  const [list, setList] = useState<SpeakersList | null>(null);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [pointOfOrder, setPointOfOrder] = useState(false);
  const [noteFor, setNoteFor] = useState<SpeakerEntry | null>(null);
  const m = useMutation();
  const input = useRef<HTMLInputElement>(null);
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const items = agenda ?? [];
  const current = itemId ?? items.find((i) => i.status === 'pending')?.id ?? items[0]?.id ?? null;
  useEffect(() => {
    if (!current) return;
    void api.call('speakers.list', { agendaItemId: current }).then((r) => r.ok && setList(r.value));
    // The hall shows the item the secretary has open here.
    void api.call('room.show', { sessionId: session.id, agendaItemId: current });
  }, [current, session.id]);
  useEffect(() => {
    if (focusRow !== null && !noteFor) rows.current[focusRow]?.focus();
  }, [focusRow, list, noteFor]);

  const fixed = useMemo(
    () => ({
      secretariat: { ar: 'الأمانة العامة', en: 'The Secretariat', fr: 'Le Secrétariat' },
      director_general: { ar: 'المدير العام', en: 'The Director-General', fr: 'Le Directeur général' },
    }),
    [],
  );
  const candidates = useMemo(() => candidatesOf(delegations ?? [], fixed), [delegations, fixed]);
  const matches = matchCandidates(candidates, typed).slice(0, 8);

  const apply = useCallback(async (p: Promise<SpeakersList | null>) => {
    const next = await p;
    if (next) setList(next);
    return next;
  }, []);
  const add = async (c: Candidate) => {
    if (!current) return;
    const next = await apply(m.run('speakers.add', { agendaItemId: current, kind: c.kind, delegationId: c.delegationId, pointOfOrder }));
    if (next) {
      setTyped('');
      setActive(0);
      setPointOfOrder(false);
    }
  };
  const next = useCallback(async () => {
    if (!current) return;
    await apply(m.run('speakers.giveFloor', { agendaItemId: current }));
  }, [current, apply, m]);
  const end = useCallback(async () => {
    const speaking = list?.speaking;
    if (!speaking) return;
    // The focus goes to the note, not back to the list.
    setFocusRow(null);
    const ended = await m.run('speakers.endTurn', { id: speaking.id });
    if (ended) {
      setNoteFor(ended);
      if (current) await apply(m.run('speakers.list', { agendaItemId: current }));
    }
  }, [list, m, current, apply]);

  // F8 / F9 anywhere in the tab: the chair's rhythm should not depend on where the focus is.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'F8') {
        e.preventDefault();
        void next();
      } else if (e.key === 'F9') {
        e.preventDefault();
        void end();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, end]);

  const waiting = list?.waiting ?? [];
  const onRowKey = async (e: KeyboardEvent, i: number) => {
    const w = waiting[i];
    if (!w) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = i + (e.key === 'ArrowDown' ? 1 : -1);
      if (e.altKey) {
        if (to < 0 || to >= waiting.length) return;
        if (await apply(m.run('speakers.move', { id: w.id, position: to + 1 }))) setFocusRow(to);
      } else if (to < 0) input.current?.focus();
      else setFocusRow(Math.min(to, waiting.length - 1));
    } else if (e.key === 'Home') {
      e.preventDefault();
      if (await apply(m.run('speakers.putFirst', { id: w.id }))) setFocusRow(0);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      if (await apply(m.run('speakers.remove', { id: w.id }))) setFocusRow(waiting.length > 1 ? Math.min(i, waiting.length - 2) : null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      await apply(m.run('speakers.giveFloor', { id: w.id }));
    }
  };

  if (agenda && !items.length) return <p className="muted">{t('room.noItems')}</p>;
  const label = (e: SpeakerEntry) => speakerName(e, lang, t);
  const speaking = list?.speaking ?? null;

  return (
    <div className="room" data-room>
      <div className="row">
        <label className="grow">
          {t('room.item')}
          <select value={current ?? ''} onChange={(e) => setItemId(e.target.value)} data-field="room-item">
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number}. {i.title[lang] || i.title.ar}
              </option>
            ))}
          </select>
        </label>
        <HallOpener session={session} />
      </div>
      {session.lockedAt ? (
        <p className="banner banner--info" data-locked-note>
          {t('locked.readOnly')}
        </p>
      ) : (
        <p className="muted room-keys">{t('room.keysHint')}</p>
      )}
      {/* Approved minutes: the lists are shown as they were; a disabled fieldset leaves nothing that writes. */}
      <fieldset disabled={session.lockedAt !== null} className="plain-fieldset">
      <div className="room-grid">
        <section className="panel" aria-labelledby="room-wait-h">
          <h2 id="room-wait-h">{t('room.waiting')}</h2>
          <div className="row">
            <div className="grow speaker-picker">
              <input
                ref={input}
                role="combobox"
                aria-expanded={matches.length > 0}
                aria-controls="room-options"
                aria-label={t('room.add')}
                placeholder={t('room.addPlaceholder')}
                value={typed}
                data-field="room-add"
                onChange={(e) => {
                  setTyped(e.target.value);
                  setActive(0);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && matches[active]) {
                    e.preventDefault();
                    void add(matches[active]);
                  } else if (e.key === 'ArrowDown' && matches.length) {
                    e.preventDefault();
                    setActive((a) => Math.min(a + 1, matches.length - 1));
                  } else if (e.key === 'ArrowDown' && waiting.length) {
                    e.preventDefault();
                    setFocusRow(0);
                  } else if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    setActive((a) => Math.max(a - 1, 0));
                  } else if (e.key === 'Escape') setTyped('');
                }}
              />
              {matches.length ? (
                <ul id="room-options" role="listbox" className="panel room-options">
                  {matches.map((c, i) => (
                    <li key={`${c.kind}-${c.delegationId}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => void add(c)}>
                      <bdi>{c.label[lang] || c.label.ar}</bdi> {c.code ? <small dir="ltr" data-code={c.code}>{c.code}</small> : null} <span className="muted">· {t(`room.kind.${c.kind}`)}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <label className="room-poo">
              <input type="checkbox" checked={pointOfOrder} onChange={(e) => setPointOfOrder(e.target.checked)} data-field="room-point-of-order" />
              {t('room.pointOfOrder')}
            </label>
          </div>
          <FormError m={m} fields={[]} />
          {waiting.length ? (
            <ol className="room-queue" aria-label={t('room.waiting')}>
              {waiting.map((w, i) => (
                <li
                  key={w.id}
                  tabIndex={0}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  onKeyDown={(e) => void onRowKey(e, i)}
                  onFocus={() => setFocusRow(i)}
                  data-speaker={label(w)}
                  data-status="waiting"
                >
                  <span className="grow">
                    {label(w)}
                    {w.round > 1 ? <span className="badge">{t('room.round', { n: w.round })}</span> : null}
                    {w.pointOfOrder ? <span className="badge badge--warn">{t('room.pointOfOrder')}</span> : null}
                  </span>
                  <button type="button" tabIndex={-1} onClick={() => void apply(m.run('speakers.giveFloor', { id: w.id }))}>{t('room.give')}</button>
                  <button type="button" tabIndex={-1} onClick={() => void apply(m.run('speakers.putFirst', { id: w.id }))}>{t('room.first')}</button>
                  <button type="button" tabIndex={-1} onClick={() => void apply(m.run('speakers.remove', { id: w.id }))} aria-label={`${t('room.remove')} ${label(w)}`}>×</button>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t('room.waitingNone')}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="room-floor-h">
          <h2 id="room-floor-h">{t('room.speaking')}</h2>
          {speaking ? (
            <div className="room-speaking" data-speaking={label(speaking)}>
              <strong>{label(speaking)}</strong>
              {speaking.startedAt ? <Timer startedAt={speaking.startedAt} limitSeconds={speaking.limitSeconds} className="room-timer" /> : null}
            </div>
          ) : (
            <p className="muted">{t('room.nobody')}</p>
          )}
          <div className="row">
            <button type="button" className="primary" onClick={() => void next()} disabled={!waiting.length} data-action="next-speaker">{t('room.next')}</button>
            <button type="button" onClick={() => void end()} disabled={!speaking} data-action="end-turn">{t('room.end')}</button>
          </div>
          {noteFor ? <NoteAfterTurn entry={noteFor} done={() => setNoteFor(null)} /> : null}
          <h3>{t('room.spoken')}</h3>
          <ol className="room-spoken">
            {(list?.spoken ?? []).map((s) => (
              <li key={s.id} data-status="spoken">
                {label(s)} {s.round > 1 ? <span className="badge">{t('room.round', { n: s.round })}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      </fieldset>
    </div>
  );
}
