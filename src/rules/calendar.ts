// Calendar dates and instants that exist: a regular expression lets through 30 February, month 13 and year
// 0001, which then crash the minutes ("Invalid time value") or print nonsense. One definition for the API
// inputs, the bundle and the record invariants. Pure.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayProblem(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return `year ${y} out of range ${MIN_YEAR}..${MAX_YEAR}`;
  if (m < 1 || m > 12) return `no month ${m}`;
  if (d < 1 || d > daysIn(y, m)) return `no day ${d} in ${y}-${String(m).padStart(2, '0')}`;
  return null;
}

/** Why `s` is not a real calendar date YYYY-MM-DD, or null. */
export function dateProblem(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return 'not a date YYYY-MM-DD';
  return dayProblem(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Why `s` is not a real ISO-8601 instant with a zone, or null. */
export function instantProblem(s: string): string | null {
  const m = INSTANT.exec(s);
  if (!m) return 'not an ISO-8601 instant';
  const day = dayProblem(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day) return day;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return 'no such time of day';
  if (m[8] && (Number(m[9]) > 14 || Number(m[10]) > 59)) return 'no such time zone offset';
  if (Number.isNaN(Date.parse(s))) return 'not an instant';
  return null;
}

/** The calendar date of an instant in a zone ('' = UTC). */
export function localDate(instant: string, zone: string): string {
  const d = new Date(instant);
  if (!zone) return d.toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const HOUR = 3600_000;

/**
 * Whether an instant falls within a session's dates. Session dates are calendar dates at the venue: with the
 * venue's zone known, the instant's local date must lie between them; without it, anywhere on earth (from the
 * first local midnight of the start date, UTC+14, to the last local end of the end date, UTC−12).
 */
export function withinSessionDates(session: { startDate: string; endDate: string; timeZone?: string }, at: string): boolean {
  if (session.timeZone) {
    const day = localDate(at, session.timeZone);
    return day >= session.startDate && day <= session.endDate;
  }
  const ms = Date.parse(at);
  const from = Date.parse(`${session.startDate}T00:00:00.000Z`) - 14 * HOUR;
  const to = Date.parse(`${session.endDate}T00:00:00.000Z`) + 24 * HOUR + 12 * HOUR;
  return ms >= from && ms <= to;
}

/**
 * A follow-up action cannot fall due before the decision it follows from was adopted: its due date is
 * before the decision's day at the venue (UTC when the venue's zone is unknown). Used by the actions service,
 * the import and `council check` alike.
 */
export function dueBeforeDecision(dueDate: string | null, decisionAdoptedAt: string, zone = ''): boolean {
  return dueDate !== null && dueDate < localDate(decisionAdoptedAt, zone);
}
