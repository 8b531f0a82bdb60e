// A roll-call vote in progress. It is stored (votes.open / votes.keyBallot): every key press is on disk
// before the next, so a tab switch, a reload or a crash loses nothing, and the panel comes back with its
// ballots. The states present now are called in protocol order; one key per state (Y yes, N no,
// A abstain, P not participating — the focus moves down the roll) or a click; the live tally and what
// the rule gives. The panel follows attendance live: a change saved anywhere in the app re-reads the roll
// and the quorum, so a state that left drops out before the record, not in a refusal after it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import { FormError } from '../components/Field';
import { useMutation } from '../components/useApi';
import { QuorumBanner, useQuorum } from '../components/QuorumBanner';
import { instantIn } from '../components/useSittings';
import { useChangeVersion } from '../components/changes';
import { ConfirmButton } from '../components/ConfirmButton';
import { isTie, ruleMet } from '../../src/rules/majority';
import type { Motion } from '../../src/motions/types';
import type { CouncilSession } from '../../src/sessions/types';
import type { Sitting } from '../../src/sittings/types';
import type { BallotChoice, OpenRollCall, RollCallEntry } from '../../src/votes/types';

const choices: BallotChoice[] = ['yes', 'no', 'abstain', 'not_participating'];
const keys: Record<string, BallotChoice> = { y: 'yes', n: 'no', a: 'abstain', p: 'not_participating' };

