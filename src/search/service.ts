// Full-text search over agenda item titles, notes, motions and decisions of all sessions (migration 0002's
// index, kept in step by triggers). Ranked by bm25; each hit with its session, agenda item and a snippet
// built from the original text.
import { sql } from 'kysely';
import { inTransaction, recordAudit, type CoreContext, type Tx } from '../core/context';
import { ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { parseQuery, type QueryTerm } from './query';
import { rebuildSearchIndex as rebuild } from './rebuild';
import { rebuildSearchIndexSchema, searchSchema } from './schema';
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
  agendaItemId: string;
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
  if (kind === 'note') {
    for (const r of await tx.selectFrom('note').select(['id', 'text']).where('id', 'in', ids).execute()) {
      out.set(r.id, [{ field: 'text', text: r.text }]);
    }
  } else if (kind === 'agenda_item') {
    for (const r of await tx.selectFrom('agendaItem').select(['id', 'titleAr', 'titleEn', 'titleFr']).where('id', 'in', ids).execute()) {
      out.set(r.id, order(r.titleAr, r.titleEn, r.titleFr));
    }
  } else if (kind === 'motion') {
    for (const r of await tx.selectFrom('motion').select(['id', 'textAr', 'textEn', 'textFr']).where('id', 'in', ids).execute()) {
      out.set(r.id, order(r.textAr, r.textEn, r.textFr));
    }
  } else {
    const rows = await tx.selectFrom('decision').select(['id', 'textAr', 'textEn', 'textFr', 'numberAr', 'numberEn', 'numberFr']).where('id', 'in', ids).execute();
    for (const r of rows) {
      const n = language === 'ar' ? r.numberAr : language === 'en' ? r.numberEn : r.numberFr;
      out.set(r.id, [...order(r.textAr, r.textEn, r.textFr), { field: 'number', text: n }]);
    }
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

export async function search(ctx: CoreContext, input: unknown): Promise<SearchResults> {
  const data = validate(searchSchema, input);
  const parsed = parseQuery(data.query);
  if (!parsed) throw new ValidationError('query', 'nothing to search for: type a word');
  const language = data.language;
  return inTransaction(ctx, async (tx) => {
    const filters = [sql`search_fts match ${parsed.expression}`];
    if (data.sessionId) filters.push(sql`d.session_id = ${data.sessionId}`);
    if (data.kinds) filters.push(sql`d.kind in (${inList(data.kinds)})`);
    const where = sql.join(filters, sql` and `);
    const from = sql`search_fts join search_doc d on d.id = search_fts.rowid`;
    const { rows } = await sql<Candidate>`
      select d.id as doc_id, d.kind, d.entity_id, d.session_id, d.agenda_item_id, ${BM25} as score
      from ${from} where ${where} order by score limit ${data.limit} offset ${data.offset}`.execute(tx);
    // Counting stops at TOTAL_CAP: a second full match over a common word would double the cost.
    const countRow = await sql<{ n: number }>`select count(*) as n from (select 1 from ${from} where ${where} limit ${TOTAL_CAP + 1})`.execute(tx);
    const counted = Number(countRow.rows[0]?.n ?? 0);

    const sessionIds = [...new Set(rows.map((r) => r.sessionId))];
    const sessions = new Map(
      sessionIds.length === 0
        ? []
        : (await tx.selectFrom('councilSession').select(['id', 'kind', 'number', 'startDate']).where('id', 'in', sessionIds).execute()).map(
            (s) => [s.id, s] as const,
          ),
    );
    const itemById = await itemsWithNumbers(tx, rows.map((r) => r.agendaItemId));
    const texts = new Map<string, Texts>();
    const decisionNumbers = new Map<string, SearchHit['decisionNumber']>();
    for (const kind of ['agenda_item', 'note', 'motion', 'decision'] as const) {
      const ids = rows.filter((r) => r.kind === kind).map((r) => r.entityId);
      for (const [id, t] of await loadTexts(tx, kind, ids, language)) texts.set(`${kind}:${id}`, t);
      if (kind === 'decision' && ids.length > 0) {
        const ds = await tx.selectFrom('decision').select(['id', 'numberAr', 'numberEn', 'numberFr']).where('id', 'in', ids).execute();
        for (const d of ds) decisionNumbers.set(d.id, { ar: d.numberAr, en: d.numberEn, fr: d.numberFr });
      }
    }

    const hits: SearchHit[] = [];
    for (const r of rows) {
      const session = sessions.get(r.sessionId);
      const item = itemById.get(r.agendaItemId);
      if (!session || !item) continue;
      const number = item.number;
      const titles = { ar: item.titleAr, en: item.titleEn, fr: item.titleFr };
      const title = titles[language] || item.titleAr;
      const { field, snippet } = pickSnippet(texts.get(`${r.kind}:${r.entityId}`) ?? [], parsed.terms);
      hits.push({
        kind: r.kind,
        id: r.entityId,
        score: -Number(r.score),
        session: { id: session.id, kind: session.kind, number: session.number, startDate: session.startDate },
        agendaItem: { id: item.id, number, title, displayTitle: number ? `${number}. ${title}` : title },
        decisionNumber: r.kind === 'decision' ? (decisionNumbers.get(r.entityId) ?? null) : null,
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
