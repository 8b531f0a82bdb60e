// The session's sittings and the one being worked on (the latest open one by default), shared by the
// attendance, notes and votes tabs.
import { useEffect, useState } from 'react';
import { useQuery } from './useApi';
import type { Sitting } from '../../src/sittings/types';

export function useCurrentSitting(sessionId: string) {
  const sittings = useQuery('sittings.list', { sessionId });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = sittings.data ?? [];
  useEffect(() => {
    if (chosen && list.some((s) => s.id === chosen)) return;
    const open = [...list].reverse().find((s) => !s.endsAt) ?? list[list.length - 1];
    if (open) setChosen(open.id);
  }, [list, chosen]);
  const sitting: Sitting | undefined = list.find((s) => s.id === chosen);
  return { sittings: list, sitting, choose: setChosen, reload: sittings.reload };
}

/** Now, or the sitting's end if it is over: the instant at which presence and quorum are read. */
export function instantIn(sitting: Sitting | undefined): string {
  const now = new Date().toISOString();
  if (sitting?.endsAt && now > sitting.endsAt) return sitting.endsAt;
  return now;
}
