// Clock times at the venue: the attendance tab shows and takes times in the session's time zone (the
// computer's when the session has none), whatever zone the laptop is set to.
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function venueZone(sessionZone: string): string {
  return sessionZone || localZone;
}

function parts(ms: number, zone: string): Record<string, number> {
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at that instant, in ms. */
function offsetAt(ms: number, zone: string): number {
  const p = parts(ms, zone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
}

/** "HH:MM" at the venue on the day (YYYY-MM-DD at the venue) → ISO instant; '' when not a time. */
export function venueTimeToIso(day: string, hhmm: string, zone: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || !d) return '';
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(m[1]), Number(m[2]));
  let ms = wall - offsetAt(wall, zone);
  ms = wall - offsetAt(ms, zone); // once more across a change of offset
  return new Date(ms).toISOString();
}

/** The venue's calendar day (YYYY-MM-DD) of an instant. */
export function venueDay(iso: string, zone: string): string {
  const p = parts(Date.parse(iso), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** "HH:MM" at the venue. */
export function venueClock(iso: string, zone: string): string {
  const p = parts(Date.parse(iso), zone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
