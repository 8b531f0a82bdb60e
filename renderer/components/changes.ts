// "Something was saved": every successful call that writes tells the other screens (this window through
// a listener set, other windows of the app through a BroadcastChannel), so a departure recorded on the
// attendance tab updates an open roll-call panel or a quorum banner at once instead of at the next poll.
import { useEffect, useState } from 'react';

const listeners = new Set<(name: string) => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('council.changes');
if (channel) channel.onmessage = (e: MessageEvent) => listeners.forEach((l) => l(String(e.data)));

const readOnly = /\.(get|list|listOpen|at|rollCallOrder|preview|search|status)$/;

export function announceChange(callName: string): void {
  if (readOnly.test(callName)) return;
  listeners.forEach((l) => l(callName));
  channel?.postMessage(callName);
}

/** A number that grows on every change saved anywhere in the app; effects put it in their deps. */
export function useChangeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const l = () => setVersion((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return version;
}
