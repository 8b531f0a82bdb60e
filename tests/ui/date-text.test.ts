// The date and time fields' reading of what a person types (renderer/components/date-text.ts): the
// date shown in the UI's language reads back as itself, in every language, for every day of a year; the
// forms a secretary types (Arabic-Indic digits, month names in the three languages and the Levantine and
// Maghreb Arabic names, day first, ISO) give the same date; what is not a real date gives none.
import { describe, expect, it } from 'vitest';
import { parseDateText, parseTimeText, shiftDate, shiftTime, showDate } from '../../renderer/components/date-text';

describe('a typed date', () => {
  it('shows in the UI language and reads back as itself, every day of 2028', () => {
    expect(showDate('2026-11-10', 'ar')).toBe('10 نوفمبر 2026');
    expect(showDate('2026-11-10', 'en')).toBe('10 November 2026');
    expect(showDate('2026-11-10', 'fr')).toBe('10 novembre 2026');
    for (let d = new Date(Date.UTC(2028, 0, 1)); d.getUTCFullYear() === 2028; d = new Date(d.getTime() + 86_400_000)) {
      const iso = d.toISOString().slice(0, 10);
      for (const lang of ['ar', 'en', 'fr'] as const) expect(parseDateText(showDate(iso, lang)), `${lang} ${iso}`).toBe(iso);
    }
  });

  it.each([
    '10 نوفمبر 2026', '١٠ نوفمبر ٢٠٢٦', '١٠/١١/٢٠٢٦', '10/11/2026', '10.11.26', '10-11-2026', '2026-11-10', '۱۰/۱۱/۲۰۲۶',
    '10 تشرين الثاني 2026', '10 نونبر 2026', '10 November 2026', 'November 10, 2026', '10 nov. 2026', '10 Novembre 2026', 'le 10 novembre 2026',
  ])('reads %s as 10 November 2026', (typed) => {
    expect(parseDateText(typed)).toBe('2026-11-10');
  });

  it('tells months apart that share letters, and takes the first of the month', () => {
    expect(parseDateText('1 كانون الثاني 2027')).toBe('2027-01-01');
    expect(parseDateText('1 كانون الأول 2027')).toBe('2027-12-01');
    expect(parseDateText('1er mars 2027')).toBe('2027-03-01');
    expect(parseDateText('3 août 2027')).toBe('2027-08-03');
    expect(parseDateText('3 أغسطس 2027')).toBe('2027-08-03');
  });

  it.each(['', '31/02/2026', '30 فبراير 2026', '2026-13-01', 'tomorrow', '10 2026', '10 nov', 'mardi 10 nov 2026', '1/1/1800'])('reads %j as no date', (typed) => {
    expect(parseDateText(typed)).toBeNull();
  });

  it('moves by days and months within the calendar', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2026-01-31', 0, 1)).toBe('2026-02-28');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('a typed time', () => {
  it.each([['9:05', '09:05'], ['09.05', '09:05'], ['0905', '09:05'], ['٩:٠٥', '09:05'], ['23:59', '23:59'], ['14', '14:00'], ['14h30', '14:30']])('reads %s as %s', (typed, hhmm) => {
    expect(parseTimeText(typed)).toBe(hhmm);
  });
  it.each(['24:00', '9:60', 'noon', '9:5', ''])('reads %j as no time', (typed) => {
    expect(parseTimeText(typed)).toBeNull();
  });
  it('moves around the clock', () => {
    expect(shiftTime('23:59', 1)).toBe('00:00');
    expect(shiftTime('00:00', -60)).toBe('23:00');
  });
});
