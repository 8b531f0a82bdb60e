// The hall display: what everyone in the room reads, in large type and the session's language (or the
// one asked for): session and sitting, the item, who has the floor and the time left, who is next, the
// quorum; during a roll call the states as they are called and their votes; after it the result as the
// minutes will state it and the decision's number. No controls; never a note.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../api';
import type { HallState } from '../../../src/room/types';
import type { SpeakerEntry } from '../../../src/speakers/types';
import { speakerName } from './NoteAfterTurn';
import { Timer } from './Timer';
import './room.css';

/** The vote's phrase is a clause of the minutes' sentence; on its own it starts with a capital. */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function HallDisplay({ sessionId }: { sessionId: string }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<HallState | null>(null);
  const [skew, setSkew] = useState(0);
  useEffect(() => {
    const stop = api.subscribeHall?.(sessionId, (s) => {
      setSkew(Date.parse(s.at) - Date.now());
      setState(s);
      // For the bench and the stories: when the display last changed.
      document.documentElement.dataset.hallUpdated = String(performance.now());
    });
    return () => stop?.();
  }, [sessionId]);
  if (!state) return <main className="hall hall--loading">{t('hall.loading')}</main>;
  const pickText = (v: { ar: string; en: string; fr: string }) => v[lang] || v.ar || v.en || v.fr;
  const name = (e: SpeakerEntry) => speakerName(e, lang, t);
  const q = state.quorum;
  return (
    <main className="hall" data-hall>
      <header className="hall-head">
        <div className="hall-session">{pickText(state.session.title)}</div>
        {state.sitting ? <div className="hall-sitting">{t('hall.sitting', { n: state.sitting.number })}</div> : null}
        {q ? (
          <div className={`hall-quorum ${q.met ? 'hall-quorum--met' : 'hall-quorum--not'}`} data-quorum={q.met ? 'met' : 'not-met'}>
            {t(q.met ? 'hall.quorumMet' : 'hall.quorumNotMet', { present: q.present, members: q.memberCount, required: q.required })}
          </div>
        ) : null}
      </header>
      <section className="hall-item" data-hall-item>
        {state.item ? (
          <>
            <span className="hall-item-number">{t('hall.item', { n: state.item.number })}</span>
            <span className="hall-item-title">{pickText(state.item.title)}</span>
          </>
        ) : (
          <span className="hall-item-title">{t('hall.noItem')}</span>
        )}
      </section>
      {state.rollCall ? (
        <section className="hall-rollcall" data-hall-rollcall>
          <h2>{t('hall.rollCall')}</h2>
          {pickText(state.rollCall.motionText) ? <p className="hall-motion">{pickText(state.rollCall.motionText)}</p> : null}
          <ol className={`hall-roll${state.rollCall.entries.length > 14 ? ' hall-roll--many' : ''}`}>
            {state.rollCall.entries.map((e) => (
              <li key={e.memberStateId} className={e.choice ? `hall-choice--${e.choice}` : 'hall-choice--pending'} data-state={e.name.en} data-choice={e.choice ?? ''}>
                <span>{pickText(e.name)}</span>
                <strong>{e.choice ? t(`votes.${e.choice}`) : '…'}</strong>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <section className="hall-floor">
          <div className="hall-speaker" data-hall-speaker={state.speaking ? name(state.speaking) : ''}>
            {state.speaking ? (
              <>
                <div className="hall-label">{t('hall.speaking')}</div>
                <div className="hall-name">{name(state.speaking)}</div>
                {state.speaking.startedAt ? <Timer startedAt={state.speaking.startedAt} limitSeconds={state.speaking.limitSeconds} skewMs={skew} className="hall-timer" /> : null}
              </>
            ) : (
              <div className="hall-label">{t('hall.nobody')}</div>
            )}
          </div>
          <div className="hall-next">
            <div className="hall-label">{t('hall.next')}</div>
            <ol>
              {state.next.map((e) => (
                <li key={e.id} data-next={name(e)}>
                  {name(e)}
                </li>
              ))}
            </ol>
          </div>
        </section>
      )}
      {state.result && !state.rollCall ? (
        <section className="hall-result" data-hall-result>
          <div className="hall-label">{t('hall.result')}</div>
          <p>{sentence(pickText(state.result.phrase))}</p>
          {state.result.decisionNumber ? <p className="hall-decision">{t('hall.decision', { n: pickText(state.result.decisionNumber) })}</p> : null}
        </section>
      ) : null}
    </main>
  );
}
