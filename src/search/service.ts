// Full-text search over agenda item titles, notes, motions, decisions, reservations, referrals and follow-up
// actions of all sessions (the index of migrations 0002 and 0011, kept in step by triggers). Ranked by bm25; each hit with its session, agenda item and a snippet
// built from the original text.
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, recordAudit, type CoreContext, type Tx } from '../core/context';
import { ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { parseQuery, type QueryTerm } from './query';
import { rebuildSearchIndex as rebuild } from './rebuild';
import { rebuildSearchIndexSchema, searchKindSchema, searchSchema } from './schema';
import { buildSnippet, scanText, type ScannedText } from './snippet';
import type { RebuildResult, SearchHit, SearchKind, SearchResults } from './types';

/** Weights of the two indexed columns: a word as written counts more than a prefix-stripped form. */
const BM25 = sql`bm25(search_fts, 1.0, 0.6)`;
const TOTAL_CAP = 1000;

interface Candidate {
  docId: number;
  kind: SearchKind;
  entityId: string;
  sessionId: string;
  agendaItemId: string | null;
  decisionId: string | null;
  score: number;
}

type Language = 'ar' | 'en' | 'fr';
type Texts = { field: string; text: string }[];

function inList(values: readonly string[]) {
  return sql.join(values.map((v) => sql`${v}`));
}

/** The texts of each hit, keyed by entity id, in the order they are preferred for the snippet. */
async function loadTexts(tx: Tx, kind: SearchKind, ids: string[], language: Language): Promise<Map<string, Texts>> {
  const out = new Map<string, Texts>();
  if (ids.length === 0) return out;
  const order = (ar: string, en: string, fr: string): Texts => {
    const all = { ar, en, fr };
    const langs: Language[] = [language, ...(['ar', 'en', 'fr'] as const).filter((l) => l !== language)];
    return langs.map((l) => ({ field: l, text: all[l] }));
  };
  const one = (text: string): Texts => [{ field: 'text', text }];
  switch (kind) {
    case 'note':
      for (const r of await tx.selectFrom('note').select(['id', 'text']).where('id', 'in', ids).execute()) out.set(r.id, one(r.text));
      break;
    case 'agenda_item':
      for (const r of await tx.selectFrom('agendaItem').select(['id', 'titleAr', 'titleEn', 'titleFr']).where('id', 'in', ids).execute()) {
        out.set(r.id, order(r.titleAr, r.titleEn, r.titleFr));
      }
      break;
    case 'motion':
      for (const r of await tx.selectFrom('motion').select(['id', 'textAr', 'textEn', 'textFr']).where('id', 'in', ids).execute()) {
        out.set(r.id, order(r.textAr, r.textEn, r.textFr));
      }
      break;
    case 'decision': {
      const rows = await tx.selectFrom('decision').select(['id', 'textAr', 'textEn', 'textFr', 'numberAr', 'numberEn', 'numberFr']).where('id', 'in', ids).execute();
      for (const r of rows) {
        const n = language === 'ar' ? r.numberAr : language === 'en' ? r.numberEn : r.numberFr;
        out.set(r.id, [...order(r.textAr, r.textEn, r.textFr), { field: 'number', text: n }]);
      }
      break;
    }
    case 'reservation': {
      const rows = await tx
        .selectFrom('reservation as r')
        .innerJoin('memberState as m', 'm.id', 'r.memberStateId')
        .select(['r.id', 'r.text', 'm.nameAr', 'm.nameEn', 'm.nameFr'])
        .where('r.id', 'in', ids)
        .execute();
      for (const r of rows) out.set(r.id, [...one(r.text), ...order(r.nameAr, r.nameEn, r.nameFr)]);
      break;
    }
    case 'referral':
      for (const r of await tx.selectFrom('referral').select(['id', 'note', 'bodyName']).where('id', 'in', ids).execute()) {
        out.set(r.id, [...one(r.note), { field: 'body', text: r.bodyName }]);
      }
      break;
    case 'action':
      for (const r of await tx.selectFrom('actionItem').select(['id', 'description', 'responsibleUnit']).where('id', 'in', ids).execute()) {
        out.set(r.id, [...one(r.description), { field: 'responsible', text: r.responsibleUnit }]);
      }
      break;
  }
  return out;
}

/** The preferred text that contains the most query terms (stopping at the first that has them all). */
function pickSnippet(texts: Texts, terms: QueryTerm[]) {
  let best: { field: string; scan: ScannedText } | null = null;
  for (const t of texts) {
    if (!t.text) continue;
    const scan = scanText(t.text, terms);
    if (!best || scan.termsMatched > best.scan.termsMatched) best = { field: t.field, scan };
    if (scan.termsMatched === terms.length) break;
  }
  return best ? { field: best.field, snippet: buildSnippet(best.scan, terms) } : { field: '', snippet: { text: '', highlights: [] } };
}

/** Display numbers of some items: positions have no gaps (agenda service), so 2.1 is the path of positions. */
async function itemsWithNumbers(tx: Tx, ids: string[]) {
  const byId = new Map<string, { id: string; parentId: string | null; position: number; titleAr: string; titleEn: string; titleFr: string }>();
  let wanted = [...new Set(ids)];
  while (wanted.length > 0) {
    const rows = await tx.selectFrom('agendaItem').select(['id', 'parentId', 'position', 'titleAr', 'titleEn', 'titleFr']).where('id', 'in', wanted).execute();
    for (const r of rows) byId.set(r.id, r);
    wanted = [...new Set(rows.map((r) => r.parentId).filter((p): p is string => p !== null && !byId.has(p)))];
  }
  const number = (id: string): string => {
    const parts: number[] = [];
    for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) parts.unshift(cur.position);
    return parts.join('.');
  };
  return new Map([...new Set(ids)].filter((id) => byId.has(id)).map((id) => [id, { ...byId.get(id)!, number: number(id) }] as const));
}

