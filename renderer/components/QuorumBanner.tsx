// The live quorum banner: members present against the session's rule, refreshed whenever attendance
// changes (the parent passes a version number, and any change saved in the app) and every 30 seconds.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import type { QuorumStatus } from '../../src/quorum/types';
import type { Sitting } from '../../src/sittings/types';
import { instantIn } from './useSittings';
import { useChangeVersion } from './changes';

export function useQuorum(sitting: Sitting | undefined, version: number): QuorumStatus | null {
  const [status, setStatus] = useState<QuorumStatus | null>(null);
  const [tick, setTick] = useState(0);
  // Any change saved anywhere in the app (an arrival, a departure) re-reads the quorum at once.
  const changes = useChangeVersion();
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!sitting) return;
    let live = true;
    void api.call('quorum.at', { sittingId: sitting.id, at: instantIn(sitting) }).then((r) => {
      if (live) setStatus(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [sitting, version, tick, changes]);
  return status;
}

export function QuorumBanner({ status }: { status: QuorumStatus | null }) {
  const { t } = useI18n();
  if (!status) return null;
  const params = { present: status.present, required: status.required, members: status.memberCount };
  return (
    <div className={`banner ${status.met ? 'banner--ok' : 'banner--bad'}`} role="status" aria-live="polite" data-quorum={status.met ? 'met' : 'not-met'}>
      {status.met ? t('quorum.met', params) : t('quorum.notMet', params)}
    </div>
  );
}
