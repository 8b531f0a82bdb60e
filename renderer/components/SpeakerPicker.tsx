// Speaker picker: the chair, the secretariat, the Director-General and every delegation of the session,
// filtered as you type by name in any language or by ISO code, with Arabic folded as the search folds
// it ("عمان" finds "عُمان"); similar names are told apart by their code. ↑/↓ and Enter pick, Escape
// closes the list; emptying the box (Backspace on an empty box, or ×) clears the speaker, so the next
// note never goes silently to the previous one.
import { forwardRef, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { foldForSearch } from '../../src/rules/arabic-normalize';
import type { Delegation } from '../../src/delegations/types';
import type { SpeakerKind } from '../../src/notes/types';

export interface Speaker {
  kind: SpeakerKind;
  delegationId: string | null;
  label: string;
  /** The speaker's own name, stored with the note (the Director-General speaks for the secretariat). */
  name?: string;
  code?: string;
}

export function speakersOf(delegations: Delegation[], lang: 'ar' | 'en' | 'fr', t: (k: 'notes.chair' | 'notes.secretariat' | 'notes.dg') => string): Speaker[] {
  const secretariat = delegations.find((d) => d.kind === 'secretariat');
  const list: Speaker[] = [
    { kind: 'chair', delegationId: null, label: t('notes.chair') },
    { kind: 'secretariat', delegationId: secretariat?.id ?? null, label: t('notes.dg'), name: t('notes.dg') },
    { kind: 'secretariat', delegationId: secretariat?.id ?? null, label: t('notes.secretariat') },
  ];
  for (const d of delegations) {
    if (d.kind === 'secretariat') continue;
    list.push({ kind: d.kind === 'member' ? 'delegation' : 'observer', delegationId: d.id, label: d.name[lang], ...(d.isoCode ? { code: d.isoCode } : {}) });
  }
  return list;
}

const keyOf = (s: Speaker) => `${s.kind}:${s.delegationId ?? ''}:${s.name ?? ''}`;

export const SpeakerPicker = forwardRef<
  HTMLInputElement,
  { speakers: Speaker[]; delegations: Delegation[]; value: Speaker | null; onChange: (s: Speaker | null) => void; id?: string; disabled?: boolean }
>(function SpeakerPicker({ speakers, delegations, value, onChange, id, disabled }, ref) {
  const { t, colon } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const q = foldForSearch(query.trim());
  const matches = q
    ? speakers.filter((s) => {
        const d = delegations.find((x) => x.id === s.delegationId && s.kind !== 'secretariat');
        const hay = [s.label, d?.name.ar, d?.name.en, d?.name.fr, d?.isoCode].filter(Boolean).join(' ');
        return foldForSearch(hay).includes(q);
      })
    : speakers;
  const open = query.trim().length > 0;
  const pick = (s: Speaker) => {
    onChange(s);
    setQuery('');
    setActive(0);
  };
  return (
    <div className="speaker-picker">
      <input
        ref={ref}
        id={id}
        role="combobox"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        placeholder={value ? value.label : t('notes.pickSpeaker')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            const s = matches[active];
            if (s) pick(s);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setQuery('');
          } else if ((e.key === 'Backspace' || e.key === 'Delete') && !query && value) {
            e.preventDefault();
            onChange(null);
          }
        }}
        data-field="speaker"
      />
      {value ? (
        <div className="muted" data-speaker={value.label}>
          {t('notes.speaker')}
          {colon}
          <strong>
            <bdi>{value.label}</bdi>
          </strong>
          {value.code ? <small dir="ltr"> {value.code}</small> : null}{' '}
          <button type="button" className="small" disabled={disabled} onClick={() => onChange(null)} aria-label={t('notes.clearSpeaker')} data-action="clear-speaker">
            ×
          </button>
        </div>
      ) : null}
      {open ? (
        <ul id={listId} role="listbox" className="panel speaker-options">
          {matches.map((s, i) => (
            <li
              key={keyOf(s)}
              id={`${listId}-${i}`}
              role="option"
              className="speaker-option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
              data-option={s.code ?? s.kind}
            >
              <bdi>{s.label}</bdi>
              {s.code ? <small dir="ltr">{s.code}</small> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
