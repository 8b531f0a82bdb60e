// A speaker's time left, counted down each second from when the floor was given (0 = no limit).
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';

export function timeLeft(startedAt: string, limitSeconds: number, nowMs: number): number {
  // Never more than the limit: the page's clock may run a little behind the core's.
  return Math.min(limitSeconds, limitSeconds - Math.floor((nowMs - Date.parse(startedAt)) / 1000));
}

export function formatSeconds(s: number): string {
  const a = Math.abs(s);
  return `${s < 0 ? '−' : ''}${Math.floor(a / 60)}:${String(a % 60).padStart(2, '0')}`;
}

/** `skewMs`: the core's clock minus this page's (the hall may run on another machine's browser). */
export function useNow(skewMs = 0): number {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    setNow(Date.now() + skewMs);
    const id = setInterval(() => setNow(Date.now() + skewMs), 250);
    return () => clearInterval(id);
  }, [skewMs]);
  return now;
}

export function Timer(props: { startedAt: string; limitSeconds: number | null; skewMs?: number; className?: string }) {
  const { t } = useI18n();
  const now = useNow(props.skewMs ?? 0);
  if (!props.limitSeconds) return <span className={props.className} data-timer="none">{t('room.noLimit')}</span>;
  const left = timeLeft(props.startedAt, props.limitSeconds, now);
  return (
    <span className={`${props.className ?? ''}${left < 0 ? ' timer--over' : left <= 30 ? ' timer--low' : ''}`} data-timer={left} role="timer" aria-live="off" dir="ltr">
      {formatSeconds(left)}
    </span>
  );
}
