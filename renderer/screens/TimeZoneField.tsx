// The venue's time zone, chosen from a list (never typed: a half-typed zone is not a zone): the zones of
// AIDSMO's member states first, then every other zone this browser knows, and "not known" (the minutes
// then print times in the laptop's zone). The service checks it is a real zone all the same.
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import type { Mutation } from '../components/useApi';

/** One IANA zone per member state (capital), sorted. */
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

/** Every other zone the browser's ICU knows (a session may meet outside the region). */
function otherZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const set = new Set(all.filter((z) => !MEMBER_STATE_ZONES.includes(z)));
  if (current && !MEMBER_STATE_ZONES.includes(current)) set.add(current);
  return [...set].sort();
}

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
  return (
    <Field label={t('session.timeZone')} name="timeZone" m={m} hint={t('session.timeZoneHint')}>
      {(p) => (
        <select {...p} dir="ltr" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('session.timeZoneUnknown')}</option>
          <optgroup label={t('session.timeZoneMembers')}>
            {MEMBER_STATE_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('session.timeZoneOthers')}>
            {otherZones(value).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </optgroup>
        </select>
      )}
    </Field>
  );
}
