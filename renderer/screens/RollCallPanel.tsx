// A roll-call vote: the states present now, called in protocol order; one key per state (Y yes,
// N no, A abstain, P not participating — the focus moves down the roll) or a click; the live tally and
// what the rule gives; then the record. A refusal for lack of quorum comes back as QUORUM_NOT_MET and
// is shown as such, not as a generic error.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import { FormError } from '../components/Field';
import { useMutation } from '../components/useApi';
import { QuorumBanner, useQuorum } from '../components/QuorumBanner';
import { instantIn } from '../components/useSittings';
import { ruleMet } from '../../src/rules/majority';
import type { Motion } from '../../src/motions/types';
import type { CouncilSession } from '../../src/sessions/types';
import type { Sitting } from '../../src/sittings/types';
import type { BallotChoice, RollCallEntry } from '../../src/votes/types';

const choices: BallotChoice[] = ['yes', 'no', 'abstain', 'not_participating'];
const keys: Record<string, BallotChoice> = { y: 'yes', n: 'no', a: 'abstain', p: 'not_participating' };

export function RollCallPanel(props: { session: CouncilSession; motion: Motion; sitting: Sitting; done: () => void; close: () => void }) {
  const { t, lang, colon } = useI18n();
  const [roll, setRoll] = useState<RollCallEntry[]>([]);
  const [ballots, setBallots] = useState<Record<string, BallotChoice>>({});
  const quorum = useQuorum(props.sitting, 0);
  const m = useMutation();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    void api.call('votes.rollCallOrder', { sessionId: props.session.id, sittingId: props.sitting.id, at: instantIn(props.sitting) }).then((r) => {
      if (r.ok) setRoll(r.value);
    });
  }, [props.session.id, props.sitting]);

  // The hall display shows the roll call as it is entered (src/room); cleared when the panel closes.
  useEffect(() => {
    if (!roll.length) return;
    const entered = roll.flatMap((e) => (ballots[e.memberStateId] ? [{ memberStateId: e.memberStateId, choice: ballots[e.memberStateId]! }] : []));
    void api.call('room.rollCall', { sessionId: props.session.id, motionId: props.motion.id, sittingId: props.sitting.id, at: instantIn(props.sitting), ballots: entered });
  }, [ballots, roll, props.session.id, props.motion.id, props.sitting]);
  useEffect(() => () => void api.call('room.rollCall', { sessionId: props.session.id, motionId: null }), [props.session.id]);

  const tally = {
    yes: roll.filter((e) => ballots[e.memberStateId] === 'yes').length,
    no: roll.filter((e) => ballots[e.memberStateId] === 'no').length,
    abstain: roll.filter((e) => ballots[e.memberStateId] === 'abstain').length,
    notParticipating: roll.filter((e) => ballots[e.memberStateId] === 'not_participating').length,
  };
  const complete = roll.length > 0 && roll.every((e) => ballots[e.memberStateId]);
  const wouldPass = ruleMet(props.motion.ruleInForce, tally, props.session.memberCount);

  const choose = (i: number, choice: BallotChoice) => {
    const e = roll[i];
    if (!e) return;
    setBallots((b) => ({ ...b, [e.memberStateId]: choice }));
    rows.current[i + 1]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const choice = keys[e.key.toLowerCase()];
    if (choice) {
      e.preventDefault();
      choose(i, choice);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows.current[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };
  const record = async () => {
    const vote = await m.run('votes.record', {
      motionId: props.motion.id,
      sittingId: props.sitting.id,
      at: instantIn(props.sitting),
      ballots: roll.flatMap((e) => {
        const choice = ballots[e.memberStateId];
        return choice ? [{ memberStateId: e.memberStateId, choice }] : [];
      }),
    });
    if (vote) {
      props.done();
      props.close();
    }
  };
  const quorumRefusal = m.error?.code === 'QUORUM_NOT_MET' ? m.error : null;

  return (
    <section className="panel" aria-labelledby="vote-h" data-panel="roll-call">
      <div className="row">
        <h2 id="vote-h" className="grow">
          {t('votes.title')}
        </h2>
        <button type="button" className="small" onClick={props.close}>
          {t('common.cancel')}
        </button>
      </div>
      <p dir="auto">{props.motion.text[lang] || props.motion.text.ar}</p>
      <QuorumBanner status={quorum} />
      {quorumRefusal ? (
        <div className="banner banner--bad" role="alert" data-refused="quorum">
          {t('votes.refusedNoQuorum', { present: quorum?.present ?? '?', required: quorum?.required ?? '?' })}
        </div>
      ) : null}
      <div className="tally" aria-live="polite" data-tally={`${tally.yes}-${tally.no}-${tally.abstain}-${tally.notParticipating}`}>
        <span>{t('votes.yes')}{colon}{tally.yes}</span>
        <span>{t('votes.no')}{colon}{tally.no}</span>
        <span>{t('votes.abstain')}{colon}{tally.abstain}</span>
        <span>{t('votes.not_participating')}{colon}{tally.notParticipating}</span>
      </div>
      <p className="muted">
        {t('votes.rule')}{colon}{t(`rule.majority.${props.motion.ruleInForce}`)} —{' '}
        <strong>{complete ? (wouldPass ? t('votes.wouldAdopt') : t('votes.wouldReject')) : t('votes.incomplete', { n: roll.length - Object.keys(ballots).length })}</strong>
      </p>
      <p className="hint">{t('votes.keysHint')}</p>
      <div style={{ maxBlockSize: 300, overflow: 'auto' }}>
        <table>
          <tbody>
            {roll.map((e, i) => (
              <tr
                key={e.memberStateId}
                className="ballot-row"
                tabIndex={0}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                onKeyDown={(ev) => onKey(ev, i)}
                data-ballot={e.isoCode}
              >
                <td>{e.rollOrder}</td>
                <td>{e.name[lang]}</td>
                <td>
                  <span className="choice-group" role="group" aria-label={e.name[lang]}>
                    {choices.map((c) => (
                      <button key={c} type="button" tabIndex={-1} className="small" aria-pressed={ballots[e.memberStateId] === c} onClick={() => choose(i, c)} data-choice={c}>
                        {t(`votes.${c}`)}
                      </button>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {quorumRefusal ? null : <FormError m={m} fields={[]} />}
      <div className="row" style={{ marginBlockStart: 8 }}>
        <button type="button" className="primary" disabled={m.busy} onClick={() => void record()} data-action="record-vote">
          {t('votes.record')}
        </button>
      </div>
    </section>
  );
}
