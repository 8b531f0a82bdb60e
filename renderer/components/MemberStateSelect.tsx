// A member state chosen from the register (the session's chair, its rapporteur): '' is none.
import { Field } from './Field';
import { useI18n } from '../i18n';
import { useQuery, type Mutation } from './useApi';

export function MemberStateSelect(props: { label: string; name: string; value: string; onChange: (id: string) => void; m?: Mutation; disabled?: boolean }) {
  const { lang } = useI18n();
  const states = useQuery('memberStates.list', {});
  return (
    <Field label={props.label} name={props.name} m={props.m}>
      {(p) => (
        <select {...p} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">—</option>
          {(states.data ?? []).map((s) => (
            <option key={s.id} value={s.id} data-iso={s.isoCode}>
              {lang === 'ar' ? s.nameAr : lang === 'en' ? s.nameEn : s.nameFr}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
