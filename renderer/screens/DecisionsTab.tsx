// Decisions: numbered on adoption (the number is the core's, never typed), with their reservations,
// referrals upward and follow-up actions.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { instantIn, useCurrentSitting } from '../components/useSittings';
import type { Decision } from '../../src/decisions/types';
import type { Delegation } from '../../src/delegations/types';
import type { TabProps } from './SessionWorkspace';
import { agendaTitle } from './AgendaTab';
import { referredTo } from '../components/referralText';
import { DecisionActions } from './DecisionActions';

export function DecisionsTab({ session }: TabProps) {
  const { t, lang, dateTime, colon } = useI18n();
  const decisions = useQuery('decisions.list', { sessionId: session.id });
  const reservations = useQuery('reservations.list', { sessionId: session.id });
  const referrals = useQuery('referrals.list', { sessionId: session.id });
  const delegations = useQuery('delegations.list', { sessionId: session.id });
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const reload = () => {
    decisions.reload();
    reservations.reload();
    referrals.reload();
  };
  // Approved minutes: decisions, reservations and referrals are shown; nothing that writes is offered.
  const locked = session.lockedAt !== null;
  return (
    <div className="cols" style={{ gridTemplateColumns: 'minmax(0, 1.5fr) minmax(0, 1fr)' }}>
      <section className="panel" aria-labelledby="decisions-h">
        <h2 id="decisions-h">{t('decisions.title')}</h2>
        {(decisions.data ?? []).length === 0 ? <p className="muted">{t('decisions.none')}</p> : null}
        {(decisions.data ?? []).map((d) => {
          const item = agenda.data?.find((i) => i.id === d.agendaItemId);
          return (
            <article key={d.id} className="panel" data-decision={d.number.ar}>
              <div className="row">
                <strong className="grow" data-decision-number>
                  {d.number[lang] || d.number.ar}
                </strong>
                <span className="badge">{t(`decisions.by.${d.adoptedBy}`)}</span>
                <span className="muted">{dateTime(d.adoptedAt, session.timeZone)}</span>
              </div>
              {item ? <div className="muted">{item.number}. {agendaTitle(item, lang)}</div> : null}
              <p dir="auto">{d.text[lang] || d.text.ar}</p>
              {(reservations.data ?? [])
                .filter((r) => r.decisionId === d.id)
                .map((r) => (
                  <div key={r.id} className="banner banner--warn reservation" data-reservation={r.state.isoCode}>
                    {t('reservations.by', { state: r.state[lang] })}{colon}<bdi>{r.text}</bdi>
                  </div>
                ))}
              {(referrals.data ?? [])
                .filter((r) => r.decisionId === d.id)
                .map((r) => (
                  <div key={r.id} className="muted" data-referral={r.body}>
                    {referredTo(t, lang, r.body, r.body === 'other' ? r.bodyName : '')}
                    {r.note ? ` — ${r.note}` : ''}
                  </div>
                ))}
              {locked ? null : <DecisionExtras decision={d} delegations={delegations.data ?? []} done={reload} />}
              <DecisionActions decision={d} locked={locked} />
            </article>
          );
        })}
      </section>
      {locked ? (
        <p className="panel banner banner--info" data-locked-note>
          {t('locked.readOnly')}
        </p>
      ) : (
        <RecordDecisionForm session={session} done={reload} />
      )}
    </div>
  );
}

