// Delegations and attendance: the delegations of the session (members in protocol order, then
// observers), a roll-call grid for the chosen sitting where one click or one key records an arrival or
// a departure (Enter/Space, A, D) now or at a stated time, "present from the opening" (O: the roll call
// at the opening, moving to the next row), undo of a delegation's last entry (U), the sitting's opening
// time and its correction, and the live quorum banner. Times are the venue's (the session's zone).
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import { instantIn, useCurrentSitting } from '../components/useSittings';
import { QuorumBanner, useQuorum } from '../components/QuorumBanner';
import { venueClock, venueDay, venueTimeToIso, venueZone } from '../components/venue-time';
import type { Delegation } from '../../src/delegations/types';
import type { TabProps } from './SessionWorkspace';
import { DelegationEditor } from './DelegationEditor';
import { TimeInput } from '../components/DateInput';

export function AttendanceTab({ session }: TabProps) {
  const { t, lang } = useI18n();
  const { sittings, sitting, choose, reload: reloadSittings } = useCurrentSitting(session.id);
  const zone = venueZone(session.timeZone);
  const time = (iso: string) => venueClock(iso, zone);
  // A stated time (HH:MM at the venue) for arrivals and departures; empty means now.
  const [stated, setStated] = useState('');
  const [opening, setOpening] = useState('');
  // The delegation being corrected in the side panel (its id), if any.
  const [editing, setEditing] = useState<string | null>(null);
  // Approved minutes: the record is shown, nothing that writes is offered.
  const locked = session.lockedAt !== null;
  const delegations = useQuery('delegations.list', { sessionId: session.id });
  const [version, setVersion] = useState(0);
  // The instant is fixed per change of attendance: a fresh 'now' on every render would refetch forever.
  const at = useMemo(() => instantIn(sitting), [sitting, version]);
  const presence = useQuery('attendance.presentAt', sitting ? { sittingId: sitting.id, at } : null);
  const events = useQuery('attendance.list', sitting ? { sittingId: sitting.id } : null, [version]);
  const quorum = useQuorum(sitting, version);
  const m = useMutation();
  // What a key did not do, and why (D on an absent delegation, A on a present one): said, not silent.
  const [keyNote, setKeyNote] = useState<{ kind: 'depart-absent' | 'arrive-present'; name: string } | null>(null);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const list = delegations.data ?? [];
  const present = new Set(presence.data?.delegationIds ?? []);
  const editingDelegation = editing ? list.find((d) => d.id === editing) : undefined;

  const lastEvent = (d: Delegation) => [...(events.data ?? [])].filter((e) => e.delegationId === d.id).pop();

  const whenFor = (s: NonNullable<typeof sitting>) => (stated ? venueTimeToIso(venueDay(s.startsAt, zone), stated, zone) || stated : instantIn(s));
  const mark = async (d: Delegation, kind: 'arrive' | 'depart') => {
    if (!sitting) return;
    const ok = await m.run(kind === 'arrive' ? 'attendance.arrive' : 'attendance.depart', {
      sittingId: sitting.id,
      delegationId: d.id,
      at: whenFor(sitting),
    });
    if (ok) setVersion((v) => v + 1);
  };
  const fromOpening = async (d: Delegation, i: number) => {
    if (!sitting) return;
    const ok = await m.run('attendance.presentFromOpening', { sittingId: sitting.id, delegationIds: [d.id] });
    if (ok) {
      setVersion((v) => v + 1);
      rows.current[i + 1]?.focus();
    }
  };
  const undo = async (d: Delegation) => {
    const last = lastEvent(d);
    if (!last) return;
    // 'attendance.remove' returns nothing: read the state again whatever the answer (a refusal shows its error).
    await m.run('attendance.remove', { id: last.id });
    setVersion((v) => v + 1);
  };
  const correctOpening = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!sitting || !opening) return;
    const startsAt = venueTimeToIso(venueDay(sitting.startsAt, zone), opening, zone) || opening;
    if (await m.run('sittings.update', { id: sitting.id, startsAt })) {
      setOpening('');
      reloadSittings();
      setVersion((v) => v + 1);
    }
  };
  const onKey = (e: KeyboardEvent, d: Delegation, i: number) => {
    if (e.target !== e.currentTarget) return;
    if (locked) return;
    const isPresent = present.has(d.id);
    const key = e.key.toLowerCase();
    if (key === 'd' && !isPresent) return setKeyNote({ kind: 'depart-absent', name: d.name[lang] });
    if (key === 'a' && isPresent) return setKeyNote({ kind: 'arrive-present', name: d.name[lang] });
    if (key.length === 1 || e.key === 'Enter') setKeyNote(null);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void mark(d, isPresent ? 'depart' : 'arrive');
    } else if (e.key.toLowerCase() === 'a' && !isPresent) void mark(d, 'arrive');
    else if (e.key.toLowerCase() === 'd' && isPresent) void mark(d, 'depart');
    else if (e.key.toLowerCase() === 'o') void fromOpening(d, i);
    else if (e.key.toLowerCase() === 'u') void undo(d);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows.current[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };

  return (
    <div className="cols" style={{ gridTemplateColumns: 'minmax(0, 2.6fr) minmax(0, 1fr)' }}>
      <section className="panel" aria-labelledby="rollcall-h">
        <div className="row" style={{ marginBlockEnd: 8 }}>
          <h2 id="rollcall-h" className="grow">
            {t('attendance.title')}
          </h2>
          <label>
            {t('attendance.sitting')}{' '}
            <select value={sitting?.id ?? ''} onChange={(e) => choose(e.target.value)} data-field="sitting">
              {sittings.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('sittings.number', { n: s.number })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {!sitting ? <p className="banner banner--info">{t('attendance.noSitting')}</p> : <QuorumBanner status={quorum} />}
        {locked ? (
          <p className="banner banner--info" data-locked-note>
            {t('locked.readOnly')}
          </p>
        ) : null}
        {sitting && locked ? (
          <p>
            <strong data-opening={time(sitting.startsAt)}>{t('attendance.openedAt', { time: time(sitting.startsAt) })}</strong> <span className="muted">{t('attendance.zone', { zone })}</span>
          </p>
        ) : null}
        {sitting && !locked ? (
          <form className="row" onSubmit={correctOpening} data-form="opening" style={{ gap: 12, flexWrap: 'wrap', alignItems: 'end' }}>
            <strong data-opening={time(sitting.startsAt)}>{t('attendance.openedAt', { time: time(sitting.startsAt) })}</strong>
            <label>
              {t('attendance.correctOpening')}{' '}
              <TimeInput label={t('attendance.correctOpening')} value={opening} onChange={setOpening} data-field="startsAt" />
            </label>
            <button type="submit" className="small" disabled={!opening || m.busy}>
              {t('attendance.correctOpening')}
            </button>
            <label>
              {t('attendance.at')}{' '}
              <TimeInput label={t('attendance.at')} value={stated} onChange={setStated} data-field="at" title={t('attendance.atHint')} />
            </label>
            <span className="muted">{t('attendance.zone', { zone })}</span>
          </form>
        ) : null}
        {locked ? null : <p className="hint">{t('attendance.rollCallOpening')}</p>}
        {locked ? null : <p className="hint">{t('attendance.keysHint2')}</p>}
        <FormError m={m} fields={[]} />
        <p className="banner banner--info" role="status" aria-live="polite" data-key-note={keyNote?.kind} hidden={!keyNote}>
          {keyNote ? t(keyNote.kind === 'depart-absent' ? 'attendance.keyDepartAbsent' : 'attendance.keyArrivePresent', { name: keyNote.name }) : ''}
        </p>
        <table aria-labelledby="rollcall-h">
          <thead>
            <tr>
              <th>{t('attendance.delegation')}</th>
              <th>{t('attendance.head')}</th>
              <th>{t('attendance.state')}</th>
              <th>{t('attendance.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d, i) => {
              const isPresent = present.has(d.id);
              const last = lastEvent(d);
              return (
                <tr
                  key={d.id}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  tabIndex={sitting ? 0 : -1}
                  className={isPresent ? 'grid-present' : ''}
                  onKeyDown={(e) => onKey(e, d, i)}
                  data-delegation={d.isoCode ?? d.name.en}
                  data-present={isPresent ? 'yes' : 'no'}
                  aria-label={`${d.name[lang]}: ${isPresent ? t('attendance.present') : t('attendance.absent')}`}
                >
                  <td>
                    {d.name[lang]}
                    {d.kind !== 'member' ? <span className="badge"> {t(`delegation.kind.${d.kind}`)}</span> : null}
                  </td>
                  <td className="muted">
                    <bdi>{d.delegates.find((p) => p.role === 'head')?.fullName ?? d.delegates[0]?.fullName ?? ''}</bdi>
                  </td>
                  <td>
                    {isPresent ? t('attendance.present') : t('attendance.absent')}
                    {last ? (
                      <span className="muted" data-last={last.kind}>
                        {' '}
                        ({sitting && last.kind === 'arrival' && last.at === sitting.startsAt ? t('attendance.fromOpening') : t(`attendance.${last.kind}`)} {time(last.at)})
                      </span>
                    ) : null}
                  </td>
                  <td className="roll-cell">
                    <button type="button" tabIndex={-1} className="small" data-action="edit-delegation" aria-expanded={editing === d.id} onClick={() => setEditing(editing === d.id ? null : d.id)}>
                      {locked ? t('delegations.view') : t('delegations.editButton')}
                    </button>{' '}
                    {locked ? null : <>
                    {!last ? (
                      <button type="button" tabIndex={-1} className="small primary" disabled={!sitting} data-action="from-opening" onClick={() => void fromOpening(d, i)}>
                        {t('attendance.fromOpening')}
                      </button>
                    ) : null}{' '}
                    <button type="button" tabIndex={-1} className={isPresent ? 'small' : 'small primary'} disabled={!sitting} data-action="mark" onClick={() => void mark(d, isPresent ? 'depart' : 'arrive')}>
                      {isPresent ? t('attendance.markDeparture') : t('attendance.markArrival')}
                    </button>
                    {last ? (
                      <button
                        type="button"
                        tabIndex={-1}
                        className="small"
                        data-action="undo"
                        aria-label={t('attendance.undoLabel', { what: `${t(`attendance.${last.kind}`)} ${time(last.at)}` })}
                        onClick={() => void undo(d)}
                      >
                        {t('attendance.undo')}
                      </button>
                    ) : null}
                    </>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <div>
        {editingDelegation ? (
          <DelegationEditor
            key={editingDelegation.id}
            delegation={editingDelegation}
            locked={locked}
            changed={() => {
              delegations.reload();
              setVersion((v) => v + 1);
            }}
            close={() => setEditing(null)}
          />
        ) : null}
        {locked ? null : <AddDelegationForm sessionId={session.id} existing={list} done={delegations.reload} />}
        {locked ? null : <AddObserverForm sessionId={session.id} done={delegations.reload} />}
      </div>
    </div>
  );
}

function AddDelegationForm({ sessionId, existing, done }: { sessionId: string; existing: Delegation[]; done: () => void }) {
  const { t, lang } = useI18n();
  const states = useQuery('memberStates.list', {});
  const m = useMutation();
  const [stateId, setStateId] = useState('');
  const [head, setHead] = useState('');
  const [title, setTitle] = useState('');
  const taken = new Set(existing.map((d) => d.memberStateId));
  const free = (states.data ?? []).filter((s) => s.active && !taken.has(s.id));
  const all = useMutation();
  const [addedAll, setAddedAll] = useState<number | null>(null);
  // Setting up a session: every member state without a delegation at once, then the exceptions edited.
  const addAll = async () => {
    const added = await all.run('delegations.addAllMembers', { sessionId });
    if (added) {
      setAddedAll(added.length);
      done();
    }
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('delegations.createMember', {
      sessionId,
      // The secretary chooses the state: none is taken for them (issue 11); none chosen is refused on the field.
      memberStateId: stateId,
      delegates: [{ fullName: head, title, role: 'head' }],
    });
    if (ok) {
      setHead('');
      setTitle('');
      setStateId('');
      done();
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="add-del-h" data-form="new-delegation">
      <h2 id="add-del-h">{t('delegations.add')}</h2>
      <div className="stack">
        {free.length > 0 ? (
          <div data-add-all>
            <button type="button" disabled={all.busy} onClick={() => void addAll()} data-action="add-all-members">
              {t('delegations.addAll', { n: free.length })}
            </button>
            <p className="hint">{t('delegations.addAllHint')}</p>
          </div>
        ) : null}
        {addedAll !== null ? (
          <p className="banner banner--ok" role="status" data-added-all={addedAll}>
            {t('delegations.addedAll', { n: addedAll })}
          </p>
        ) : null}
        <FormError m={all} fields={[]} />
        <Field label={t('delegations.state')} name="memberStateId" m={m}>
          {(p) => (
            <select {...p} value={stateId} onChange={(e) => setStateId(e.target.value)}>
              <option value="">{t('delegations.pickState')}</option>
              {free.map((s) => (
                <option key={s.id} value={s.id} data-iso={s.isoCode}>
                  {lang === 'ar' ? s.nameAr : lang === 'en' ? s.nameEn : s.nameFr}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('delegations.headName')} name="delegates.0.fullName" m={m}>
          {(p) => <input {...p} value={head} onChange={(e) => setHead(e.target.value)} />}
        </Field>
        <Field label={t('delegations.headTitle')} name="delegates.0.title" m={m}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <FormError m={m} fields={['memberStateId', 'delegates.0']} />
        <button type="submit" className="primary" disabled={m.busy}>
          {t('delegations.addButton')}
        </button>
      </div>
    </form>
  );
}

/** Observers (the Arab League's General Secretariat...) and the secretariat sit without voting. */
function AddObserverForm({ sessionId, done }: { sessionId: string; done: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [kind, setKind] = useState<'observer' | 'secretariat'>('observer');
  const [name, setName] = useState({ ar: '', en: '', fr: '' });
  const [person, setPerson] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const people = person ? [{ fullName: person, title: '' }] : [];
    const ok =
      kind === 'observer'
        ? await m.run('delegations.createObserver', { sessionId, name, representatives: people })
        : await m.run('delegations.createSecretariat', { sessionId, staff: people });
    if (ok) {
      setName({ ar: '', en: '', fr: '' });
      setPerson('');
      done();
    }
  };
  return (
    <form className="panel stack" onSubmit={submit} data-form="new-observer">
      <h2>{t('delegations.addOther')}</h2>
      <Field label={t('delegations.kind')} name="kind" m={m}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="observer">{t('delegation.kind.observer')}</option>
            <option value="secretariat">{t('delegation.kind.secretariat')}</option>
          </select>
        )}
      </Field>
      {kind === 'observer'
        ? (['ar', 'en', 'fr'] as const).map((l) => (
            <Field key={l} label={t(`delegations.name.${l}`)} name={`name.${l}`} m={m}>
              {(p) => <input {...p} lang={l} dir="auto" value={name[l]} onChange={(e) => setName({ ...name, [l]: e.target.value })} />}
            </Field>
          ))
        : null}
      <Field label={t('delegations.person')} name={kind === 'observer' ? 'representatives.0.fullName' : 'staff.0.fullName'} m={m}>
        {(p) => <input {...p} dir="auto" value={person} onChange={(e) => setPerson(e.target.value)} />}
      </Field>
      <FormError m={m} fields={['name', 'representatives', 'staff']} />
      <button type="submit" disabled={m.busy}>
        {t('delegations.addButton')}
      </button>
    </form>
  );
}
