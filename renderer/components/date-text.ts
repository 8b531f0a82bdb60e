// Dates and times typed as the secretary reads them, in the UI's language, instead of the browser's
// date and time controls (Chromium draws those in the system's locale: mm/dd/yyyy in an Arabic UI).
// Shown as the rest of the UI shows a date (Arabic month names, the day first); read back from what a
// person types: "10 نوفمبر 2026", "١٠/١١/٢٠٢٦", "10 nov. 2026", "10.11.26", "2026-11-10", the month in any
// of the three languages or in the Levantine or Maghreb Arabic names. Pure: Intl only, no DOM.
import { dateProblem } from '../../src/rules/calendar';

export type DateLang = 'ar' | 'en' | 'fr';

const shown: Record<DateLang, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** 'YYYY-MM-DD' as the UI shows it ("10 نوفمبر 2026", "10 November 2026", "10 novembre 2026"); '' stays ''. */
export function showDate(iso: string, lang: DateLang): string {
  if (!iso || dateProblem(iso)) return iso;
  return shown[lang].format(new Date(`${iso}T12:00:00Z`)).replace(/\u200f/g, '');
}

/** Arabic-Indic and Persian digits as ASCII; letters folded (case, French accents, Arabic letter forms and marks). */
function fold(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640\u200e\u200f\u061c]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase();
}

const extraMonths: string[][] = [
  // Levantine and Iraqi
  ['كانون الثاني', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين الاول', 'تشرين الثاني', 'كانون الاول'],
  // Morocco
  ['يناير', 'فبراير', 'مارس', 'ابريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'اكتوبر', 'نونبر', 'دجنبر'],
  // Algeria and Tunisia
  ['جانفي', 'فيفري', 'مارس', 'افريل', 'ماي', 'جوان', 'جويليه', 'اوت', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر'],
  ['يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيه', 'يوليه', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر'],
];

/** Every name of every month (folded) → its number, longest first so "تشرين الثاني" wins over "تشرين". */
const monthNames: [string, number][] = (() => {
  const out = new Map<string, number>();
  const add = (name: string, m: number) => {
    const f = fold(name).replace(/\.$/, '').trim();
    if (f && !out.has(f)) out.set(f, m);
  };
  for (const locale of ['ar-u-ca-gregory', 'en-GB', 'fr-FR']) {
    for (const style of ['long', 'short'] as const) {
      const fmt = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) add(fmt.format(new Date(Date.UTC(2026, m - 1, 15))), m);
    }
  }
  for (const list of extraMonths) list.forEach((n, i) => add(n, i + 1));
  for (const [n, m] of [['sept', 9], ['juil', 7], ['fevr', 2], ['avr', 4], ['janv', 1]] as const) add(n, m);
  return [...out.entries()].sort((a, b) => b[0].length - a[0].length);
})();

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What was typed, as 'YYYY-MM-DD', or null when it is not a real date. The day comes before the month
 * unless the year leads (ISO); a two-digit year is this century.
 */
export function parseDateText(text: string): string | null {
  let s = ` ${fold(text).trim()} `;
  if (!s.trim()) return null;
  let month: number | null = null;
  for (const [name, m] of monthNames) {
    const at = s.indexOf(name);
    // A whole word only ("mar" is not inside "mardi"), with an optional abbreviation dot.
    if (at > 0 && !/[\p{L}]/u.test(s[at - 1]!) && !/[\p{L}]/u.test(s[at + name.length] ?? ' ')) {
      month = m;
      s = `${s.slice(0, at)} ${s.slice(at + name.length)}`;
      break;
    }
  }
  // Leftover words are ordinal marks and articles ("1er", "le", "th", "م" for the Gregorian era).
  const rest = s.replace(/(\d)(er|st|nd|rd|th)\b/g, '$1');
  if (/\p{L}{2,}/u.test(rest.replace(/\b(le|the|of|de|du)\b/g, ''))) return null;
  const nums = rest.match(/\d+/g)?.map(Number) ?? [];
  const lead = rest.trim().match(/^\d+/)?.[0] ?? '';
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  if (month !== null) {
    if (nums.length !== 2) return null;
    const yi = nums.findIndex((n, i) => n > 31 || (i === 1 && nums[0]! <= 31));
    if (yi < 0) return null;
    [y, m, d] = [nums[yi]!, month, nums[1 - yi]!];
  } else {
    if (nums.length !== 3) return null;
    [y, m, d] = lead.length === 4 ? [nums[0]!, nums[1]!, nums[2]!] : [nums[2]!, nums[1]!, nums[0]!];
  }
  if (y < 100) y += 2000;
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return dateProblem(iso) ? null : iso;
}

/** "HH:MM" (24-hour) from "9:05", "09.05", "0905", "٩:٠٥"; null when not a time of day. */
export function parseTimeText(text: string): string | null {
  const s = fold(text).trim();
  const m = /^(\d{1,2})[:.h ]?(\d{2})$/.exec(s) ?? /^(\d{1,2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** A date moved by whole days or months (the arrow keys), the day kept within the month. */
export function shiftDate(iso: string, days: number, months = 0): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last) + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A time moved by minutes, around the clock. */
export function shiftTime(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const t = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
}
