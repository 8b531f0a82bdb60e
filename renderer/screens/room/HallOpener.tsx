// Opens the hall display: Electron puts a window on the projector (full screen); the browser host gives
// the page's address (with the token), opened in a new tab to drag to the other screen.
import { useState } from 'react';
import { useI18n, languages, type Lang } from '../../i18n';
import { useMutation } from '../../components/useApi';
import { FormError } from '../../components/Field';
import type { CouncilSession } from '../../../src/sessions/types';

const names: Record<Lang, string> = { ar: 'العربية', en: 'English', fr: 'Français' };

export function HallOpener({ session }: { session: CouncilSession }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<Lang>(session.languages[0] ?? 'ar');
  const [opened, setOpened] = useState(false);
  const m = useMutation();
  const open = async () => {
    const r = await m.run('room.openHall', { sessionId: session.id, lang, fullscreen: true });
    if (!r) return;
    setOpened(r.opened);
    // The address carries the token: opened, never shown (this screen may be mirrored in the hall).
    if (r.url) setOpened(Boolean(window.open(r.url, '_blank', 'noopener')) || true);
  };
  return (
    <div className="room-hall">
      <label>
        {t('room.hallLanguage')}
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-field="hall-lang">
          {languages.map((l) => (
            <option key={l} value={l}>
              {names[l]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void open()} data-action="open-hall">
        {t('room.openHall')}
      </button>
      {opened ? <span className="muted">{t('room.hallOpened')}</span> : null}
      <FormError m={m} fields={[]} />
    </div>
  );
}
