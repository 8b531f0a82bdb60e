// The venue's time zone: an IANA name the runtime knows ('Asia/Baghdad'), or '' for "not known".

/** True when `zone` is an IANA time zone this runtime can format in. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone the minutes print clock times in: the one asked for (CLI --tz, API) first, then the
 * session's venue zone, then the computer's.
 */
export function minutesTimeZone(requested: string | undefined, sessionZone: string): string {
  if (requested) return requested;
  if (sessionZone) return sessionZone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
