// The record -> the minutes document model, in one language. Pure: no node:*, no database, no docx.
// Both renderers (render-docx.ts, render-html.ts) draw what this returns.
import type { AgendaItemRow, DelegationRow, SessionRecordRows } from '../bundle/schema';
import { minutesWording, type MinutesWording } from '../i18n/minutes';
import type { Language } from '../settings/schema';
import { frenchOf, frenchStateArticle, guessFrenchArticle } from '../rules/french-names';
import { quorumRequired } from '../rules/quorum';
import { sessionTitle } from '../rules/session-title';
import { quorumRuleSchema } from '../settings/schema';
import { presenceAt } from './attendance';
import { buildAnnexes } from './build-annexes';
import { corrigendaBlocks } from './build-corrigenda';
import { dayOf, formatDate, formatDateRange, formatHijri, formatHijriRange, formatNumber, formatTime, withDigits, type Digits } from './dates';
import type { Block, CorrigendumInput, Inline, MinutesDocument, SignatoryInput, SignatureBlock, Span } from './model';
import type { MinutesRecord } from './record';
import { freeText, hasArabic, localText, nameText, para, pick, span, translated, type PersonForms } from './text';
import { itemBlocks } from './build-items';
import { absentStatesBlocks, headCell, sittingsBlocks } from './build-sittings';
import { indexRecord, type RecordIndex } from './record-index';
import { englishStateInProse } from '../member-states/english-article';

export interface BuildOptions {
  lang: Language;
  /** Approved minutes carry no DRAFT mark (helper F's approval sets this). */
  approved?: boolean;
  /** A session imported from a .zip whose seal did not verify: marked UNVERIFIED COPY where DRAFT would be. */
  unverifiedCopy?: boolean;
  /** Who signs; by default the roles configured in settings, the chair's name from the record. */
  signatories?: SignatoryInput[];
  sealFingerprint?: string | null;
  /** IANA zone where the session was held, for clock times; UTC by default. */
  timeZone?: string;
  /** A table of contents: always, never, or when the minutes are long ('auto', the default). */
  toc?: boolean | 'auto';
  /** Corrections recorded after approval: a "Corrigenda" section before the signatures (none: no section). */
  corrigenda?: readonly CorrigendumInput[];
}

/** Everything the section builders share. */
export interface BuildContext {
  rows: SessionRecordRows;
  record: MinutesRecord;
  lang: Language;
  original: Language;
  w: MinutesWording;
  digits: Digits;
  tz: string;
  num(n: number | string): string;
  date(instantOrDate: string): string;
  /** The day in full for the opening and the closing: Gregorian, and in Arabic the Hijri date beside it. */
  fullDate(instantOrDate: string): string;
  /** A decision number (stored at adoption) in the chosen language, its digits as the settings say now. */
  decisionNumber(n: { ar: string; en: string; fr: string }): Span;
  time(instant: string): string;
  stateName(memberStateId: string | null): string;
  delegationName(d: DelegationRow | undefined): string;
  /** After "delegation of": French contracts "de" with the article (du Maroc, de l’Égypte); others as stateName. */
  stateOf(memberStateId: string | null): string;
  delegationOf(d: DelegationRow | undefined): string;
  /** The same for a free name (a speaker typed in): the French article guessed. */
  nameOf(name: string): string;
  sittingName(sittingId: string | null): string;
  itemNumbers: Map<string, string>;
  itemsInOrder: AgendaItemRow[];
  /** vote id -> its number in the order votes were held. */
  voteNumbers: Map<string, string>;
  /** The rows by id and by parent, indexed once. */
  index: RecordIndex;
}

const AUTO_TOC_ITEMS = 8;

