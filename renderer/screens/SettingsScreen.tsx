// Settings: the organisation (names, abbreviation), numbering of decisions, rules by default,
// signatory roles, digits, backups; and the member states (add, rename, deactivate).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import type { OrganisationSettings } from '../../src/settings/schema';
import { majorityRuleNames, quorumRuleNames } from '../../src/rules/rule-names';
import { BackupsPanel, SealKeyPanel } from './BackupsPanel';

/** The generated documents that may go through approval and seal, with their names in the documents panel. */
const SEALABLE = [
  ['decisions', 'documents.kind.decisions'],
  ['follow-up', 'documents.kind.followUp'],
  ['agenda', 'documents.kind.agenda'],
  ['documents-list', 'documents.kind.documentsList'],
  ['convocation', 'documents.kind.convocation'],
] as const;

const langs = ['ar', 'en', 'fr'] as const;

export function SettingsScreen({ restored }: { restored?: (note: string) => void }) {
  const { t } = useI18n();
  return (
    <div>
      <h1>{t('settings.title')}</h1>
      <div className="cols">
        <div>
          <OrganisationPanel />
          <BackupsPanel {...(restored ? { restored } : {})} />
          <SealKeyPanel />
        </div>
        <MemberStatesPanel />
      </div>
    </div>
  );
}

/** The names of the fields the settings form shows, each with its error below it. */
function shownFields(draft: OrganisationSettings): string[] {
  const localized = ['name', 'councilName', 'councilAbbreviation', 'decisionNumberPattern'].flatMap((k) => langs.map((l) => `${k}.${l}`));
  const roles = draft.signatoryRoles.flatMap((_, i) => langs.map((l) => `signatoryRoles.${i}.title.${l}`));
  const times = ['delegation', 'observer', 'secretariat', 'director_general'].map((k) => `speakingTimeSeconds.${k}`);
  return [...localized, ...roles, ...times, 'defaultQuorumRule', 'defaultMajorityRule', 'digits', 'secretaryName', 'backupsToKeep'];
}

