// French names take an article, and "de" contracts with it: la délégation du Maroc, de la Jordanie, de
// l’Égypte, des Émirats arabes unis — but de Bahreïn, d’Oman, de Djibouti (no article). The article is a
// fact of each name, not of its spelling, so AIDSMO's states are listed here by ISO code; a state added by
// a user carries its own (member-states: `articleFr`), and any other name gets a guess from its first
// word. Pure.

/** The article a French name takes: le Maroc, la Jordanie, l’Égypte, les Émirats, or none (Bahreïn). */
export type FrenchArticle = 'le' | 'la' | 'l' | 'les' | 'none';
export const FRENCH_ARTICLES: readonly FrenchArticle[] = ['le', 'la', 'l', 'les', 'none'];

/** The Arab League's states (AIDSMO's 21 and Comoros), as French usage (and the UN's) writes them. */
export const STATE_ARTICLES_FR: Readonly<Record<string, FrenchArticle>> = {
  JO: 'la', // la Jordanie
  AE: 'les', // les Émirats arabes unis
  BH: 'none', // Bahreïn
  TN: 'la', // la Tunisie
  DZ: 'l', // l’Algérie
  DJ: 'none', // Djibouti
  SA: 'l', // l’Arabie saoudite
  SD: 'le', // le Soudan
  SY: 'la', // la Syrie
  SO: 'la', // la Somalie
  IQ: 'l', // l’Irak
  OM: 'none', // Oman
  PS: 'la', // la Palestine
  QA: 'le', // le Qatar
  KW: 'le', // le Koweït
  LB: 'le', // le Liban
  LY: 'la', // la Libye
  EG: 'l', // l’Égypte
  MA: 'le', // le Maroc
  MR: 'la', // la Mauritanie
  YE: 'le', // le Yémen
  KM: 'les', // les Comores
};

const VOWEL_START = /^[aeiouyhàâäéèêëîïôöûüœæ]/i;
/** Masculine despite the final e (countries and council words). */
const MASCULINE_IN_E = new Set(['mexique', 'cambodge', 'mozambique', 'zimbabwe', 'belize', 'suriname', 'comité', 'groupe', 'collège', 'organe']);
/** Singular despite the final s. */
const SINGULAR_IN_S = new Set(['laos', 'honduras', 'belarus', 'burkina']);

/**
 * A guess from the first word, for names nobody classified: plural in -s/-x (les Émirats, les États),
 * elided before a vowel or h (l’Inde, l’Assemblée), feminine in -e/-ion/-té (la France, la Commission),
 * masculine otherwise (le Conseil, le Brésil).
 */
export function guessFrenchArticle(name: string): FrenchArticle {
  const first = (name.trim().split(/[\s-]+/)[0] ?? '').toLowerCase();
  if (!first) return 'none';
  if (/[sx]$/.test(first) && first.length > 3 && !SINGULAR_IN_S.has(first)) return 'les';
  if (VOWEL_START.test(first)) return 'l';
  if (MASCULINE_IN_E.has(first)) return 'le';
  if (/(e|ion|té)$/.test(first)) return 'la';
  return 'le';
}

/** A member state's article: the one set for it, else AIDSMO's list by ISO code, else the guess. */
export function frenchStateArticle(isoCode: string | null | undefined, nameFr: string, given?: FrenchArticle | null): FrenchArticle {
  if (given) return given;
  const known = isoCode ? STATE_ARTICLES_FR[isoCode.toUpperCase()] : undefined;
  return known ?? guessFrenchArticle(nameFr);
}

/** "de" + the name with its article: du Maroc, de la Jordanie, de l’Égypte, des Émirats…, de Bahreïn, d’Oman. */
export function frenchOf(name: string, article: FrenchArticle): string {
  const n = name.trim();
  switch (article) {
    case 'le':
      return `du ${n}`;
    case 'la':
      return `de la ${n}`;
    case 'l':
      return `de l’${n}`;
    case 'les':
      return `des ${n}`;
    case 'none':
      return VOWEL_START.test(n) ? `d’${n}` : `de ${n}`;
  }
}

/** The name with its article, as a subject: le Maroc, la Jordanie, l’Égypte, les Émirats…, Bahreïn. */
export function frenchWithArticle(name: string, article: FrenchArticle): string {
  const n = name.trim();
  return article === 'none' ? n : article === 'l' ? `l’${n}` : `${article} ${n}`;
}
