// What every session document shares with the minutes: the same context (dates, digits, names), the same
// header, fonts, footer and direction, and a title block naming the session, its venue and dates. Pure.
import { cityOf, countryOf, logoOf, makeContext, type BuildContext } from '../minutes/build-model';
import { formatDateRange, formatHijriRange } from '../minutes/dates';
import type { Block, MinutesDocument } from '../minutes/model';
import type { MinutesRecord } from '../minutes/record';
import { pick, span } from '../minutes/text';
import { documentsWording, type DocumentsWording } from '../i18n/documents';
import { sessionTitle } from '../rules/session-title';
import type { Language } from '../settings/schema';

export interface DocumentOptions {
  lang: Language;
  timeZone?: string;
}

export interface DocumentContext extends BuildContext {
  d: DocumentsWording;
  sessionTitle: string;
  venue: string;
  dates: string;
}

export function documentContext(record: MinutesRecord, options: DocumentOptions): DocumentContext {
  const c = makeContext(record, { lang: options.lang, ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
  const s = record.rows.session;
  const { lang, w } = c;
  const gregorian = formatDateRange(s.startDate, s.endDate, lang, c.digits);
  const hijri = lang === 'ar' ? formatHijriRange(s.startDate, s.endDate, c.digits) : null;
  return {
    ...c,
    d: documentsWording(lang),
    sessionTitle: sessionTitle(s.kind, s.number, record.settings.councilName)[lang],
    venue: w.venue(pick(cityOf(s), lang, c.original).text, pick(countryOf(s), lang, c.original).text),
    dates: w.dates(gregorian, hijri),
  };
}

/** The title lines: "<what> / <session> / <venue, dates>", as the minutes open. */
export function titleBlocks(c: DocumentContext, what: string): Block[] {
  const { lang } = c;
  return [
    { kind: 'subtitle', content: [span(what, lang)] },
    { kind: 'title', content: [span(c.sessionTitle, lang)] },
    { kind: 'subtitle', content: [span(`${c.venue}${lang === 'ar' ? '، ' : ', '}${c.dates}`, lang)] },
  ];
}

/** The document around `blocks`, with the minutes' header, fonts, footer and direction. */
export function frame(c: DocumentContext, what: string, blocks: Block[], draft: boolean): MinutesDocument {
  const settings = c.record.settings;
  return {
    lang: c.lang,
    dir: c.w.dir,
    draft,
    draftLabel: c.w.draft,
    fonts: { arabic: settings.arabicFont, latin: settings.latinFont },
    header: { organisation: settings.name[c.lang], council: settings.councilName[c.lang], logo: logoOf(settings.logoBase64) },
    footer: c.w.footer,
    meta: { title: `${what} ${c.sessionTitle}`, subject: `${c.venue} — ${c.dates}`, sessionId: c.rows.session.id },
    sealFingerprint: null,
    blocks: [...titleBlocks(c, what), ...blocks],
  };
}
