// Details and sittings: the session's settings that matter while it runs (chair, rules, status, venue,
// dates, time zone) and its sittings (open one, close it), at the venue's time. A locked session shows them
// read-only, with the sentence saying why.
import { useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { venueClock, venueDay, venueTimeToIso, venueZone } from '../components/venue-time';
import type { TabProps } from './SessionWorkspace';
import { SessionVenueForm } from './SessionVenueForm';
import { DateInput, TimeInput } from '../components/DateInput';
import { MemberStateSelect } from '../components/MemberStateSelect';
import type { CouncilSession } from '../../src/sessions/types';
import { majorityRuleNames, quorumRuleNames } from '../../src/rules/rule-names';


export function DetailsTab({ session, reloadSession }: TabProps) {
  const { t } = useI18n();
  const m = useMutation();
  const locked = session.lockedAt !== null;
  type Patch = Partial<Pick<CouncilSession, 'quorumRule' | 'defaultMajorityRule' | 'chairCastingVote' | 'allowInquorateVotes'>> & {
    chairStateId?: string | null;
    rapporteurStateId?: string | null;
    status?: 'planned' | 'in_progress' | 'closed';
  };
  const setField = async (patch: Patch) => {
    const ok = patch.status
      ? await m.run('sessions.setStatus', { id: session.id, status: patch.status })
      : await m.run('sessions.update', { id: session.id, ...patch });
    if (ok) reloadSession();
  };
  return (
    <div className="cols">
      <section className="panel" aria-labelledby="details-h">
        <h2 id="details-h">{t('details.title')}</h2>
        {locked ? (
          <p className="banner banner--info" data-locked-note>
            {t('locked.readOnly')}
          </p>
        ) : null}
        <dl className="stack">
          <div>
            <dt className="muted">{t('session.memberCount')}</dt>
            <dd>{session.memberCount}</dd>
          </div>
        </dl>
        <div className="row">
          <MemberStateSelect label={t('session.chair')} name="chairStateId" value={session.chairStateId ?? ''} disabled={locked} onChange={(id) => void setField({ chairStateId: id || null })} m={m} />
          <MemberStateSelect
            label={t('session.rapporteur')}
            name="rapporteurStateId"
            value={session.rapporteurStateId ?? ''}
            disabled={locked}
            onChange={(id) => void setField({ rapporteurStateId: id || null })}
            m={m}
          />
          <Field label={t('session.status')} name="status" m={m}>
            {(p) => (
              <select {...p} value={session.status} disabled={locked} onChange={(e) => void setField({ status: e.target.value as 'planned' })}>
                {(['planned', 'in_progress', 'closed'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`session.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <h3>{t('details.rules')}</h3>
        <div className="row">
          <Field label={t('session.quorumRule')} name="quorumRule" m={m}>
            {(p) => (
              <select {...p} value={session.quorumRule} disabled={locked} onChange={(e) => void setField({ quorumRule: e.target.value as CouncilSession['quorumRule'] })}>
                {quorumRuleNames.map((r) => (
                  <option key={r} value={r}>
                    {t(`rule.quorum.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('session.majorityRule')} name="defaultMajorityRule" m={m}>
            {(p) => (
              <select
                {...p}
                value={session.defaultMajorityRule}
                disabled={locked}
                onChange={(e) => void setField({ defaultMajorityRule: e.target.value as CouncilSession['defaultMajorityRule'] })}
              >
                {majorityRuleNames.map((r) => (
                  <option key={r} value={r}>
                    {t(`rule.majority.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <label>
            <input type="checkbox" name="chairCastingVote" checked={session.chairCastingVote} disabled={locked} onChange={(e) => void setField({ chairCastingVote: e.target.checked })} />{' '}
            {t('settings.castingVote')}
          </label>
          <label>
            <input
              type="checkbox"
              name="allowInquorateVotes"
              checked={session.allowInquorateVotes}
              disabled={locked}
              onChange={(e) => void setField({ allowInquorateVotes: e.target.checked })}
            />{' '}
            {t('settings.inquorate')}
          </label>
        </div>
        <p className="hint">{t('details.rulesHint')}</p>
        <FormError m={m} fields={['chairStateId', 'rapporteurStateId', 'status', 'quorumRule', 'defaultMajorityRule']} />
        <SessionVenueForm key={session.updatedAt} session={session} saved={reloadSession} />
      </section>
      <SittingsPanel sessionId={session.id} timeZone={session.timeZone} locked={locked} />
    </div>
  );
}


function SittingsPanel({ sessionId, timeZone, locked }: { sessionId: string; timeZone: string; locked: boolean }) {
  const { t, dateTime } = useI18n();
  const sittings = useQuery('sittings.list', { sessionId });
  const m = useMutation();
  const zone = venueZone(timeZone);
  // The opening of a new sitting, typed as the venue's date and time (as the minutes print it).
  const [day, setDay] = useState(() => venueDay(new Date().toISOString(), zone));
  const [clock, setClock] = useState(() => venueClock(new Date().toISOString(), zone));
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    // What is not a date or a time goes as typed: the core refuses it on the field, in the UI's words.
    if (await m.run('sittings.create', { sessionId, startsAt: venueTimeToIso(day, clock, zone) || `${day}T${clock}` })) sittings.reload();
  };
  const end = async (id: string) => {
    if (await m.run('sittings.end', { id, endsAt: new Date().toISOString() })) sittings.reload();
  };
  return (
    <section className="panel" aria-labelledby="sittings-h">
      <h2 id="sittings-h">{t('sittings.title')}</h2>
      {(sittings.data ?? []).length === 0 ? <p className="muted">{t('sittings.none')}</p> : null}
      {(sittings.data ?? []).map((s) => (
        <div className="list-item" key={s.id} data-sitting={s.number}>
          <span className="title">{t('sittings.number', { n: s.number })}</span>
          <span className="grow muted">
            {dateTime(s.startsAt, timeZone)}
            {s.endsAt ? ` – ${dateTime(s.endsAt, timeZone)}` : ''}
          </span>
          {!s.endsAt && !locked ? (
            <ConfirmButton label={t('sittings.end')} warning={t('confirm.endSitting')} onConfirm={() => void end(s.id)} action="end-sitting" />
          ) : null}
        </div>
      ))}
      {locked ? null : (
      <form className="row" onSubmit={create} style={{ marginBlockStart: 10 }} data-form="new-sitting">
        <Field label={t('sittings.startsAt')} name="startsAt" m={m}>
          {(p) => <DateInput {...p} label={t('sittings.startsAt')} value={day} onChange={setDay} />}
        </Field>
        <Field label={t('sittings.time')} name="startsAtTime" m={m}>
          {(p) => <TimeInput {...p} label={t('sittings.time')} value={clock} onChange={setClock} />}
        </Field>
        <button type="submit" className="primary" disabled={m.busy}>
          {t('sittings.open')}
        </button>
        <span className="muted">{t('attendance.zone', { zone })}</span>
      </form>
      )}
      <FormError m={m} fields={['startsAt']} />
    </section>
  );
}
