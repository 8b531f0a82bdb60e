// A session's workspace: its title and state, then one tab per part of the work, in the order a
// session runs. Tabs follow the WAI-ARIA pattern (arrow keys move between them).
import { useRef, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { useQuery } from '../components/useApi';
import { DetailsTab } from './DetailsTab';
import { AttendanceTab } from './AttendanceTab';
import { AgendaTab } from './AgendaTab';
import { NotesTab } from './NotesTab';
import { MotionsTab } from './MotionsTab';
import { DecisionsTab } from './DecisionsTab';
import { MinutesTab } from './MinutesTab';
import { RoomTab } from './room/RoomTab';
import { TranslationsTab } from './TranslationsTab';
import type { CouncilSession } from '../../src/sessions/types';
import { QueryError } from '../components/Field';
import { SessionPhaseBadge } from '../components/SessionPhaseBadge';

export const workspaceTabs = ['details', 'attendance', 'agenda', 'room', 'notes', 'motions', 'decisions', 'translations', 'minutes'] as const;
export type WorkspaceTab = (typeof workspaceTabs)[number];

export interface TabProps {
  session: CouncilSession;
  reloadSession: () => void;
  /** The agenda item in the address (notes), and a way to change it. */
  item?: string | undefined;
  setItem?: (id: string) => void;
}

export function SessionWorkspace(props: { sessionId: string; tab: WorkspaceTab; setTab: (t: WorkspaceTab) => void; back: () => void; item?: string | undefined; setItem?: (id: string) => void }) {
  const { t, lang, date, comma } = useI18n();
  const { data: session, error, reload } = useQuery('sessions.get', { id: props.sessionId });
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  if (error) return <QueryError error={error} className="banner banner--bad" />;
  if (!session) return <p className="muted">{t('common.loading')}</p>;

  const onKey = (e: KeyboardEvent, i: number) => {
    const forward = lang === 'ar' ? 'ArrowLeft' : 'ArrowRight';
    const backward = lang === 'ar' ? 'ArrowRight' : 'ArrowLeft';
    let next = -1;
    if (e.key === forward) next = (i + 1) % workspaceTabs.length;
    else if (e.key === backward) next = (i - 1 + workspaceTabs.length) % workspaceTabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = workspaceTabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    props.setTab(workspaceTabs[next]!);
    tabRefs.current[next]?.focus();
  };
  const tabProps: TabProps = { session, reloadSession: reload, item: props.item, ...(props.setItem ? { setItem: props.setItem } : {}) };

  return (
    <div>
      <div className="session-head">
        <button type="button" onClick={props.back} aria-label={t('common.back')}>
          {lang === 'ar' ? '→' : '←'}
        </button>
        <div className="grow">
          <h1 style={{ marginBlockEnd: 2 }}>{session.title[lang]}</h1>
          <div className="muted">
            {session.venue.city[lang]}{comma}{session.venue.country[lang]} — {date(session.startDate)}
            {session.endDate !== session.startDate ? ` – ${date(session.endDate)}` : ''}
          </div>
        </div>
        <SessionPhaseBadge session={session} live />
      </div>
      {session.unverifiedCopy ? (
        <p className="banner banner--bad" role="alert" data-unverified-copy-banner>
          {t('session.unverifiedCopy.banner', { reason: t(`session.unverifiedCopy.reason.${session.unverifiedCopy.reason}`) })}
        </p>
      ) : null}
      <div role="tablist" className="tabs" aria-label={t('workspace.tabs')}>
        {workspaceTabs.map((tab, i) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-selected={props.tab === tab}
            aria-controls={`panel-${tab}`}
            tabIndex={props.tab === tab ? 0 : -1}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            onClick={() => props.setTab(tab)}
            onKeyDown={(e) => onKey(e, i)}
            data-tab={tab}
          >
            {t(`tab.${tab}` as MessageKey)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${props.tab}`} aria-labelledby={`tab-${props.tab}`}>
        {props.tab === 'details' ? <DetailsTab {...tabProps} /> : null}
        {props.tab === 'attendance' ? <AttendanceTab {...tabProps} /> : null}
        {props.tab === 'agenda' ? <AgendaTab {...tabProps} /> : null}
        {props.tab === 'room' ? <RoomTab {...tabProps} /> : null}
        {props.tab === 'notes' ? <NotesTab {...tabProps} /> : null}
        {props.tab === 'motions' ? <MotionsTab {...tabProps} /> : null}
        {props.tab === 'decisions' ? <DecisionsTab {...tabProps} /> : null}
        {props.tab === 'translations' ? <TranslationsTab {...tabProps} /> : null}
        {props.tab === 'minutes' ? <MinutesTab {...tabProps} /> : null}
      </section>
    </div>
  );
}