function itemView(item: { id: string; number: string; titleAr: string; titleEn: string; titleFr: string }, language: Language) {
  const titles = { ar: item.titleAr, en: item.titleEn, fr: item.titleFr };
  const title = titles[language] || item.titleAr;
  return { id: item.id, number: item.number, title, displayTitle: item.number ? `${item.number}. ${title}` : title };
}

const RANK_ALONE_MAX = 1000;

/**
 * The page ranked from the index alone (no filter): the first offset+limit hits by bm25, then their
 * search_doc rows by id, instead of joining search_doc for every hit before ranking. When every one of
 * those hits has its row (the triggers keep the two in step), the page is the join's; if one has none,
 * null, and the caller ranks with the join as before.
 */
async function rankedByIndexAlone(tx: Tx, expression: string, offset: number, limit: number): Promise<Candidate[] | null> {
  if (offset + limit > RANK_ALONE_MAX) return null;
  const ranked = (
    await sql<{ docId: number; score: number }>`
      select rowid as doc_id, ${BM25} as score from search_fts where search_fts match ${expression} order by score limit ${offset + limit}`.execute(tx)
  ).rows;
  if (ranked.length === 0) return [];
  const docs = new Map(
    (
      await sql<Omit<Candidate, 'score'>>`
        select id as doc_id, kind, entity_id, session_id, agenda_item_id, decision_id from search_doc
        where id in (select value from json_each(${JSON.stringify(ranked.map((r) => r.docId))}))`.execute(tx)
    ).rows.map((d) => [d.docId, d] as const),
  );
  if (docs.size !== ranked.length) return null;
  return ranked.slice(offset).map((r) => ({ ...docs.get(r.docId)!, score: r.score }));
}

