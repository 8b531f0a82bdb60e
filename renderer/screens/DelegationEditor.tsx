// One delegation, correctable until the minutes are approved: its credentials (date received, who issued
// them), an observer's or the secretariat's name, its people one at a time (name, title, role, order), and
// its removal when entered by mistake. Every change goes through the core, which keeps the record's rules
// (one head, first) and the audit trail; a refusal shows beside its field in the UI's language. A locked
// session shows the same as text, with no control that writes.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field, FormError } from '../components/Field';
import { DateInput } from '../components/DateInput';
import { useMutation, type Mutation } from '../components/useApi';
import type { Delegate, Delegation } from '../../src/delegations/types';

type MemberRole = 'head' | 'member' | 'adviser';
const memberRoles: MemberRole[] = ['head', 'member', 'adviser'];

export function DelegationEditor({ delegation, locked, changed, close }: { delegation: Delegation; locked: boolean; changed: () => void; close: () => void }) {
  const { t, lang } = useI18n();
  const m = useMutation();
  const removed = async () => {
    // 'delegations.remove' returns nothing (undefined); a refusal returns null and shows its error.
    if ((await m.run('delegations.remove', { id: delegation.id })) !== null) changed();
  };
  return (
    <section className="panel stack" aria-labelledby="edit-del-h" data-form="edit-delegation" data-delegation={delegation.isoCode ?? delegation.name.en}>
      <div className="row">
        <h2 id="edit-del-h" className="grow">
          {locked ? delegation.name[lang] : t('delegations.edit', { name: delegation.name[lang] })}
        </h2>
        <button type="button" className="small" onClick={close} data-action="close-editor">
          {t('common.close')}
        </button>
      </div>
      {locked ? <p className="banner banner--info" data-locked-note>{t('locked.readOnly')}</p> : null}
      {delegation.kind !== 'secretariat' ? <CredentialsForm delegation={delegation} locked={locked} changed={changed} /> : null}
      {delegation.kind !== 'member' ? <NameForm delegation={delegation} locked={locked} changed={changed} /> : null}
      <h3>{t('delegations.people')}</h3>
      {delegation.delegates.length === 0 ? <p className="muted">{t('delegations.noPeople')}</p> : null}
      {delegation.delegates.map((p, i) => (
        <PersonRow key={`${p.id}-${p.position}-${p.role}`} person={p} kind={delegation.kind} locked={locked} first={i === 0} last={i === delegation.delegates.length - 1} changed={changed} />
      ))}
      {locked ? null : <AddPersonForm delegation={delegation} changed={changed} />}
      {locked ? null : (
        <div className="stack">
          <ConfirmButton className="small danger" label={t('delegations.remove')} warning={t('delegations.removeConfirm')} onConfirm={() => void removed()} action="remove-delegation" />
          <FormError m={m} fields={[]} />
        </div>
      )}
    </section>
  );
}

function CredentialsForm({ delegation, locked, changed }: { delegation: Delegation; locked: boolean; changed: () => void }) {
  const { t, date } = useI18n();
  const m = useMutation();
  const [on, setOn] = useState(delegation.credentialsReceivedOn ?? '');
  const [by, setBy] = useState(delegation.credentialsIssuedBy);
  useEffect(() => {
    setOn(delegation.credentialsReceivedOn ?? '');
    setBy(delegation.credentialsIssuedBy);
  }, [delegation.credentialsReceivedOn, delegation.credentialsIssuedBy]);
  if (locked) {
    return (
      <p data-credentials>
        {t('delegations.credentials')}:{' '}
        {delegation.credentialsReceivedOn ? t('delegations.credentialsOn', { date: date(delegation.credentialsReceivedOn) }) : t('delegations.credentialsNone')}
        {delegation.credentialsIssuedBy ? <> — <bdi>{delegation.credentialsIssuedBy}</bdi></> : null}
      </p>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('delegations.setCredentials', { delegationId: delegation.id, credentialsReceivedOn: on || null, credentialsIssuedBy: by })) changed();
  };
  return (
    <form className="stack" onSubmit={submit} data-form="credentials">
      <h3>{t('delegations.credentials')}</h3>
      <div className="row">
        <Field label={t('delegations.credentialsReceivedOn')} name="credentialsReceivedOn" m={m}>
          {(p) => <DateInput {...p} label={t('delegations.credentialsReceivedOn')} value={on} onChange={setOn} />}
        </Field>
        <Field label={t('delegations.credentialsIssuedBy')} name="credentialsIssuedBy" m={m} className="grow" hint={t('delegations.credentialsIssuedByHint')}>
          {(p) => <input {...p} dir="auto" value={by} onChange={(e) => setBy(e.target.value)} />}
        </Field>
      </div>
      <FormError m={m} fields={['credentialsReceivedOn', 'credentialsIssuedBy']} labels={{ delegationId: t('delegations.credentials') }} />
      <button type="submit" className="small primary" disabled={m.busy}>
        {t('delegations.saveCredentials')}
      </button>
    </form>
  );
}