export function RollCallPanel(props: { session: CouncilSession; motion: Motion; sitting: Sitting; open: OpenRollCall; done: () => void; close: () => void }) {
  const { t, lang, colon } = useI18n();
  const [roll, setRoll] = useState<RollCallEntry[] | null>(null);
  const [ballots, setBallots] = useState<Record<string, BallotChoice>>(props.open.ballots);
  const changes = useChangeVersion();
  const quorum = useQuorum(props.sitting, 0);
  const m = useMutation();
  const keyed = useMutation();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  // Ballots are stored in the order they were keyed: one request after the other.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void api.call('votes.rollCallOrder', { sessionId: props.session.id, sittingId: props.sitting.id, at: instantIn(props.sitting) }).then((r) => {
      if (live && r.ok) setRoll(r.value);
    });
    return () => {
      live = false;
    };
  }, [props.session.id, props.sitting, changes, quorum?.present]);

  const list = roll ?? [];
  const inRoll = (id: string) => list.some((e) => e.memberStateId === id);
  const counted = (c: BallotChoice) => list.filter((e) => ballots[e.memberStateId] === c).length;
  // The hall display reads the stored roll call itself (src/room/display.ts): each keyed ballot signals it.

  const tally = { yes: counted('yes'), no: counted('no'), abstain: counted('abstain'), notParticipating: counted('not_participating') };
  const remaining = list.filter((e) => !ballots[e.memberStateId]).length;
  const complete = list.length > 0 && remaining === 0;
  // A tie the chair may break (the session's rules give a casting vote): the secretary records the chair's
  // choice, and the result follows it; without one the tie is not adopted (src/rules/majority decideMajority).
  const castingAllowed = complete && props.session.chairCastingVote && isTie(props.motion.ruleInForce, tally);
  const [castingChoice, setCasting] = useState<'yes' | 'no' | null>(null);
  const casting = castingAllowed ? castingChoice : null;
  const wouldPass = casting ? casting === 'yes' : ruleMet(props.motion.ruleInForce, tally, props.session.memberCount);
  // Ballots keyed for states that have left since: not counted, and said.
  const departed = Object.keys(ballots).filter((id) => roll && !inRoll(id));
  const quorumLost = quorum ? !quorum.met : false;
  const blocked = quorumLost && !props.session.allowInquorateVotes;

  const choose = (i: number, choice: BallotChoice) => {
    const e = list[i];
    if (!e) return;
    const before = ballots[e.memberStateId];
    setBallots((b) => ({ ...b, [e.memberStateId]: choice }));
    rows.current[i + 1]?.focus();
    queue.current = queue.current.then(async () => {
      const saved = await keyed.run('votes.keyBallot', { motionId: props.motion.id, memberStateId: e.memberStateId, choice, at: instantIn(props.sitting) });
      if (!saved) {
        setBallots((b) => {
          const next = { ...b };
          if (before) next[e.memberStateId] = before;
          else delete next[e.memberStateId];
          return next;
        });
      }
    });
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
    await queue.current;
    const vote = await m.run('votes.record', {
      motionId: props.motion.id,
      sittingId: props.sitting.id,
      at: instantIn(props.sitting),
      ballots: list.flatMap((e) => {
        const choice = ballots[e.memberStateId];
        return choice ? [{ memberStateId: e.memberStateId, choice }] : [];
      }),
      castingVote: casting,
    });
    if (vote) {
      props.done();
      props.close();
    }
  };
  const abandon = async () => {
    await queue.current;
    if ((await m.run('votes.abandon', { motionId: props.motion.id })) !== null) {
      props.done();
      props.close();
    }
  };

  return (
    <section className="panel" aria-labelledby="vote-h" data-panel="roll-call">
      <div className="row">
        <h2 id="vote-h" className="grow">
          {t('votes.title')}
        </h2>
        <ConfirmButton label={t('votes.abandon')} warning={t('votes.abandonConfirm', { n: Object.keys(ballots).length })} onConfirm={() => void abandon()} action="abandon-vote" />
      </div>
      <p dir="auto">{props.motion.text[lang] || props.motion.text.ar}</p>
      <div className="sticky-top">
        <QuorumBanner status={quorum} />
      </div>
      {quorumLost ? (
        <div className={`banner ${blocked ? 'banner--bad' : 'banner--warn'}`} role="alert" data-refused={blocked ? 'quorum' : undefined} data-inquorate={blocked ? undefined : 'allowed'}>
          {blocked ? t('votes.quorumLost') : t('votes.inquorateAllowed')}
        </div>
      ) : null}
      {departed.length > 0 ? (
        <div className="banner banner--warn" role="status" data-departed={departed.length}>
          {t('votes.absentNow', { n: departed.length })}
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
        <strong data-would={complete ? (wouldPass ? 'adopt' : 'reject') : 'incomplete'}>
          {complete ? (wouldPass ? t('votes.wouldAdopt') : t('votes.wouldReject')) : t('votes.incomplete', { n: remaining })}
        </strong>
      </p>
      {castingAllowed ? (
        <fieldset className="banner banner--warn" data-casting-vote={casting ?? 'none'}>
          <legend>{t('votes.castingTitle')}</legend>
          <p className="hint">{t('votes.castingHint')}</p>
          {(['yes', 'no', null] as const).map((c) => (
            <label key={c ?? 'none'} className="row">
              <input type="radio" name="castingVote" value={c ?? 'none'} checked={casting === c} onChange={() => setCasting(c)} />{' '}
              {t(c === 'yes' ? 'votes.castingYes' : c === 'no' ? 'votes.castingNo' : 'votes.castingNone')}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="hint">{t('votes.keysHint')}</p>
      <p className="hint">{t('votes.stored')}</p>
      <FormError m={keyed} fields={[]} />
      <div className="roll-scroll">
        <table>
          <tbody>
            {list.map((e, i) => (
              <tr
                key={e.memberStateId}
                className="ballot-row"
                tabIndex={0}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                onKeyDown={(ev) => onKey(ev, i)}
                data-ballot={e.isoCode}
                data-choice={ballots[e.memberStateId] ?? ''}
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
      <FormError m={m} fields={[]} />
      <div className="row row--gap-top">
        <button type="button" className="primary" disabled={m.busy || blocked || !complete} onClick={() => void record()} data-action="record-vote">
          {t('votes.record')}
        </button>
      </div>
    </section>
  );
}
