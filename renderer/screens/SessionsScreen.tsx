// Sessions: the list (newest first), a form to create one, and a search across all sessions.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { DateInput } from '../components/DateInput';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { SearchPanel } from './SearchPanel';
import { TimeZoneField } from './TimeZoneField';
import { VenueFields } from './SessionVenueForm';
import { MemberStateSelect } from '../components/MemberStateSelect';
import { SessionPhaseBadge } from '../components/SessionPhaseBadge';
import { ExportSessionButton, ImportSessionPanel } from './SessionTransfer';

const emptyLocal = { ar: '', en: '', fr: '' };

export function SessionsScreen({
  open,
  startCreating = false,
  importRequest = 0,
  importHandled,
}: {
  open: (id: string) => void;
  startCreating?: boolean;
  /** > 0: the File menu asked to import a session (consumed with importHandled). */
  importRequest?: number;
  importHandled?: () => void;
}) {
  const { t, date, lang, comma } = useI18n();
  const sessions = useQuery('sessions.list', {});
  const [creating, setCreating] = useState(startCreating);
  const list = [...(sessions.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <div>
      <div className="session-head">
        <h1>{t('sessions.title')}</h1>
        <span className="spacer" />
        <ImportSessionPanel request={importRequest} handled={importHandled} imported={() => sessions.reload()} />
        <button type="button" className="primary" onClick={() => setCreating((c) => !c)} aria-expanded={creating} data-action="new-session">
          {t('sessions.new')}
        </button>
      </div>
      {creating ? (
        <CreateSessionForm
          onCreated={(id) => {
            setCreating(false);
            sessions.reload();
            open(id);
          }}
        />
      ) : null}
      <div className="cols">
        <section className="panel" aria-labelledby="sessions-list">
          <h2 id="sessions-list">{t('sessions.list')}</h2>
          {list.length === 0 ? <p className="muted">{t('sessions.none')}</p> : null}
          {list.map((s) => (
            <div className="list-item" key={s.id}>
              <div className="grow">
                <div className="title">{s.title[lang]}</div>
                <div className="muted">
                  {s.venue.city[lang]}{comma}{s.venue.country[lang]} — {date(s.startDate)}
                </div>
              </div>
              <SessionPhaseBadge session={s} />
              {s.unverifiedCopy ? (
                <span className="badge badge--warn" data-unverified-copy={s.number} title={t('session.unverifiedCopy.banner', { reason: t(`session.unverifiedCopy.reason.${s.unverifiedCopy.reason}`) })}>
                  {t('session.unverifiedCopy')}
                </span>
              ) : null}
              <ExportSessionButton sessionId={s.id} number={s.number} />
              <button type="button" onClick={() => open(s.id)} data-open-session={s.number}>
                {t('common.open')}
              </button>
            </div>
          ))}
        </section>
        <SearchPanel open={open} />
      </div>
    </div>
  );
}

function CreateSessionForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [kind, setKind] = useState<'ordinary' | 'extraordinary'>('ordinary');
  const [number, setNumber] = useState('');
  const [city, setCity] = useState(emptyLocal);
  const [country, setCountry] = useState(emptyLocal);
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [timeZone, setTimeZone] = useState('');
  // The chairing member state and the rapporteur: the minutes' opening sentence names them.
  const [chairStateId, setChair] = useState('');
  const [rapporteurStateId, setRapporteur] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const created = await m.run('sessions.create', {
      kind,
      number: number === '' ? Number.NaN : Number(number),
      venue: { city, country },
      startDate,
      endDate,
      ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
      chairStateId: chairStateId || null,
      rapporteurStateId: rapporteurStateId || null,
    });
    if (created) onCreated(created.id);
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-session-title" data-form="new-session">
      <h2 id="new-session-title">{t('sessions.new')}</h2>
      <div className="row">
        <Field label={t('session.kind')} name="kind" m={m}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="ordinary">{t('session.kind.ordinary')}</option>
              <option value="extraordinary">{t('session.kind.extraordinary')}</option>
            </select>
          )}
        </Field>
        <Field label={t('session.number')} name="number" m={m}>
          {(p) => <input {...p} inputMode="numeric" size={5} value={number} onChange={(e) => setNumber(e.target.value)} autoFocus />}
        </Field>
        <Field label={t('session.startDate')} name="startDate" m={m}>
          {(p) => <DateInput {...p} label={t('session.startDate')} value={startDate} onChange={setStart} />}
        </Field>
        <Field label={t('session.endDate')} name="endDate" m={m}>
          {(p) => <DateInput {...p} label={t('session.endDate')} value={endDate} onChange={setEnd} />}
        </Field>
        <TimeZoneField value={timeZone} onChange={setTimeZone} m={m} />
      </div>
      <div className="row">
        <MemberStateSelect label={t('session.chair')} name="chairStateId" value={chairStateId} onChange={setChair} m={m} />
        <MemberStateSelect label={t('session.rapporteur')} name="rapporteurStateId" value={rapporteurStateId} onChange={setRapporteur} m={m} />
      </div>
      <div className="cols-3" style={{ marginBlockStart: 8 }}>
        <VenueFields m={m} city={city} setCity={setCity} country={country} setCountry={setCountry} />
      </div>
      <FormError m={m} fields={['kind', 'number', 'startDate', 'endDate', 'timeZone', 'venue.city', 'venue.country', 'chairStateId', 'rapporteurStateId']} />
      <div className="row" style={{ marginBlockStart: 10 }}>
        <button type="submit" className="primary" disabled={m.busy}>
          {t('common.create')}
        </button>
      </div>
    </form>
  );
}
