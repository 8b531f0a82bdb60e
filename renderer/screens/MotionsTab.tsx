// Motions and roll-call votes: propose a motion on an agenda item, decide it by consensus or by a
// roll-call vote (states called in protocol order), take it off the table. The vote panel shows the
// quorum, a live tally, the rule and the result it would give; a refusal for lack of quorum is shown
// plainly, as such.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { instantIn, useCurrentSitting } from '../components/useSittings';
import { ConfirmButton } from '../components/ConfirmButton';
import { useChangeVersion } from '../components/changes';
import type { Motion } from '../../src/motions/types';
import type { TabProps } from './SessionWorkspace';
import { RollCallPanel } from './RollCallPanel';

export function MotionsTab({ session }: TabProps) {
  const { t, lang, colon } = useI18n();
  const locked = !!session.lockedAt;
  const agenda = useQuery('agenda.list', { sessionId: session.id });
  const motions = useQuery('motions.list', { sessionId: session.id });
  const votes = useQuery('votes.list', { sessionId: session.id });
  const delegations = useQuery('delegations.list', { sessionId: session.id });
  const current = useCurrentSitting(session.id);
  // The roll call in progress is stored: it comes back after a tab switch or a reload.
  const changes = useChangeVersion();
  const open = useQuery('votes.listOpen', { sessionId: session.id }, [changes]);
  const [hidden, setHidden] = useState<string | null>(null);
  const [amending, setAmending] = useState<Motion | null>(null);
  const m = useMutation();
  const items = agenda.data ?? [];
  const reload = () => {
    motions.reload();
    votes.reload();
    open.reload();
  };
  // The panel opens only when the vote may be taken: the core refuses (quorum, amendments undecided)
  // before a single name is called.
  const startVote = async (motion: Motion) => {
    if (!current.sitting) return;
    setHidden(null);
    if (await m.run('votes.open', { motionId: motion.id, sittingId: current.sitting.id, at: instantIn(current.sitting) })) open.reload();
  };
  const act = async (motion: Motion, action: 'motions.decideByConsensus' | 'motions.withdraw' | 'motions.defer' | 'motions.refer') => {
    if (await m.run(action, { id: motion.id })) reload();
  };
  const inProgress = open.data?.[0];
  const votingMotion = inProgress && inProgress.motionId !== hidden ? motions.data?.find((x) => x.id === inProgress.motionId) : undefined;
  const votingSitting = inProgress ? current.sittings.find((x) => x.id === inProgress.sittingId) : undefined;
  const quorumRefusal = m.error?.code === 'QUORUM_NOT_MET' ? m.error : null;

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
                {vote ? (
                  <details className="by-state" data-by-state>
                    <summary>{t('votes.byState')}</summary>
                    <ul className="by-state-list">
                      {vote.ballots.map((b) => (
                        <li key={b.memberStateId} data-state-choice={b.choice}>
                          <bdi>{b.name[lang]}</bdi>{colon}{t(`votes.${b.choice}`)}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {mo.status === 'proposed' && !locked ? (
                  <div className="row">
                    <button type="button" className="small primary" disabled={!!inProgress && inProgress.motionId !== mo.id} onClick={() => void startVote(mo)} data-action="start-vote">
                      {t('motions.rollCall')}
                    </button>
                    <ConfirmButton label={t('motions.consensus')} warning={t('confirm.consensus')} onConfirm={() => void act(mo, 'motions.decideByConsensus')} action="consensus" />
                    <button type="button" className="small" onClick={() => setAmending(mo)}>
                      {t('motions.amend')}
                    </button>
                    <ConfirmButton label={t('motions.defer')} warning={t('confirm.defer')} onConfirm={() => void act(mo, 'motions.defer')} action="defer" />
                    <ConfirmButton label={t('motions.refer')} warning={t('confirm.refer')} onConfirm={() => void act(mo, 'motions.refer')} action="refer" />
                    <ConfirmButton className="small danger" label={t('motions.withdraw')} warning={t('confirm.withdraw')} onConfirm={() => void act(mo, 'motions.withdraw')} action="withdraw" />
                  </div>
                ) : null}
              </div>
            );
          })}
          {quorumRefusal ? (
            <div className="banner banner--bad" role="alert" data-refused="quorum">
              {t('votes.refusedNoQuorum', { present: quorumRefusal.issues?.[0]?.params?.present ?? '?', required: quorumRefusal.issues?.[0]?.params?.required ?? '?' })}
            </div>
          ) : (
            <FormError m={m} fields={[]} />
          )}
        </section>
        {locked ? (
          <p className="panel banner banner--info" data-locked-note>
            {t('locked.readOnly')}
          </p>
        ) : (
        <ProposeMotionForm key={amending?.id ?? 'new'} amending={amending} cancelAmend={() => setAmending(null)} done={() => (setAmending(null), reload())} delegations={delegations.data ?? []} items={items} />
        )}
      </div>
      {votingMotion && votingSitting && inProgress ? (
        <RollCallPanel
          key={votingMotion.id}
          session={session}
          motion={votingMotion}
          sitting={votingSitting}
          open={inProgress}
          done={() => {
            reload();
          }}
          close={() => setHidden(votingMotion.id)}
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
