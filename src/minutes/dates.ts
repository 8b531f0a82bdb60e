// Dates and times in the minutes, through Intl (full ICU in Node and Chromium): Gregorian in every
// language, Hijri (Umm al-Qura) beside it in Arabic, digits as the organisation chooses. Pure.
import type { Language } from '../settings/schema';

export type Digits = 'western' | 'arabic-indic';

const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

function gregorianLocale(lang: Language, digits: Digits): string {
  if (lang === 'ar') return `ar-EG-u-nu-${digits === 'arabic-indic' ? 'arab' : 'latn'}`;
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

function hijriLocale(digits: Digits): string {
  return `ar-SA-u-ca-islamic-umalqura-nu-${digits === 'arabic-indic' ? 'arab' : 'latn'}`;
}

/** 'YYYY-MM-DD' as a Date at UTC midnight, so formatting in UTC gives the same calendar day. */
function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const longDate = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

// Making an Intl.DateTimeFormat costs far more than using one (it was the model's largest cost: a clock
// time per vote, per attendance event): one per locale, zone and kind, kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions, kind: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${options.timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

function clean(s: string): string {
  return s.replace(BIDI_MARKS, '');
}

export function formatDate(date: string, lang: Language, digits: Digits): string {
  return clean(dateTimeFormat(gregorianLocale(lang, digits), longDate, 'long').format(calendarDay(date)));
}

export function formatHijri(date: string, digits: Digits): string {
  return clean(dateTimeFormat(hijriLocale(digits), longDate, 'long').format(calendarDay(date)));
}

export function formatDateRange(start: string, end: string, lang: Language, digits: Digits): string {
  if (start === end) return formatDate(start, lang, digits);
  const f = dateTimeFormat(gregorianLocale(lang, digits), longDate, 'long');
  return clean(f.formatRange(calendarDay(start), calendarDay(end)));
}

export function formatHijriRange(start: string, end: string, digits: Digits): string {
  if (start === end) return formatHijri(start, digits);
  const f = dateTimeFormat(hijriLocale(digits), longDate, 'long');
  return clean(f.formatRange(calendarDay(start), calendarDay(end)));
}

/** The calendar day of an instant where the session is held. */
export function dayOf(instant: string, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }, 'day').formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * 24-hour clock time of an instant where the session is held: 09:30 in Arabic and English, 9 h 30 in
 * French (the typographic usage of French official texts).
 */
export function formatTime(instant: string, lang: Language, digits: Digits, timeZone: string): string {
  const hhmm = dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'time').format(new Date(instant));
  if (lang === 'fr') {
    const [h = '0', m = '00'] = hhmm.split(':');
    return `${Number(h)}\u00a0h\u00a0${m}`;
  }
  return formatNumber(hhmm, lang, digits);
}

/**
 * Text stored with its digits fixed (a decision number is rendered once, at adoption) shown in the digits
 * the organisation chooses now, so one Arabic document never mixes ٦٦ and 66. Other languages: Western.
 */
export function withDigits(text: string, lang: Language, digits: Digits): string {
  if (lang === 'ar' && digits === 'arabic-indic') return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Western digits in generated text become Arabic-Indic in Arabic minutes when the organisation says so. */
export function formatNumber(value: number | string, lang: Language, digits: Digits): string {
  const s = String(value);
  if (lang !== 'ar' || digits === 'western') return s;
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}
