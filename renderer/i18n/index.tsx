// Run-time language switch: the catalogue, the document's lang/dir (the layout mirrors through CSS
// logical properties), and date formatting (Arabic shows Gregorian and Hijri).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ar, type MessageKey } from './ar';
import { en } from './en';
import { fr } from './fr';

export type Lang = 'ar' | 'en' | 'fr';
export const languages: Lang[] = ['ar', 'en', 'fr'];
const catalogues: Record<Lang, Record<MessageKey, string>> = { ar, en, fr };
const LANG_KEY = 'council.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  setLang(lang: Lang): void;
  t: Translate;
  /** 'YYYY-MM-DD' → a calendar date; in Arabic, Gregorian then Hijri. */
  date(isoDate: string | null | undefined): string;
  /** An ISO instant → date and time, in the venue's zone when one is given (as the minutes print it), else this computer's. */
  dateTime(iso: string | null | undefined, zone?: string): string;
  time(iso: string | null | undefined, zone?: string): string;
  /** Pick the current language's field: { nameAr, nameEn, nameFr } with prefix 'name'. */
  pick(obj: object, prefix: string): string;
  /** The list separator of the language: '، ' in Arabic, ', ' otherwise. */
  comma: string;
  /** What follows a label: ': ' (French puts a space before it: ' : '). */
  colon: string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return stored === 'en' || stored === 'fr' || stored === 'ar' ? stored : 'ar';
}

function parseDate(isoDate: string): Date {
  // Noon UTC keeps the calendar day whatever the zone.
  return new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
}

const gregorian: Record<Lang, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const hijri = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const locales: Record<Lang, string> = { ar: 'ar-u-nu-latn', en: 'en-GB', fr: 'fr-FR' };

export function formatDate(lang: Lang, isoDate: string): string {
  const d = parseDate(isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  const g = gregorian[lang].format(d);
  return lang === 'ar' ? `${g} م (${hijri.format(d)})` : g;
}

/** `fixedLang`: a page in a language of its own (the hall display), not stored as the user's choice. */
export function I18nProvider({ children, fixedLang }: { children: ReactNode; fixedLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixedLang ?? initialLang());
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    document.title = catalogues[lang]['app.title'];
  }, [lang, dir]);

  const setLang = useCallback((next: Lang) => {
    if (!fixedLang) localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  }, [fixedLang]);

  const value = useMemo<I18n>(() => {
    const cat = catalogues[lang];
    const t: Translate = (key, params) => {
      let s = cat[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    const fmt = (zone: string | undefined, opts: Intl.DateTimeFormatOptions) => {
      try {
        return new Intl.DateTimeFormat(locales[lang], { ...opts, ...(zone ? { timeZone: zone } : {}) });
      } catch {
        return new Intl.DateTimeFormat(locales[lang], opts);
      }
    };
    const timeOpts: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    const dtOpts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' };
    return {
      lang,
      dir,
      setLang,
      t,
      comma: lang === 'ar' ? '، ' : ', ',
      colon: lang === 'fr' ? '\u00a0: ' : ': ',
      date: (d) => (d ? formatDate(lang, d) : ''),
      dateTime: (iso, zone) => (iso ? fmt(zone || undefined, dtOpts).format(new Date(iso)) : ''),
      time: (iso, zone) => (iso ? fmt(zone || undefined, timeOpts).format(new Date(iso)) : ''),
      pick: (obj, prefix) => {
        const rec = obj as Record<string, unknown>;
        const suffix = lang === 'ar' ? 'Ar' : lang === 'en' ? 'En' : 'Fr';
        const v = rec[prefix + suffix] ?? rec[prefix + 'Ar'] ?? rec[prefix];
        if (v && typeof v === 'object') return String((v as Record<string, unknown>)[lang] ?? '');
        return v == null ? '' : String(v);
      },
    };
  }, [lang, dir, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export type { MessageKey };
