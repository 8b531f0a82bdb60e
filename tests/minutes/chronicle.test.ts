// The pure account of a sitting's attendance (src/minutes/attendance.ts): intervals of presence, and the
// quorum lost, restored or reached at the instant it happens (all events of one instant applied first).
import { describe, expect, it } from 'vitest';
import { presenceAt, sittingChronicle } from '../../src/minutes/attendance';
import { absentStates } from '../../src/minutes/build-sittings';

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

describe('member states named absent from the whole session', () => {
  const state = (id: string, order: number) => ({ id, isoCode: id.toUpperCase(), nameAr: id, nameEn: id, nameFr: id, protocolOrder: order, active: 1 as const, createdAt: '2025-01-01T00:00:00.000Z' });
  const states = [state('ma', 1), state('eg', 2), state('iq', 3)];
  const delegation = (id: string, memberStateId: string) => ({ id, sessionId: 'x', kind: 'member' as const, memberStateId, nameAr: '', nameEn: '', nameFr: '', credentialsReceivedOn: null, createdAt: '2025-01-01T00:00:00.000Z' });
  const rows = (attendanceEvents: ReturnType<typeof ev>[]) =>
    ({ sittings: [sitting], delegations: [delegation('a', 'ma'), delegation('b', 'eg')], attendanceEvents }) as unknown as Parameters<typeof absentStates>[0];

  it('with attendance recorded: the states that never attended, a registered delegation included', () => {
    expect(absentStates(rows([ev('a', 'arrival', '08:00')]), states).map((s) => s.id)).toEqual(['eg', 'iq']);
  });

  it('with no attendance recorded at all: only the states without a delegation (never the registered ones as well)', () => {
    expect(absentStates(rows([]), states).map((s) => s.id)).toEqual(['iq']);
  });
});
