// From what a person types to an FTS5 expression, pure. Words are folded like the index (tashkeel,
// tatweel, letter forms, case, accents); an Arabic word carrying the article is looked for with and
// without it; "quoted phrases" match those words in order; word* matches a prefix. All parts must match.
import { queryAlternatives, searchTokens } from '../rules/arabic-normalize';

export interface QueryTerm {
  /** Folded forms any of which may match a word. */
  alternatives: string[];
  prefix: boolean;
}

export interface ParsedQuery {
  expression: string;
  /** For marking the words in snippets. */
  terms: QueryTerm[];
}

function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

function termExpression(term: QueryTerm): string {
  const parts = term.alternatives.map((a) => quote(a) + (term.prefix ? '*' : ''));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** null when nothing searchable is left (only punctuation). */
export function parseQuery(input: string): ParsedQuery | null {
  const parts: string[] = [];
  const terms: QueryTerm[] = [];
  const units = input.match(/"[^"]*"|[^\s"]+/g) ?? [];
  for (const unit of units) {
    const quoted = unit.startsWith('"');
    const prefix = !quoted && unit.endsWith('*');
    const tokens = searchTokens(quoted ? unit.slice(1, -1) : unit);
    if (tokens.length === 0) continue;
    if (tokens.length === 1 && !quoted) {
      const term = { alternatives: queryAlternatives(tokens[0]!), prefix };
      terms.push(term);
      parts.push(termExpression(term));
      continue;
    }
    // A phrase (quoted, or a word that folds into several, like ق.م.ت/66/3): the words in order, as written.
    for (const t of tokens) terms.push({ alternatives: [t], prefix: false });
    parts.push(`body : ${quote(tokens.join(' '))}` + (prefix ? '*' : ''));
  }
  if (parts.length === 0) return null;
  return { expression: parts.join(' AND '), terms };
}
