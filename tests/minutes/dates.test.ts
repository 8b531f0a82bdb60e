import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/minutes/dates';

const AT = '2024-11-12T09:05:00.000Z'; // 10:05 in Agadir (UTC+1)

describe('clock times in the minutes', () => {
  it('are 24-hour hh:mm where the session is held, in Arabic and English', () => {
    expect(formatTime(AT, 'en', 'western', 'Africa/Casablanca')).toBe('10:05');
    expect(formatTime(AT, 'ar', 'western', 'Africa/Casablanca')).toBe('10:05');
    expect(formatTime('2024-11-12T08:00:00.000Z', 'en', 'western', 'Africa/Casablanca')).toBe('09:00');
  });

  it('follow the Arabic-Indic digits setting in Arabic', () => {
    expect(formatTime(AT, 'ar', 'arabic-indic', 'Africa/Casablanca')).toBe('١٠:٠٥');
  });

  it('read "9 h 00" in French, with non-breaking spaces', () => {
    expect(formatTime('2024-11-12T08:00:00.000Z', 'fr', 'western', 'Africa/Casablanca')).toBe('9\u00a0h\u00a000');
    expect(formatTime(AT, 'fr', 'western', 'Africa/Casablanca')).toBe('10\u00a0h\u00a005');
  });
});
