// Text folding for search, pure. Arabic: tashkeel and tatweel dropped; alef forms (أ إ آ ٱ) → ا,
// taa marbuta ة → ه, alef maqsura ى → ي (the folds of Lucene's ArabicNormalizer; ؤ and ئ are kept, as
// they carry meaning). Latin: lower case, accents dropped, œ/æ spelled out. Digits: Arabic-Indic → 0-9,
// so "٦٦" finds "66". The same folding runs when indexing (as an SQLite function) and when querying.

/** Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
/** Invisible characters that would split or glue words: ZWNJ/ZWJ, bidi marks and embeddings, BOM. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const COMPAT = /[\u00A0-\u00BF\u0132-\u0149\u01C4-\u01CC\u02B0-\u02FF\u2000-\u33FF\uFB00-\uFFEF]/;
const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;
const NON_ARABIC_RUN = /[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;

const LETTER_FOLDS: Record<string, string> = {
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ
  '\u0629': '\u0647', // ة → ه
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // Persian yeh ی
  '\u06A9': '\u0643', // keheh ک
};

function foldDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ch;
}

/** Arabic folding only: marks and tatweel dropped, letter forms folded, Arabic-Indic digits to 0-9. */
export function normalizeArabic(text: string): string {
  return text
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0629\u0649\u06CC\u06A9]/g, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, foldDigit);
}

function foldLatin(run: string): string {
  // Most runs are spaces and punctuation between Arabic words: nothing to fold.
  if (/^[\x00-\x40\x5b-\x7f]*$/.test(run)) return run;
  return run
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** The whole fold: presentation forms decomposed (NFKC), Arabic and Latin folded, invisibles removed. */
export function foldForSearch(text: string): string {
  // NFKC only where compatibility characters may be (presentation forms, ligatures, full-width, symbols);
  // its composition step changes nothing here, since marks are dropped afterwards anyway.
  const compat = (COMPAT.test(text) ? text.normalize('NFKC') : text).replace(INVISIBLE, '');
  return compat.replace(NON_ARABIC_RUN, foldLatin).replace(ARABIC_RUN, normalizeArabic);
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Folded words of a text, in order (what the index holds, one word per token). */
export function searchTokens(text: string): string[] {
  return foldForSearch(text).match(TOKEN) ?? [];
}

export interface TokenSpan {
  /** Offsets in the original text (UTF-16), so a snippet can mark the word as written. */
  start: number;
  end: number;
  folded: string;
}

/** Words of the original text with their positions and folded forms. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  // Marks and invisibles belong to the word they sit in, so a vowelled word stays one span.
  const word = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640\u200B-\u200F]*/gu;
  for (const m of text.matchAll(word)) {
    const folded = foldedWord(m[0]);
    if (folded === '') continue;
    spans.push({ start: m.index, end: m.index + m[0].length, folded });
  }
  return spans;
}

// A search builds snippets from some fifty texts whose words repeat (issue 13): a word's fold is kept,
// up to a bound, instead of running the whole fold again for each occurrence.
const FOLDED_WORDS_MAX = 50_000;
const foldedWords = new Map<string, string>();

function foldedWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = searchTokens(word).join('');
    if (foldedWords.size >= FOLDED_WORDS_MAX) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

export function isArabicWord(token: string): boolean {
  return /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+$/.test(token);
}

/** Shortest stem left after stripping a prefix: shorter remainders are too often not the word. */
export const MIN_STEM_LENGTH = 3;

const ARTICLE = '\u0627\u0644'; // ال

/**
 * Attached prefix chains: conjunction (و ف)? then preposition (ب ك ل)? then article (ال)?,
 * with ل + ال written لل. E.g. و، ب، ال، وال، بال، وبال، لل، ولل، فكال...
 */
function buildPrefixChains(): { chain: string; hasArticle: boolean }[] {
  const chains: { chain: string; hasArticle: boolean }[] = [];
  for (const conj of ['', '\u0648', '\u0641']) {
    for (const prep of ['', '\u0628', '\u0643', '\u0644']) {
      for (const art of ['', ARTICLE]) {
        const chain = prep === '\u0644' && art ? conj + '\u0644\u0644' : conj + prep + art;
        if (chain) chains.push({ chain, hasArticle: art !== '' });
      }
    }
  }
  // Longest first, so the article-stripped form of a query is the fullest strip.
  return chains.sort((a, b) => b.chain.length - a.chain.length);
}
const PREFIX_CHAINS = buildPrefixChains();

/**
 * The other forms under which a folded Arabic word is indexed: the word with each attached prefix chain
 * removed (وبالميزانيه → بالميزانيه، الميزانيه، ميزانيه). A search for ميزانيه then finds it; a few
 * spurious stems (بيان → يان) cost nothing, since nobody searches for them.
 */
export function arabicPrefixVariants(token: string): string[] {
  if (!isArabicWord(token)) return [];
  const out = new Set<string>();
  for (const { chain } of PREFIX_CHAINS) {
    if (token.startsWith(chain) && token.length - chain.length >= MIN_STEM_LENGTH) out.add(token.slice(chain.length));
  }
  out.delete(token);
  return [...out];
}

/**
 * What a query word may match: itself, and, when it carries the article (الميزانيه, بالميزانيه, للتنميه),
 * the word without it, so the article never hides a match in either direction. A bare conjunction or
 * preposition is not stripped from a query: وزاره is a word, not و + زاره.
 */
export function queryAlternatives(token: string): string[] {
  if (!isArabicWord(token)) return [token];
  for (const { chain, hasArticle } of PREFIX_CHAINS) {
    if (hasArticle && token.startsWith(chain) && token.length - chain.length >= MIN_STEM_LENGTH) {
      return [token, token.slice(chain.length)];
    }
  }
  return [token];
}

/** The two indexed columns of a text: its folded words, and the extra prefix-stripped forms. */
let lastIndexed: { text: string; columns: { body: string; variants: string } } | null = null;

/** The two indexed columns of a text (the triggers ask for both in turn: the last result is kept). */
export function indexColumns(text: string): { body: string; variants: string } {
  if (lastIndexed?.text === text) return lastIndexed.columns;
  const columns = computeIndexColumns(text);
  lastIndexed = { text, columns };
  return columns;
}

function computeIndexColumns(text: string): { body: string; variants: string } {
  const tokens = searchTokens(text);
  const variants: string[] = [];
  for (const t of tokens) variants.push(...arabicPrefixVariants(t));
  return { body: tokens.join(' '), variants: variants.join(' ') };
}
