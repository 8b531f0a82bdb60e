import { describe, expect, it } from 'vitest';
import { isPresentAt, presentAt, timelineProblem } from '../../src/attendance/presence';

const t = (hhmm: string) => `2026-11-10T${hhmm}:00.000Z`;
const ev = (delegationId: string, kind: 'arrival' | 'departure', hhmm: string) => ({ delegationId, kind, at: t(hhmm) });

describe('timelineProblem', () => {
  it('accepts alternating timelines, in any input order', () => {
    expect(timelineProblem([])).toBeNull();
    expect(timelineProblem([ev('a', 'departure', '10:00'), ev('a', 'arrival', '09:00'), ev('a', 'arrival', '11:00')])).toBeNull();
  });
  it('names what is wrong', () => {
    expect(timelineProblem([ev('a', 'departure', '09:00')])).toEqual({ index: 0, reason: 'departure_while_absent' });
    expect(timelineProblem([ev('a', 'arrival', '09:00'), ev('a', 'arrival', '10:00')])).toEqual({ index: 1, reason: 'arrival_while_present' });
    expect(timelineProblem([ev('a', 'arrival', '09:00'), ev('a', 'departure', '09:00')])).toEqual({ index: 1, reason: 'same_instant' });
  });
});

describe('presentAt', () => {
  const events = [
    ev('a', 'arrival', '09:00'),
    ev('a', 'departure', '10:00'),
    ev('a', 'arrival', '11:00'),
    ev('b', 'arrival', '09:30'),
    ev('c', 'arrival', '12:00'),
  ];
  it('counts an arrival from its instant and a departure from its instant', () => {
    expect(presentAt(events, t('08:59'))).toEqual([]);
    expect(presentAt(events, t('09:00'))).toEqual(['a']);
    expect(presentAt(events, t('09:59'))).toEqual(['a', 'b']);
    expect(presentAt(events, t('10:00'))).toEqual(['b']);
    expect(presentAt(events, t('11:00'))).toEqual(['a', 'b']);
    expect(presentAt(events, t('12:00'))).toEqual(['a', 'b', 'c']);
  });
  it('does not depend on the order events are given in', () => {
    const shuffled = [...events].reverse();
    for (const hhmm of ['09:00', '09:45', '10:30', '11:30', '13:00']) {
      expect(presentAt(shuffled, t(hhmm))).toEqual(presentAt(events, t(hhmm)));
    }
    expect(isPresentAt([ev('x', 'departure', '10:00'), ev('x', 'arrival', '09:00')], t('09:30'))).toBe(true);
  });
});