export function buildMinutesModel(record: MinutesRecord, options: BuildOptions): MinutesDocument {
  const c = makeContext(record, options);
  const { rows, w, lang } = c;
  const s = rows.session;
  const settings = record.settings;
  const council = settings.councilName[lang];
  const sessionTitleText = sessionTitle(s.kind, s.number, settings.councilName)[lang];
  const title = `${w.minutesOf} ${sessionTitleText}`;
  const gregorian = formatDateRange(s.startDate, s.endDate, lang, c.digits);
  const hijri = lang === 'ar' ? formatHijriRange(s.startDate, s.endDate, c.digits) : null;
  const venue = w.venue(pick(cityOf(s), lang, c.original).text, pick(countryOf(s), lang, c.original).text);

  const blocks: Block[] = [
    { kind: 'subtitle', content: [span(w.minutesOf, lang)] },
    { kind: 'title', content: [span(sessionTitleText, lang)] },
    { kind: 'subtitle', content: [span(`${venue}${lang === 'ar' ? '، ' : ', '}${w.dates(gregorian, hijri)}`, lang)] },
  ];
  const topItems = c.itemsInOrder.filter((i) => i.parentId === null);
  const wantToc = options.toc === undefined || options.toc === 'auto' ? topItems.length >= AUTO_TOC_ITEMS : options.toc;
  if (wantToc) blocks.push({ kind: 'toc', title: w.toc });

  blocks.push(...openingBlocks(c), ...rapporteurBlocks(c), ...participationBlocks(c), ...agendaAdoptionBlocks(c));
  blocks.push(heading(c, 1, w.headings.items, 'items'));
  for (const item of c.itemsInOrder) blocks.push(...itemBlocks(c, item));
  blocks.push(...closingBlocks(c));
  // The corrigenda come before the signatures: signing a later version covers them too.
  blocks.push(...corrigendaBlocks(c, options.corrigenda ?? []));
  blocks.push(heading(c, 1, w.headings.signatures, 'signatures'), {
    kind: 'signatures',
    signatories: signatureBlocks(c, options.signatories),
  });
  if (options.sealFingerprint) blocks.push({ kind: 'paragraph', emphasis: 'note', content: [span(w.sealed(options.sealFingerprint), lang)] });
  blocks.push(...buildAnnexes(c));

  return {
    lang,
    dir: w.dir,
    draft: !options.approved || options.unverifiedCopy === true,
    draftLabel: options.unverifiedCopy ? w.unverifiedCopy : w.draft,
    fonts: { arabic: settings.arabicFont, latin: settings.latinFont },
    header: { organisation: settings.name[lang], council, logo: logoOf(settings.logoBase64) },
    footer: w.footer,
    meta: { title, subject: `${venue} — ${gregorian}`, sessionId: s.id },
    sealFingerprint: options.sealFingerprint ?? null,
    blocks,
  };
}

export function makeContext(record: MinutesRecord, options: BuildOptions): BuildContext {
  const rows = record.rows;
  const lang = options.lang;
  const w = minutesWording(lang);
  const digits = record.settings.digits;
  const tz = options.timeZone ?? 'UTC';
  const original = originalLanguage(rows.session.languagesJson, record.settings.defaultLanguage);
  const states = new Map(rows.memberStates.map((m) => [m.id, m]));
  const sittings = new Map(rows.sittings.map((x) => [x.id, x]));
  const num = (n: number | string) => formatNumber(n, lang, digits);
  const stateName = (id: string | null) => {
    const m = id ? states.get(id) : undefined;
    return m ? pick({ ar: m.nameAr, en: m.nameEn, fr: m.nameFr }, lang, original).text : w.none;
  };
  // "de" + a French name; a name shown in another language (no translation) keeps a bare "de".
  const frenchOfPicked = (text: string, shownInFrench: boolean, article: () => ReturnType<typeof guessFrenchArticle>) =>
    shownInFrench ? frenchOf(text, article()) : `de ${text}`;
  const nameOf = (name: string) => (lang === 'fr' ? frenchOfPicked(name, !hasArabic(name), () => guessFrenchArticle(name)) : name);
  const stateOf = (id: string | null) => {
    const m = id ? states.get(id) : undefined;
    if (lang === 'en' && m) {
      const picked = pick({ ar: m.nameAr, en: m.nameEn, fr: m.nameFr }, lang, original);
      return picked.lang === 'en' ? englishStateInProse(picked.text) : picked.text;
    }
    if (lang !== 'fr' || !m) return stateName(id);
    const picked = pick({ ar: m.nameAr, en: m.nameEn, fr: m.nameFr }, lang, original);
    return frenchOfPicked(picked.text, picked.lang === 'fr', () => frenchStateArticle(m.isoCode, m.nameFr, record.frenchArticles?.[m.isoCode]));
  };
  const delegationName = (d: DelegationRow | undefined) =>
    !d ? w.none : d.memberStateId ? stateName(d.memberStateId) : pick({ ar: d.nameAr, en: d.nameEn, fr: d.nameFr }, lang, original).text;
  const { itemsInOrder, itemNumbers } = orderItems(rows.agendaItems, num);
  const voteNumbers = new Map(
    [...rows.votes].sort((a, b) => a.heldAt.localeCompare(b.heldAt) || a.id.localeCompare(b.id)).map((v, i) => [v.id, num(i + 1)] as const),
  );
  return {
    rows,
    record,
    lang,
    original,
    w,
    digits,
    tz,
    num,
    date: (x) => formatDate(x.length === 10 ? x : dayOf(x, tz), lang, digits),
    fullDate: (x) => {
      const day = x.length === 10 ? x : dayOf(x, tz);
      return w.dates(formatDate(day, lang, digits), lang === 'ar' ? formatHijri(day, digits) : null);
    },
    decisionNumber: (n) => {
      const picked = pick(n, lang, original);
      return { ...picked, text: withDigits(picked.text, picked.lang, digits) };
    },
    time: (x) => formatTime(x, lang, digits, tz),
    stateName,
    delegationName,
    stateOf,
    delegationOf: (d) => (d?.memberStateId ? stateOf(d.memberStateId) : nameOf(delegationName(d))),
    nameOf,
    sittingName: (id) => {
      const x = id ? sittings.get(id) : undefined;
      return x ? w.sittingName(x.number, (n) => num(n)) : w.none;
    },
    itemNumbers,
    itemsInOrder,
    voteNumbers,
    index: indexRecord(rows),
  };
}

