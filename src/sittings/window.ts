// When a sitting of a session may start. Session dates are local calendar dates at the venue while
// instants are UTC, and the venue's time zone is not stored: so a sitting may start from the first
// local midnight on earth of the start date (UTC+14) to the last local end of the end date (UTC−12).
const HOUR = 3600_000;

export function sittingWindow(startDate: string, endDate: string): { from: string; to: string } {
  const from = new Date(Date.parse(`${startDate}T00:00:00.000Z`) - 14 * HOUR).toISOString();
  const to = new Date(Date.parse(`${endDate}T00:00:00.000Z`) + 24 * HOUR + 12 * HOUR).toISOString();
  return { from, to };
}