function OrganisationPanel() {
  const { t } = useI18n();
  const settings = useQuery('settings.get', {});
  const m = useMutation();
  const [draft, setDraft] = useState<OrganisationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (!draft) return <p className="muted">{t('common.loading')}</p>;
  const set = <K extends keyof OrganisationSettings>(k: K, v: OrganisationSettings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [k]: v });
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await m.run('settings.update', draft);
    if (r) {
      setDraft(r);
      setSaved(true);
    }
  };
  const localized = (key: 'name' | 'councilName' | 'councilAbbreviation' | 'decisionNumberPattern', label: string) => (
    <div className="cols-3">
      {langs.map((l) => (
        <Field key={l} label={`${label} (${l})`} name={`${key}.${l}`} m={m}>
          {(p) => <input {...p} lang={l} dir="auto" value={draft[key][l]} onChange={(e) => set(key, { ...draft[key], [l]: e.target.value })} />}
        </Field>
      ))}
    </div>
  );
  return (
    <form className="panel stack" onSubmit={submit} data-form="settings">
      <h2>{t('settings.organisation')}</h2>
      {localized('name', t('settings.name'))}
      {localized('councilName', t('settings.councilName'))}
      {localized('councilAbbreviation', t('settings.abbreviation'))}
      <h3>{t('settings.numbering')}</h3>
      {localized('decisionNumberPattern', t('settings.pattern'))}
      <p className="hint">{t('settings.patternHint')}</p>
      <h3>{t('settings.rules')}</h3>
      <div className="row">
        <Field label={t('session.quorumRule')} name="defaultQuorumRule" m={m}>
          {(p) => (
            <select {...p} value={draft.defaultQuorumRule} onChange={(e) => set('defaultQuorumRule', e.target.value as OrganisationSettings['defaultQuorumRule'])}>
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
            <select {...p} value={draft.defaultMajorityRule} onChange={(e) => set('defaultMajorityRule', e.target.value as OrganisationSettings['defaultMajorityRule'])}>
              {majorityRuleNames.map((r) => (
                <option key={r} value={r}>
                  {t(`rule.majority.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.digits')} name="digits" m={m}>
          {(p) => (
            <select {...p} value={draft.digits} onChange={(e) => set('digits', e.target.value as OrganisationSettings['digits'])}>
              <option value="western">0123456789</option>
              <option value="arabic-indic">٠١٢٣٤٥٦٧٨٩</option>
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <label>
          <input type="checkbox" checked={draft.chairCastingVote} onChange={(e) => set('chairCastingVote', e.target.checked)} /> {t('settings.castingVote')}
        </label>
        <label>
          <input type="checkbox" checked={draft.allowInquorateVotes} onChange={(e) => set('allowInquorateVotes', e.target.checked)} /> {t('settings.inquorate')}
        </label>
      </div>
      <h3>{t('settings.signatories')}</h3>
      {draft.signatoryRoles.map((role, i) => (
        <div className="cols-3" key={role.key}>
          {langs.map((l) => (
            <Field key={l} label={`${role.key} (${l})`} name={`signatoryRoles.${i}.title.${l}`} m={m}>
              {(p) => (
                <input
                  {...p}
                  dir="auto"
                  value={role.title[l]}
                  onChange={(e) =>
                    set(
                      'signatoryRoles',
                      draft.signatoryRoles.map((r, j) => (j === i ? { ...r, title: { ...r.title, [l]: e.target.value } } : r)),
                    )
                  }
                />
              )}
            </Field>
          ))}
        </div>
      ))}
      <div className="row">
        <Field label={t('settings.secretary')} name="secretaryName" m={m} className="grow">
          {(p) => <input {...p} dir="auto" value={draft.secretaryName} onChange={(e) => set('secretaryName', e.target.value)} />}
        </Field>
        <Field label={t('settings.backupsToKeep')} name="backupsToKeep" m={m}>
          {(p) => <input {...p} type="number" min={1} max={365} value={draft.backupsToKeep} onChange={(e) => set('backupsToKeep', Number(e.target.value))} />}
        </Field>
      </div>
      <div className="row" data-settings="speaking-time">
        {(['delegation', 'observer', 'secretariat', 'director_general'] as const).map((kind) => (
          <Field key={kind} label={t('settings.speakingTime', { kind: t(`room.kind.${kind}`) })} name={`speakingTimeSeconds.${kind}`} m={m}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={7200}
                step={30}
                value={draft.speakingTimeSeconds[kind]}
                onChange={(e) => set('speakingTimeSeconds', { ...draft.speakingTimeSeconds, [kind]: Number(e.target.value) })}
              />
            )}
          </Field>
        ))}
      </div>
      <fieldset data-settings="sealed-documents">
        <legend>{t('settings.sealedDocuments')}</legend>
        {SEALABLE.map(([kind, label]) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={draft.sealedDocuments.includes(kind)}
              onChange={(e) => set('sealedDocuments', e.target.checked ? [...draft.sealedDocuments, kind] : draft.sealedDocuments.filter((k) => k !== kind))}
            />{' '}
            {t(label)}
          </label>
        ))}
      </fieldset>
      {/* Only what a field above shows is left out here: a refusal of a whole group (the patterns, the
          roles) is said at the foot, never dropped. */}
      <FormError m={m} fields={shownFields(draft)} />
      <div className="row">
        <button type="submit" className="primary" disabled={m.busy}>
          {t('common.save')}
        </button>
        {saved ? <span role="status">{t('common.saved')}</span> : null}
      </div>
    </form>
  );
}

function MemberStatesPanel() {
  const { t, lang } = useI18n();
  const states = useQuery('memberStates.list', { includeInactive: true });
  const m = useMutation();
  const [form, setForm] = useState({ isoCode: '', nameAr: '', nameEn: '', nameFr: '' });
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('memberStates.create', form)) {
      setForm({ isoCode: '', nameAr: '', nameEn: '', nameFr: '' });
      states.reload();
    }
  };
  const toggle = async (id: string, active: boolean) => {
    if (await m.run('memberStates.setActive', { id, active })) states.reload();
  };
  return (
    <section className="panel" aria-labelledby="states-h">
      <h2 id="states-h">{t('settings.memberStates')}</h2>
      <div style={{ maxBlockSize: 380, overflow: 'auto' }}>
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('settings.state')}</th>
              <th>ISO</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(states.data ?? []).map((s) => (
              <tr key={s.id} className={s.active ? '' : 'muted'}>
                <td>{s.protocolOrder}</td>
                <td>{lang === 'ar' ? s.nameAr : lang === 'en' ? s.nameEn : s.nameFr}</td>
                <td>{s.isoCode}</td>
                <td>
                  <button type="button" className="small" onClick={() => void toggle(s.id, !s.active)}>
                    {s.active ? t('settings.deactivate') : t('settings.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={add} className="stack" style={{ marginBlockStart: 10 }} data-form="new-state">
        <h3>{t('settings.addState')}</h3>
        <div className="row">
          <Field label="ISO" name="isoCode" m={m}>
            {(p) => <input {...p} size={3} value={form.isoCode} onChange={(e) => setForm({ ...form, isoCode: e.target.value })} />}
          </Field>
          {(['nameAr', 'nameEn', 'nameFr'] as const).map((k) => (
            <Field key={k} label={t(`settings.${k}`)} name={k} m={m} className="grow">
              {(p) => <input {...p} dir="auto" value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />}
            </Field>
          ))}
        </div>
        <FormError m={m} fields={['isoCode', 'nameAr', 'nameEn', 'nameFr']} />
        <button type="submit" disabled={m.busy}>
          {t('settings.addState')}
        </button>
      </form>
    </section>
  );
}