function originalLanguage(languagesJson: string, fallback: Language): Language {
  try {
    const list = JSON.parse(languagesJson) as unknown;
    if (Array.isArray(list) && ['ar', 'en', 'fr'].includes(list[0] as string)) return list[0] as Language;
  } catch {
    // a damaged list falls back to the organisation's default language
  }
  return fallback;
}

/** Depth-first by position: "1", "2", "2.1"... */
function orderItems(items: AgendaItemRow[], num: (n: number | string) => string) {
  const children = new Map<string | null, AgendaItemRow[]>();
  for (const i of items) {
    const list = children.get(i.parentId) ?? [];
    list.push(i);
    children.set(i.parentId, list);
  }
  const itemsInOrder: AgendaItemRow[] = [];
  const itemNumbers = new Map<string, string>();
  const walk = (parent: string | null, prefix: string) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.position - b.position);
    list.forEach((item, index) => {
      const n = prefix ? `${prefix}.${index + 1}` : String(index + 1);
      itemNumbers.set(item.id, num(n));
      itemsInOrder.push(item);
      walk(item.id, n);
    });
  };
  walk(null, '');
  return { itemsInOrder, itemNumbers };
}

export function heading(c: BuildContext, level: 1 | 2 | 3, text: string, anchor: string, extra?: Inline): Block {
  return { kind: 'heading', level, content: extra ?? [span(text, c.lang)], anchor };
}


export const cityOf = (s: SessionRecordRows['session']) => ({ ar: s.venueCityAr, en: s.venueCityEn, fr: s.venueCityFr });
export const countryOf = (s: SessionRecordRows['session']) => ({ ar: s.venueCountryAr, en: s.venueCountryEn, fr: s.venueCountryFr });

function sittingsInOrder(rows: SessionRecordRows) {
  return [...rows.sittings].sort((a, b) => a.number - b.number);
}

function memberDelegations(rows: SessionRecordRows): DelegationRow[] {
  const order = new Map(rows.memberStates.map((m) => [m.id, m.protocolOrder]));
  return rows.delegations
    .filter((d) => d.kind === 'member')
    .sort((a, b) => (order.get(a.memberStateId ?? '') ?? 0) - (order.get(b.memberStateId ?? '') ?? 0));
}

function headOf(rows: SessionRecordRows, delegationId: string) {
  const ds = rows.delegates.filter((d) => d.delegationId === delegationId).sort((a, b) => a.position - b.position);
  return { head: ds.find((d) => d.role === 'head') ?? ds[0] ?? null, others: ds.filter((d) => d.role !== 'head') };
}

function chairName(c: BuildContext): string | null {
  const chairDelegation = c.rows.delegations.find((d) => d.memberStateId && d.memberStateId === c.rows.session.chairStateId);
  return chairDelegation ? (headOf(c.rows, chairDelegation.id).head?.fullName ?? null) : null;
}

