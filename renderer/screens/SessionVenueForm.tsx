// Where and when the session meets: its venue (city and country in Arabic, English and French), its dates
// and the venue's time zone (chosen from a list), correctable until the minutes are approved. The core
// refuses dates or a zone that would put a sitting already held outside the session (rules/calendar.ts),
// naming the field; a locked session shows them as text.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, type Mutation } from '../components/useApi';
import type { CouncilSession } from '../../src/sessions/types';
import { TimeZoneField } from './TimeZoneField';
import { DateInput } from '../components/DateInput';

const langs = ['ar', 'en', 'fr'] as const;

export function SessionVenueForm({ session, saved }: { session: CouncilSession; saved: () => void }) {
  const { t, lang, date, comma } = useI18n();
  const m = useMutation();
  const [city, setCity] = useState(session.venue.city);
  const [country, setCountry] = useState(session.venue.country);
  const [startDate, setStart] = useState(session.startDate);
  const [endDate, setEnd] = useState(session.endDate);
  const [zone, setZone] = useState(session.timeZone);
  if (session.lockedAt) {
    return (
      <div className="stack" data-venue-readonly>
        <h3>{t('details.venue')}</h3>
        <p>
          {session.venue.city[lang]}
          {comma}
          {session.venue.country[lang]} — {date(session.startDate)}
          {session.endDate !== session.startDate ? ` – ${date(session.endDate)}` : ''} — <bdi dir="ltr">{session.timeZone || t('session.timeZoneUnknown')}</bdi>
        </p>
      </div>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('sessions.update', { id: session.id, venue: { city, country }, startDate, endDate, timeZone: zone })) saved();
  };
  return (
    <form className="stack" onSubmit={submit} data-form="session-venue" aria-labelledby="venue-h">
      <h3 id="venue-h">{t('details.venue')}</h3>
      <div className="cols-3">
        <VenueFields m={m} city={city} setCity={setCity} country={country} setCountry={setCountry} />
      </div>
      <div className="row">
        <Field label={t('session.startDate')} name="startDate" m={m}>
          {(p) => <DateInput {...p} label={t('session.startDate')} value={startDate} onChange={setStart} />}
        </Field>
        <Field label={t('session.endDate')} name="endDate" m={m}>
          {(p) => <DateInput {...p} label={t('session.endDate')} value={endDate} onChange={setEnd} />}
        </Field>
        <TimeZoneField value={zone} onChange={setZone} m={m} />
      </div>
      <FormError m={m} fields={['venue', 'startDate', 'endDate', 'timeZone']} />
      <button type="submit" className="primary" disabled={m.busy} data-action="save-venue">
        {t('details.saveVenue')}
      </button>
    </form>
  );
}

type Local = { ar: string; en: string; fr: string };

/** The venue's city and country in the three languages (the new-session form and this one). */
export function VenueFields({ m, city, setCity, country, setCountry }: { m: Mutation; city: Local; setCity: (v: Local) => void; country: Local; setCountry: (v: Local) => void }) {
  const { t } = useI18n();
  return (
    <>
      {langs.map((l) => (
        <Field key={'c' + l} label={t(`session.city.${l}`)} name={`venue.city.${l}`} m={m}>
          {(p) => <input {...p} lang={l} dir="auto" value={city[l]} onChange={(e) => setCity({ ...city, [l]: e.target.value })} />}
        </Field>
      ))}
      {langs.map((l) => (
        <Field key={'k' + l} label={t(`session.country.${l}`)} name={`venue.country.${l}`} m={m}>
          {(p) => <input {...p} lang={l} dir="auto" value={country[l]} onChange={(e) => setCountry({ ...country, [l]: e.target.value })} />}
        </Field>
      ))}
    </>
  );
}
