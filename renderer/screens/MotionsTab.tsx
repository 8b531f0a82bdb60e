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
import { majorityRuleNames } from '../../src/rules/rule-names';
import type { MajorityRule } from '../../src/settings/schema';
import { ConsolidatedTextForm } from './ConsolidatedTextForm';
import { ReferMotion } from './ReferMotion';
import { referredTo } from '../components/referralText';

export function MotionsTab({ session, item: currentItem }: TabProps) {
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
  const act = async (motion: Motion, action: 'motions.decideByConsensus' | 'motions.withdraw' | 'motions.defer') => {
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
                <div className="muted" data-motion-rule={mo.ruleInForce} data-rule-declared={mo.majorityRule ? 'yes' : 'no'}>
                  {t(`rule.majority.${mo.ruleInForce}`)} · {t(mo.majorityRule ? 'motions.ruleDeclared' : 'motions.ruleDefault')}
                </div>
                <div className="muted" data-motion-proposer={mo.proposerDelegationId ?? ''}>
                  {t('motions.proposer')}
                  {colon}
                  <bdi>{delegations.data?.find((d) => d.id === mo.proposerDelegationId)?.name[lang] ?? t('notes.chair')}</bdi>
                </div>
                {(['en', 'fr'] as const)
                  .filter((l) => l !== lang && mo.text[l])
                  .map((l) => (
                    <div key={l} className="muted" lang={l} dir="ltr" data-motion-text={l}>
                      {mo.text[l]}
                    </div>
                  ))}
                {mo.referral ? (
                  <div className="muted" data-motion-referral={mo.referral.body}>
                    {referredTo(t, lang, mo.referral.body, mo.referral.bodyName)}
                  </div>
                ) : null}
                {vote ? (
                  <div className={`banner ${vote.outcome === 'adopted' ? 'banner--ok' : 'banner--bad'}`} data-vote-outcome={vote.outcome}>
                    {vote.phrase[lang]}
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
                {!locked && (mo.status === 'proposed' || mo.status === 'adopted') && motions.data?.some((a) => a.parentMotionId === mo.id && a.status === 'adopted') ? (
                  <ConsolidatedTextForm key={`${mo.id}-${mo.consolidatedText.ar}`} motion={mo} done={reload} />
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
                    <ReferMotion motion={mo} done={reload} />
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
          <ProposeMotionForm
            key={amending?.id ?? 'new'}
            amending={amending}
            cancelAmend={() => setAmending(null)}
            done={() => (setAmending(null), reload())}
            delegations={delegations.data ?? []}
            items={items}
            currentItem={currentItem}
            defaultRule={session.defaultMajorityRule}
          />
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
  /** The item the secretary is on (the address): a new motion starts there. */
  currentItem?: string | undefined;
  defaultRule: MajorityRule;
}) {
  const { t, lang } = useI18n();
  const m = useMutation();
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState({ ar: '', en: '', fr: '' });
  const [proposer, setProposer] = useState('');
  const [rule, setRule] = useState<MajorityRule | ''>('');
  // An amendment is on its motion's item; a new motion on the item chosen, else the current one.
  const onItem = props.amending?.agendaItemId ?? (itemId || (props.items.some((i) => i.id === props.currentItem) ? props.currentItem : undefined) || (props.items[0]?.id ?? ''));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('motions.propose', {
      agendaItemId: onItem,
      parentMotionId: props.amending?.id ?? null,
      text,
      proposerDelegationId: proposer || null,
      majorityRule: rule || null,
    });
    if (ok) {
      setText({ ar: '', en: '', fr: '' });
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
          <select {...p} value={onItem} disabled={!!props.amending} onChange={(e) => setItemId(e.target.value)}>
            {props.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number}. {i.title[lang] || i.title.ar}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('motions.text')} name="text.ar" m={m}>
        {(p) => <textarea {...p} rows={3} lang="ar" dir="rtl" value={text.ar} onChange={(e) => setText({ ...text, ar: e.target.value })} />}
      </Field>
      <div className="cols">
        {(['en', 'fr'] as const).map((l) => (
          <Field key={l} label={t(l === 'en' ? 'motions.textEn' : 'motions.textFr')} name={`text.${l}`} m={m}>
            {(p) => <textarea {...p} rows={2} lang={l} dir="ltr" value={text[l]} onChange={(e) => setText({ ...text, [l]: e.target.value })} />}
          </Field>
        ))}
      </div>
      <div className="row">
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
        <Field label={t('session.majorityRule')} name="majorityRule" m={m}>
          {(p) => (
            <select {...p} value={rule} onChange={(e) => setRule(e.target.value as MajorityRule | '')}>
              <option value="">{t('motions.ruleSessionDefault', { rule: t(`rule.majority.${props.defaultRule}`) })}</option>
              {majorityRuleNames.map((r) => (
                <option key={r} value={r}>
                  {t(`rule.majority.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormError m={m} fields={['agendaItemId', 'text', 'proposerDelegationId', 'parentMotionId', 'majorityRule']} />
      <button type="submit" className="primary" disabled={m.busy}>
        {t('motions.proposeButton')}
      </button>
    </form>
  );
}