/** How many hits in all, counted up to one past the cap. */
async function countHits(tx: Tx, from: RawBuilder<unknown>, where: RawBuilder<unknown>): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from (select 1 from ${from} where ${where} limit ${TOTAL_CAP + 1})`.execute(tx);
  return Number(row.rows[0]?.n ?? 0);
}

export async function search(ctx: CoreContext, input: unknown): Promise<SearchResults> {
  const data = validate(searchSchema, input);
  const parsed = parseQuery(data.query);
  if (!parsed) throw new ValidationError('query', 'nothing to search for: type a word', 'nothing_to_search');
  const language = data.language;
  return inTransaction(ctx, async (tx) => {
    const filters = [sql`search_fts match ${parsed.expression}`];
    if (data.sessionId) filters.push(sql`d.session_id = ${data.sessionId}`);
    if (data.kinds) filters.push(sql`d.kind in (${inList(data.kinds)})`);
    const where = sql.join(filters, sql` and `);
    const from = sql`search_fts join search_doc d on d.id = search_fts.rowid`;
    // The page: the hits ranked by bm25, only the page's columns sorted (not every hit's, with a window
    // counting them: that cost three times the match). The count is a second MATCH, stopped past the cap,
    // and needed only when the page does not already tell it.
    const filtered = data.sessionId !== undefined || data.kinds !== undefined;
    const rows =
      (!filtered ? await rankedByIndexAlone(tx, parsed.expression, data.offset, data.limit) : null) ??
      (
        await sql<Candidate>`
          select d.id as doc_id, d.kind, d.entity_id, d.session_id, d.agenda_item_id, d.decision_id, ${BM25} as score
          from ${from} where ${where} order by score limit ${data.limit} offset ${data.offset}`.execute(tx)
      ).rows;
    const counted = data.offset === 0 && rows.length < data.limit ? rows.length : await countHits(tx, from, where);
    const sessionIds = [...new Set(rows.map((r) => r.sessionId))];
    const sessions = new Map(
      sessionIds.length === 0
        ? []
        : (await tx.selectFrom('councilSession').select(['id', 'kind', 'number', 'startDate']).where('id', 'in', sessionIds).execute()).map(
            (s) => [s.id, s] as const,
          ),
    );
    const itemById = await itemsWithNumbers(tx, rows.flatMap((r) => (r.agendaItemId ? [r.agendaItemId] : [])));
    const texts = new Map<string, Texts>();
    const decisionNumbers = new Map<string, SearchHit['decisionNumber']>();
    for (const kind of searchKindSchema.options) {
      const ids = rows.filter((r) => r.kind === kind).map((r) => r.entityId);
      for (const [id, t] of await loadTexts(tx, kind, ids, language)) texts.set(`${kind}:${id}`, t);
    }
    const decisionIds = [...new Set(rows.flatMap((r) => (r.decisionId ? [r.decisionId] : [])))];
    if (decisionIds.length > 0) {
      const ds = await tx.selectFrom('decision').select(['id', 'numberAr', 'numberEn', 'numberFr']).where('id', 'in', decisionIds).execute();
      for (const d of ds) decisionNumbers.set(d.id, { ar: d.numberAr, en: d.numberEn, fr: d.numberFr });
    }

    const hits: SearchHit[] = [];
    for (const r of rows) {
      const session = sessions.get(r.sessionId);
      const item = r.agendaItemId ? itemById.get(r.agendaItemId) : undefined;
      if (!session || (r.agendaItemId && !item)) continue;
      const { field, snippet } = pickSnippet(texts.get(`${r.kind}:${r.entityId}`) ?? [], parsed.terms);
      hits.push({
        kind: r.kind,
        id: r.entityId,
        score: -Number(r.score),
        session: { id: session.id, kind: session.kind, number: session.number, startDate: session.startDate },
        agendaItem: item ? itemView(item, language) : null,
        decisionId: r.decisionId,
        decisionNumber: r.decisionId ? (decisionNumbers.get(r.decisionId) ?? null) : null,
        field,
        snippet,
      });
    }
    return { expression: parsed.expression, total: Math.min(counted, TOTAL_CAP), totalCapped: counted > TOTAL_CAP, hits };
  });
}

/** Rebuild the whole index from the records (after an import or a restore made outside the services). */
export async function rebuildSearchIndex(ctx: CoreContext, input?: unknown): Promise<RebuildResult> {
  validate(rebuildSearchIndexSchema, input ?? {});
  return inTransaction(ctx, async (tx) => {
    const result = await rebuild(tx);
    await recordAudit(ctx, tx, { action: 'search.rebuild', entity: 'search_doc', entityId: '', after: result });
    return result;
  });
}
