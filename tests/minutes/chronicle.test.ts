// The pure account of a sitting's attendance (src/minutes/attendance.ts): intervals of presence, and the
// quorum lost, restored or reached at the instant it happens (all events of one instant applied first).
import { describe, expect, it } from 'vitest';
import { presenceAt, sittingChronicle } from '../../src/minutes/attendance';

const sitting = { id: 's', sessionId: 'x', number: 1, startsAt: '2025-01-01T08:00:00.000Z', endsAt: '2025-01-01T12:00:00.000Z', createdAt: '2025-01-01T00:00:00.000Z' };
let n = 0;
const ev = (delegationId: string, kind: 'arrival' | 'departure', hhmm: string) => ({
  id: `e${++n}`, sessionId: 'x', sittingId: 's', delegationId, kind, at: `2025-01-01T${hhmm}:00.000Z`, recordedAt: '2025-01-01T00:00:00.000Z',
});

describe('a sitting told in time order', () => {
  it('reaches the quorum late, loses it and restores it; two departures at one instant make one change', () => {
    const events = [ev('a', 'arrival', '08:00'), ev('b', 'arrival', '08:30'), ev('c', 'arrival', '08:30'), ev('b', 'departure', '09:00'), ev('c', 'departure', '09:00'), ev('b', 'arrival', '09:30')];
    const { presentAtOpening, entries } = sittingChronicle(sitting, events, new Set(['a', 'b', 'c']), 2);
    expect(presentAtOpening).toEqual(['a']);
    expect(entries.map((e) => [e.at.slice(11, 16), e.delegationId, e.kind, e.present, e.quorum])).toEqual([
      ['08:30', 'b', 'arrived', 3, null],
      ['08:30', 'c', 'arrived', 3, 'reached'],
      ['09:00', 'b', 'left', 1, null],
      ['09:00', 'c', 'left', 1, 'lost'],
      ['09:30', 'b', 'returned', 2, 'restored'],
    ]);
    expect(presenceAt(sitting, events).get('b')?.intervals.map((i) => [i.from.slice(11, 16), i.to?.slice(11, 16) ?? null])).toEqual([
      ['08:30', '09:00'],
      ['09:30', null],
    ]);
  });

  it('ignores observers for the quorum', () => {
    const { entries } = sittingChronicle(sitting, [ev('a', 'arrival', '08:00'), ev('obs', 'arrival', '08:10')], new Set(['a']), 1);
    expect(entries).toEqual([]);
  });
});