// Every sitting's opening, attendance and quorum, and closing: build-sittings.ts.
function openingBlocks(c: BuildContext): Block[] {
  return sittingsBlocks(c);
}

export function firstSittingOpeningBlocks(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const first = sittingsInOrder(rows)[0];
  const out: Block[] = [heading(c, 1, w.headings.opening, 'opening')];
  if (!first) return out;
  const chair = rows.session.chairStateId ? c.stateOf(rows.session.chairStateId) : null;
  out.push(para([span(w.opening({ date: c.fullDate(first.startsAt), time: c.time(first.startsAt), chair, chairName: chairName(c) }), lang)]));
  const presence = presenceAt(first, rows.attendanceEvents);
  const present = memberDelegations(rows).filter((d) => presence.get(d.id)?.presentAtOpening).length;
  const rule = quorumRuleSchema.safeParse(rows.session.quorumRule);
  const required = rule.success ? quorumRequired(rule.data, rows.session.memberCount) : 0;
  out.push(
    para([
      span(
        w.quorum({ present: c.num(present), members: c.num(rows.session.memberCount), required: c.num(required), met: present >= required }),
        lang,
      ),
    ]),
  );
  return out;
}

function participationBlocks(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const members = memberDelegations(rows);
  const out: Block[] = [heading(c, 1, w.headings.participation, 'participation')];
  out.push(para([span(w.delegationsIntro(c.num(members.length)), lang)]));
  out.push({
    kind: 'table',
    widths: [3, 4, 5, 3],
    header: [w.delegationTable.state, w.delegationTable.head, w.delegationTable.members, w.delegationTable.credentials].map((t) => ({
      content: [span(t, lang, { bold: true })],
    })),
    rows: members.map((d) => {
      const { head, others } = headOf(rows, d.id);
      return [
        { content: [span(c.delegationName(d), lang)] },
        { content: head ? (headCell(c, d.id) ?? personSpans(c, head.fullName, head.title, head)) : [span(w.none, lang)] },
        { content: others.length ? joinSpans(c, others.map((o) => personSpans(c, o.fullName, o.title, o))) : [span(w.none, lang)] },
        { content: credentialsCell(c, d) },
      ];
    }),
  });
  // Late arrivals are told in each sitting's account (build-sittings.ts), at their time.
  out.push(...absentStatesBlocks(c));
  for (const [kind, intro] of [
    ['observer', w.observersIntro],
    ['secretariat', w.secretariatIntro],
  ] as const) {
    const list = rows.delegations.filter((d) => d.kind === kind);
    if (list.length === 0) continue;
    out.push(para([span(intro, lang)]));
    out.push({
      kind: 'list',
      items: list.map((d) => {
        const people = rows.delegates.filter((p) => p.delegationId === d.id).sort((a, b) => a.position - b.position);
        const name = pick({ ar: d.nameAr, en: d.nameEn, fr: d.nameFr }, lang, c.original, { bold: true });
        return people.length ? [name, span(lang === 'ar' ? ': ' : ': ', lang), ...joinSpans(c, people.map((p) => personSpans(c, p.fullName, p.title, p)))] : [name];
      }),
    });
  }
  return out;
}

/** "received on <date>", then "issued by <authority>" when stated (as typed, in its own script); or "not received". */
function credentialsCell(c: BuildContext, d: DelegationRow): Inline {
  const { w, lang } = c;
  if (!d.credentialsReceivedOn) return [span(w.credentialsMissing, lang)];
  const received = span(w.credentialsReceived(c.date(d.credentialsReceivedOn)), lang);
  const issuer = (d.credentialsIssuedBy ?? '').trim();
  return issuer ? [received, span(w.credentialsIssuedBy, lang), translated(issuer, { en: d.credentialsIssuedByEn, fr: d.credentialsIssuedByFr }, lang)] : [received];
}

export function personSpans(c: BuildContext, fullName: string, title: string, forms: PersonForms = {}): Inline {
  const name = nameText(localText(fullName, { en: forms.fullNameEn, fr: forms.fullNameFr }, c.lang), c.lang);
  return title.trim() ? [name, span(c.lang === 'ar' ? '، ' : ', ', c.lang), translated(title, { en: forms.titleEn, fr: forms.titleFr }, c.lang)] : [name];
}

