// The session's phase as the record says it (src/sessions/phase.ts), in the list and the workspace head.
// In the workspace it re-reads on every change saved, so opening or closing a sitting shows at once.
import { useI18n } from '../i18n';
import { useChangeVersion } from './changes';
import { useQuery } from './useApi';
import type { CouncilSession } from '../../src/sessions/types';

export function SessionPhaseBadge(props: { session: CouncilSession; live?: boolean }) {
  const { t } = useI18n();
  const changes = useChangeVersion();
  const fresh = useQuery('sessions.get', props.live ? { id: props.session.id } : null, [changes]);
  const s = fresh.data ?? props.session;
  const phase = s.phase ?? (s.lockedAt ? 'approved' : 'planned');
  return (
    <span className={`badge${phase === 'approved' ? ' badge--warn' : ''}`} data-session-phase={phase}>
      {t(`session.phase.${phase}`)}
    </span>
  );
}
