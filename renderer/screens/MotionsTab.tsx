// Motions and roll-call votes: propose a motion on an agenda item, decide it by consensus or by a
// roll-call vote (states called in protocol order), take it off the table. The vote panel shows the
// quorum, a live tally, the rule and the result it would give; a refusal for lack of quorum is shown
// plainly, as such.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { useCurrentSitting } from '../components/useSittings';
import type { Motion } from '../../src/motions/types';
import type { TabProps } from './SessionWorkspace';
import { RollCallPanel } from './RollCallPanel';

export function MotionsTab({ session }: TabProps) {
  const { t, lang } = useI18n();
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const motions = useQuery('motions.list', { sessionId: session.id });
  const votes = useQuery('votes.list', { sessionId: session.id });
  const delegations = useQuery('delegations.list', { sessionId: session.id });
  const current = useCurrentSitting(session.id);
  const [voting, setVoting] = useState<string | null>(null);
  const [amending, setAmending] = useState<Motion | null>(null);
  const m = useMutation();
  const items = agenda.data ?? [];
  const reload = () => {
    motions.reload();
    votes.reload();
  };
  const act = async (motion: Motion, action: 'motions.decideByConsensus' | 'motions.withdraw' | 'motions.defer' | 'motions.refer') => {
    if (await m.run(action, { id: motion.id })) reload();
  };
  const votingMotion = motions.data?.find((x) => x.id === voting);

  return (
    <div className="cols" style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.1fr)' }}>
      <div>
        <section className="panel" aria-labelledby="motions-h">
          <h2 id="motions-h">{t('motions.title')}</h2>
          {(motions.data ?? []).length === 0 ? <p className="muted">{t('motions.none')}</p> : null}
          {(motions.data ?? []).map((mo) => {
            const item = items.find((i) => i.id === mo.agendaItemId);
            const vote = votes.data?.find((v) => v.motionId === mo.id);
            return (
              <div className="list-item" key={mo.id} style={{ flexDirection: 'column', alignItems: 'stretch' }} data-motion={mo.text.ar.slice(0, 40)} data-status={mo.status}>
                <div className="row">
                  <span className="muted">{item ? `${item.number}.` : ''}</span>
                  <span className="grow" dir="auto">
                    {mo.parentMotionId ? <span className="badge">{t('motions.amendment')}</span> : null} {mo.text[lang] || mo.text.ar}
                  </span>
                  <span className={`badge${mo.status === 'rejected' ? ' badge--bad' : ''}`}>{t(`motions.status.${mo.status}`)}</span>
                </div>
                <div className="muted">{t(`rule.majority.${mo.ruleInForce}`)}</div>
                {vote ? (
                  <div className={`banner ${vote.outcome === 'adopted' ? 'banner--ok' : 'banner--bad'}`} data-vote-outcome={vote.outcome}>
                    {vote.phrase[lang]}
                    {vote.inquorate ? ` — ${t('votes.inquorate')}` : ''}
                  </div>
                ) : null}
                {mo.status === 'proposed' ? (
                  <div className="row">
                    <button type="button" className="small primary" onClick={() => setVoting(mo.id)} data-action="start-vote">
                      {t('motions.rollCall')}
                    </button>
                    <button type="button" className="small" onClick={() => void act(mo, 'motions.decideByConsensus')}>
                      {t('motions.consensus')}
                    </button>
                    <button type="button" className="small" onClick={() => setAmending(mo)}>
                      {t('motions.amend')}
                    </button>
                    <button type="button" className="small" onClick={() => void act(mo, 'motions.defer')}>
                      {t('motions.defer')}
                    </button>
                    <button type="button" className="small" onClick={() => void act(mo, 'motions.refer')}>
                      {t('motions.refer')}
                    </button>
                    <button type="button" className="small danger" onClick={() => void act(mo, 'motions.withdraw')}>
                      {t('motions.withdraw')}
                    </button>
                  </div>
                ) : null}
              </div>
            );
          })}
          <FormError m={m} fields={[]} />
        </section>
        <ProposeMotionForm key={amending?.id ?? 'new'} amending={amending} cancelAmend={() => setAmending(null)} done={() => (setAmending(null), reload())} delegations={delegations.data ?? []} items={items} />
      </div>
      {votingMotion && current.sitting ? (
        <RollCallPanel
          key={votingMotion.id}
          session={session}
          motion={votingMotion}
          sitting={current.sitting}
          done={() => {
            reload();
          }}
          close={() => setVoting(null)}
        />
      ) : (
        <section className="panel">
          <p className="muted">{current.sitting ? t('votes.pickMotion') : t('attendance.noSitting')}</p>
        </section>
      )}
    </div>
  );
}

function ProposeMotionForm(props: {
  amending: Motion | null;
  cancelAmend: () => void;
  done: () => void;
  delegations: { id: string; name: { ar: string; en: string; fr: string } }[];
  items: { id: string; number: string; title: { ar: string; en: string; fr: string } }[];
}) {
  const { t, lang } = useI18n();
  const m = useMutation();
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState('');
  const [proposer, setProposer] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('motions.propose', {
      agendaItemId: props.amending?.agendaItemId ?? (itemId || (props.items[0]?.id ?? '')),
      parentMotionId: props.amending?.id ?? null,
      text: { ar: text },
      proposerDelegationId: proposer || null,
    });
    if (ok) {
      setText('');
      props.done();
    }
  };
  return (
    <form className="panel stack" onSubmit={submit} data-form="new-motion">
      <h2>{props.amending ? t('motions.amendmentTo') : t('motions.propose')}</h2>
      {props.amending ? (
        <div className="banner banner--info">
          <bdi>{props.amending.text[lang] || props.amending.text.ar}</bdi>{' '}
          <button type="button" className="small" onClick={props.cancelAmend}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      <Field label={t('motions.item')} name="agendaItemId" m={m}>
        {(p) => (
          <select {...p} value={itemId || (props.items[0]?.id ?? '')} onChange={(e) => setItemId(e.target.value)}>
            {props.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number}. {i.title[lang] || i.title.ar}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('motions.text')} name="text.ar" m={m}>
        {(p) => <textarea {...p} rows={3} dir="auto" value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label={t('motions.proposer')} name="proposerDelegationId" m={m}>
        {(p) => (
          <select {...p} value={proposer} onChange={(e) => setProposer(e.target.value)}>
            <option value="">{t('notes.chair')}</option>
            {props.delegations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError m={m} fields={['agendaItemId', 'text', 'proposerDelegationId', 'parentMotionId']} />
      <button type="submit" className="primary" disabled={m.busy}>
        {t('motions.proposeButton')}
      </button>
    </form>
  );
}
