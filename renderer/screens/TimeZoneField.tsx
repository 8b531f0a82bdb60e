// The venue's time zone: a text box with the zones of AIDSMO's member states to pick from (a
// datalist), any other IANA name typed freely; the service checks it is a real zone.
import { useId } from 'react';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import type { Mutation } from '../components/useApi';

/** One IANA zone per member state (capital), sorted; the list is a convenience, not a limit. */
export const MEMBER_STATE_ZONES = [
  'Africa/Algiers',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Djibouti',
  'Africa/Khartoum',
  'Africa/Mogadishu',
  'Africa/Nouakchott',
  'Africa/Tripoli',
  'Africa/Tunis',
  'Asia/Aden',
  'Asia/Amman',
  'Asia/Baghdad',
  'Asia/Bahrain',
  'Asia/Beirut',
  'Asia/Damascus',
  'Asia/Dubai',
  'Asia/Hebron',
  'Asia/Kuwait',
  'Asia/Muscat',
  'Asia/Qatar',
  'Asia/Riyadh',
];

export function TimeZoneField({
  value,
  onChange,
  m,
  disabled = false,
}: {
  value: string;
  onChange: (zone: string) => void;
  m: Mutation;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const listId = useId();
  return (
    <Field label={t('session.timeZone')} name="timeZone" m={m} hint={t('session.timeZoneHint')}>
      {(p) => (
        <>
          <input {...p} dir="ltr" list={listId} size={20} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
          <datalist id={listId}>
            {MEMBER_STATE_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
