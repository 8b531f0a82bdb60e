// Speaker picker: the chair, the secretariat and every delegation of the session, filtered as you
// type (by name in any language or by ISO code); ↑/↓ and Enter pick without the mouse.
import { forwardRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { Delegation } from '../../src/delegations/types';
import type { SpeakerKind } from '../../src/notes/types';

export interface Speaker {
  kind: SpeakerKind;
  delegationId: string | null;
  label: string;
}

export function speakersOf(delegations: Delegation[], lang: 'ar' | 'en' | 'fr', t: (k: 'notes.chair' | 'notes.secretariat') => string): Speaker[] {
  const list: Speaker[] = [
    { kind: 'chair', delegationId: null, label: t('notes.chair') },
    { kind: 'secretariat', delegationId: null, label: t('notes.secretariat') },
  ];
  for (const d of delegations) {
    if (d.kind === 'secretariat') continue;
    list.push({ kind: d.kind === 'member' ? 'delegation' : 'observer', delegationId: d.id, label: d.name[lang] });
  }
  return list;
}

export const SpeakerPicker = forwardRef<HTMLInputElement, { speakers: Speaker[]; delegations: Delegation[]; value: Speaker | null; onChange: (s: Speaker) => void; id?: string }>(
  function SpeakerPicker({ speakers, delegations, value, onChange, id }, ref) {
    const { t, colon } = useI18n();
    const [query, setQuery] = useState('');
    const [active, setActive] = useState(0);
    const q = query.trim().toLowerCase();
    const matches = q
      ? speakers.filter((s) => {
          const d = delegations.find((x) => x.id === s.delegationId);
          const hay = [s.label, d?.name.ar, d?.name.en, d?.name.fr, d?.isoCode].filter(Boolean).join(' ').toLowerCase();
          return hay.includes(q);
        })
      : speakers;
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
          aria-expanded={q.length > 0}
          aria-controls="speaker-options"
          aria-activedescendant={q ? `speaker-opt-${active}` : undefined}
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
            } else if (e.key === 'Enter' && q) {
              e.preventDefault();
              const s = matches[active];
              if (s) pick(s);
            }
          }}
          data-field="speaker"
        />
        {value ? (
          <div className="muted" data-speaker={value.label}>
            {t('notes.speaker')}{colon}<strong>{value.label}</strong>
          </div>
        ) : null}
        {q ? (
          <ul id="speaker-options" role="listbox" className="panel" style={{ position: 'absolute', zIndex: 5, margin: 0, padding: 4, listStyle: 'none', maxBlockSize: 220, overflow: 'auto' }}>
            {matches.map((s, i) => (
              <li
                key={s.kind + (s.delegationId ?? '')}
                id={`speaker-opt-${i}`}
                role="option"
                aria-selected={i === active}
                style={{ padding: 4, background: i === active ? 'var(--accent-soft)' : undefined, cursor: 'pointer' }}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(s);
                }}
              >
                {s.label}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  },
);