export function joinSpans(c: BuildContext, parts: Inline[]): Inline {
  const sep = c.lang === 'ar' ? '؛ ' : '; ';
  return parts.flatMap((p, i) => (i === 0 ? p : [span(sep, c.lang), ...p]));
}

function agendaAdoptionBlocks(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const out: Block[] = [heading(c, 1, w.headings.agendaAdoption, 'agenda-adoption')];
  const a = rows.agendaAdoption;
  if (!a) return [...out, para([span(w.agendaNotAdopted, lang)])];
  out.push(para([span(w.agendaAdopted({ sitting: c.sittingName(a.sittingId), date: c.date(a.adoptedAt), asAmended: a.asAmended === 1 }), lang)]));
  if (a.note.trim()) out.push(para([translated(a.note, { en: a.noteEn, fr: a.noteFr }, lang)], 'note'));
  return out;
}

function closingBlocks(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const out: Block[] = [heading(c, 1, w.headings.closing, 'closing')];
  const last = sittingsInOrder(rows).at(-1);
  if (last) {
    const end = last.endsAt ?? last.startsAt;
    out.push(para([span(w.closing({ date: c.fullDate(end), time: c.time(end) }), lang)]));
  }
  const nextItem = rows.agendaItems.find((i) => i.standingKey?.includes('next_session'));
  const nextDecision = nextItem ? rows.decisions.find((d) => d.agendaItemId === nextItem.id) : undefined;
  if (nextDecision) {
    const number = c.decisionNumber({ ar: nextDecision.numberAr, en: nextDecision.numberEn, fr: nextDecision.numberFr }).text;
    out.push(para([span(w.nextSession(w.decision(number)), lang)]));
  }
  return out;
}

function signatureBlocks(c: BuildContext, given: SignatoryInput[] | undefined): SignatureBlock[] {
  const list: SignatoryInput[] =
    given ?? c.record.settings.signatoryRoles.map((r) => ({ role: r.title[c.lang], name: roleHolder(c, r.key, r.name, r.title.ar) ?? '' }));
  // A title typed for one signatory may lack this language's form (generate.ts falls back to the Arabic):
  // then it is marked for a translator, in its own direction, as any other untranslated text.
  return list.map((s) => ({
    role: [freeText(s.role, c.lang, { bold: true })],
    name: s.name ? [nameText(s.name, c.lang)] : [],
    image: s.signatureImage ?? null,
  }));
}

/**
 * Who holds a signing role: the chair and the rapporteur from the record (the head of the state's
 * delegation), any other role the name in the settings, or else the secretariat member whose title the
 * role's begins with (المدير العام for "المدير العام، أمين المجلس").
 */
function roleHolder(c: BuildContext, key: string, settingsName: string | undefined, titleAr: string): string | null {
  if (key === 'chair') return chairName(c);
  if (key === 'rapporteur') return rapporteurName(c);
  if (settingsName?.trim()) return settingsName.trim();
  const secretariat = new Set(c.rows.delegations.filter((d) => d.kind === 'secretariat').map((d) => d.id));
  const staff = c.rows.delegates.filter((p) => secretariat.has(p.delegationId) && p.title.trim()).sort((a, b) => a.position - b.position);
  return staff.find((p) => titleAr.trim().startsWith(p.title.trim()))?.fullName ?? null;
}

function rapporteurName(c: BuildContext): string | null {
  const id = c.rows.session.rapporteurStateId;
  const d = id ? c.rows.delegations.find((x) => x.memberStateId === id) : undefined;
  return d ? (headOf(c.rows, d.id).head?.fullName ?? null) : null;
}

/** The rapporteur of the session, when there is one. */
function rapporteurBlocks(c: BuildContext): Block[] {
  const id = c.rows.session.rapporteurStateId;
  if (!id) return [];
  return [para([span(c.w.rapporteur(c.stateOf(id), rapporteurName(c)), c.lang)])];
}

export function logoOf(base64: string | null): MinutesDocument['header']['logo'] {
  if (!base64) return null;
  const data = base64.replace(/^data:image\/[a-z]+;base64,/, '');
  return { base64: data, type: data.startsWith('/9j/') ? 'jpg' : 'png' };
}