function DecisionExtras({ decision, delegations, done }: { decision: Decision; delegations: Delegation[]; done: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<'reservation' | 'referral' | null>(null);
  const m = useMutation();
  const members = delegations.filter((d) => d.kind === 'member' && d.memberStateId);
  const [stateId, setStateId] = useState('');
  const [text, setText] = useState('');
  const [body, setBody] = useState<'general_assembly' | 'ministerial_council' | 'other'>('general_assembly');
  const [bodyName, setBodyName] = useState('');
  const submitReservation = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('reservations.create', { decisionId: decision.id, memberStateId: stateId || (members[0]?.memberStateId ?? ''), text })) {
      setText('');
      setOpen(null);
      done();
    }
  };
  const submitReferral = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('referrals.create', { decisionId: decision.id, body, bodyName })) {
      setOpen(null);
      done();
    }
  };
  return (
    <div>
      <div className="row">
        <button type="button" className="small" aria-expanded={open === 'reservation'} onClick={() => (m.clear(), setOpen(open === 'reservation' ? null : 'reservation'))} data-action="add-reservation">
          {t('reservations.add')}
        </button>
        <button type="button" className="small" aria-expanded={open === 'referral'} onClick={() => (m.clear(), setOpen(open === 'referral' ? null : 'referral'))}>
          {t('referrals.add')}
        </button>
      </div>
      {open === 'reservation' ? (
        <form className="stack" onSubmit={submitReservation} style={{ marginBlockStart: 8 }} data-form="new-reservation">
          <Field label={t('reservations.state')} name="memberStateId" m={m}>
            {(p) => (
              <select {...p} value={stateId || (members[0]?.memberStateId ?? '')} onChange={(e) => setStateId(e.target.value)}>
                {members.map((d) => (
                  <option key={d.id} value={d.memberStateId!} data-iso={d.isoCode}>
                    {d.name[lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('reservations.text')} name="text" m={m}>
            {(p) => <textarea {...p} rows={2} dir="auto" value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <FormError m={m} fields={['memberStateId', 'text']} />
          <button type="submit" className="primary" disabled={m.busy}>
            {t('reservations.save')}
          </button>
        </form>
      ) : null}
      {open === 'referral' ? (
        <form className="row" onSubmit={submitReferral} style={{ marginBlockStart: 8 }}>
          <Field label={t('referrals.body')} name="body" m={m}>
            {(p) => (
              <select {...p} value={body} onChange={(e) => setBody(e.target.value as typeof body)}>
                {(['general_assembly', 'ministerial_council', 'other'] as const).map((b) => (
                  <option key={b} value={b}>
                    {t(`referrals.body.${b}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('referrals.bodyName')} name="bodyName" m={m} className="grow">
            {(p) => <input {...p} dir="auto" value={bodyName} onChange={(e) => setBodyName(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={m.busy}>
            {t('referrals.save')}
          </button>
          <FormError m={m} fields={['body', 'bodyName']} />
        </form>
      ) : null}
    </div>
  );
}

function RecordDecisionForm({ session, done }: { session: TabProps['session']; done: () => void }) {
  const { t, lang } = useI18n();
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const motions = useQuery('motions.list', { sessionId: session.id });
  const decisions = useQuery('decisions.list', { sessionId: session.id });
  const { sitting } = useCurrentSitting(session.id);
  const m = useMutation();
  const [itemId, setItemId] = useState('');
  const [motionId, setMotionId] = useState('');
  const [text, setText] = useState({ ar: '', en: '', fr: '' });
  const taken = new Set((decisions.data ?? []).map((d) => d.motionId));
  const adopted = (motions.data ?? []).filter((mo) => mo.status === 'adopted' && !taken.has(mo.id));
  const motion = adopted.find((mo) => mo.id === motionId);
  const items = agenda.data ?? [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('decisions.record', {
      agendaItemId: motion?.agendaItemId ?? (itemId || (items[0]?.id ?? '')),
      ...(motion ? { motionId: motion.id } : sitting ? { sittingId: sitting.id } : {}),
      adoptedAt: motion?.decidedAt ?? instantIn(sitting),
      text,
    });
    if (ok) {
      setText({ ar: '', en: '', fr: '' });
      setMotionId('');
      done();
      decisions.reload();
    }
  };
  const pickMotion = (id: string) => {
    setMotionId(id);
    const mo = adopted.find((x) => x.id === id);
    // A motion adopted as amended: its text as amended, when recorded, is the text adopted.
    const adoptedText = mo && mo.consolidatedText.ar ? mo.consolidatedText : mo?.text;
    if (adoptedText) setText({ ar: adoptedText.ar, en: adoptedText.en, fr: adoptedText.fr });
  };
  return (
    <form className="panel stack" onSubmit={submit} data-form="new-decision">
      <h2>{t('decisions.record')}</h2>
      <Field label={t('decisions.fromMotion')} name="motionId" m={m}>
        {(p) => (
          <select {...p} value={motionId} onChange={(e) => pickMotion(e.target.value)}>
            <option value="">{t('decisions.byConsensusNoMotion')}</option>
            {adopted.map((mo) => (
              <option key={mo.id} value={mo.id}>
                {(mo.text[lang] || mo.text.ar).slice(0, 80)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!motion ? (
        <Field label={t('motions.item')} name="agendaItemId" m={m}>
          {(p) => (
            <select {...p} value={itemId || (items[0]?.id ?? '')} onChange={(e) => setItemId(e.target.value)}>
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.number}. {agendaTitle(i, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {(['ar', 'en', 'fr'] as const).map((l) => (
        <Field key={l} label={t(`decisions.text.${l}`)} name={`text.${l}`} m={m}>
          {(p) => <textarea {...p} rows={l === 'ar' ? 4 : 2} lang={l} dir="auto" value={text[l]} onChange={(e) => setText({ ...text, [l]: e.target.value })} />}
        </Field>
      ))}
      <FormError m={m} fields={['motionId', 'agendaItemId', 'text']} />
      <button type="submit" className="primary" disabled={m.busy}>
        {t('decisions.recordButton')}
      </button>
    </form>
  );
}
