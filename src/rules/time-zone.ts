// The venue's time zone: an IANA name the runtime knows ('Asia/Baghdad'), or '' for "not known".

// Building a DateTimeFormat costs about a tenth of a millisecond, and a record checks the same few zones
// once for each of its instants: remember the answer.
const known = new Map<string, boolean>();

/** True when `zone` is an IANA time zone this runtime can format in. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(zone, ok);
  }
  return ok;
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