function NameForm({ delegation, locked, changed }: { delegation: Delegation; locked: boolean; changed: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [name, setName] = useState(delegation.name);
  if (locked) return null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('delegations.rename', { id: delegation.id, name })) changed();
  };
  return (
    <form className="stack" onSubmit={submit} data-form="delegation-name">
      {(['ar', 'en', 'fr'] as const).map((l) => (
        <Field key={l} label={t(`delegations.name.${l}`)} name={`name.${l}`} m={m}>
          {(p) => <input {...p} lang={l} dir="auto" value={name[l]} onChange={(e) => setName({ ...name, [l]: e.target.value })} />}
        </Field>
      ))}
      <FormError m={m} fields={['name']} />
      <button type="submit" className="small" disabled={m.busy}>
        {t('delegations.saveName')}
      </button>
    </form>
  );
}

function roleLabel(t: ReturnType<typeof useI18n>['t'], role: Delegate['role']): string {
  return t(`delegations.role.${role}`);
}

function PersonRow({ person, kind, locked, first, last, changed }: { person: Delegate; kind: Delegation['kind']; locked: boolean; first: boolean; last: boolean; changed: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [fullName, setFullName] = useState(person.fullName);
  const [title, setTitle] = useState(person.title);
  const [role, setRole] = useState(person.role);
  if (locked) {
    return (
      <div className="list-item" data-person={person.position}>
        <bdi className="grow">{person.fullName}</bdi>
        {person.title ? <bdi className="muted">{person.title}</bdi> : null}
        <span className="badge">{roleLabel(t, person.role)}</span>
      </div>
    );
  }
  const dirty = fullName !== person.fullName || title !== person.title || role !== person.role;
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('delegations.updateDelegate', { id: person.id, fullName, title, ...(role !== person.role ? { role } : {}) })) changed();
  };
  const move = async (position: number) => {
    if (await m.run('delegations.moveDelegate', { id: person.id, position })) changed();
  };
  const remove = async () => {
    if (await m.run('delegations.removeDelegate', { id: person.id })) changed();
  };
  const isHead = person.role === 'head';
  return (
    <form className="stack person-row" onSubmit={save} data-person={person.position} data-role={person.role}>
      <div className="row">
        <Field label={t('delegations.fullName')} name="fullName" m={m} className="grow">
          {(p) => <input {...p} dir="auto" value={fullName} onChange={(e) => setFullName(e.target.value)} />}
        </Field>
        <Field label={t('delegations.title')} name="title" m={m} className="grow">
          {(p) => <input {...p} dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        {kind === 'member' ? (
          <RoleField m={m} role={role} setRole={setRole} />
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="small primary" disabled={m.busy || !dirty} data-action="save-person">
          {t('common.save')}
        </button>
        <button type="button" className="small" disabled={m.busy || first || isHead || (kind === 'member' && person.position === 2)} onClick={() => void move(person.position - 1)} data-action="person-up" aria-label={t('delegations.up', { name: person.fullName })}>
          ↑
        </button>
        <button type="button" className="small" disabled={m.busy || last || isHead} onClick={() => void move(person.position + 1)} data-action="person-down" aria-label={t('delegations.down', { name: person.fullName })}>
          ↓
        </button>
        {isHead ? null : (
          <button type="button" className="small danger" disabled={m.busy} onClick={() => void remove()} data-action="remove-person">
            {t('delegations.removePerson')}
          </button>
        )}
      </div>
      <FormError m={m} fields={['fullName', 'title', 'role']} />
    </form>
  );
}

function AddPersonForm({ delegation, changed }: { delegation: Delegation; changed: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const [fullName, setFullName] = useState('');
  const [title, setTitle] = useState('');
  // A delegation added with all the member states has nobody yet: its first person is its head.
  const headless = !delegation.delegates.some((d) => d.role === 'head');
  const [role, setRole] = useState<MemberRole>(headless ? 'head' : 'member');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await m.run('delegations.addDelegate', { delegationId: delegation.id, fullName, title, ...(delegation.kind === 'member' ? { role } : {}) });
    if (ok) {
      setFullName('');
      setTitle('');
      setRole(ok.delegates.some((d) => d.role === 'head') ? 'member' : 'head');
      changed();
    }
  };
  return (
    <form className="stack" onSubmit={submit} data-form="add-person">
      <h3>{t('delegations.addPerson')}</h3>
      <div className="row">
        <Field label={t('delegations.fullName')} name="fullName" m={m} className="grow">
          {(p) => <input {...p} dir="auto" value={fullName} onChange={(e) => setFullName(e.target.value)} />}
        </Field>
        <Field label={t('delegations.title')} name="title" m={m} className="grow">
          {(p) => <input {...p} dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        {delegation.kind === 'member' ? (
          <RoleField m={m} role={role} setRole={setRole} />
        ) : null}
      </div>
      <FormError m={m} fields={['fullName', 'title', 'role']} />
      <button type="submit" className="small primary" disabled={m.busy}>
        {t('delegations.addPersonButton')}
      </button>
    </form>
  );
}

/** A member delegation's person: head, member or adviser (shared by the add and edit forms). */
function RoleField({ m, role, setRole }: { m: Mutation; role: string; setRole: (r: MemberRole) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t('delegations.role')} name="role" m={m}>
      {(p) => (
        <select {...p} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
          {memberRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(t, r)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
