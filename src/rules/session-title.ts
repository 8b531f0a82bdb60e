// The formal title of a session in Arabic, English and French, e.g.
//   الدورة العادية السادسة والستون للمجلس التنفيذي
//   66th Ordinary Session of the Executive Council
//   66e session ordinaire du Conseil exécutif
// The council's name comes from the organisation settings.
import { frenchOf, guessFrenchArticle } from './french-names';
import { arabicFeminineOrdinal, englishOrdinal, frenchFeminineOrdinal } from './ordinals';

export type SessionKind = 'ordinary' | 'extraordinary';

export interface Localized {
  ar: string;
  en: string;
  fr: string;
}

/** «ل» + a definite noun: ل + المجلس → للمجلس (the alef of the article drops). */
export function arabicLamPrefix(name: string): string {
  const trimmed = name.trim();
  if (trimmed.startsWith('ال')) return `لل${trimmed.slice(2)}`;
  return `ل${trimmed}`;
}

/**
 * «de» + the council's name with its article: du Conseil…, de l'Assemblée…, de la Commission…, des
 * Comités… (the article guessed from the first word: rules/french-names.ts).
 */
export function frenchDePrefix(name: string): string {
  return frenchOf(name, guessFrenchArticle(name)).replace('’', "'");
}

export function sessionTitle(kind: SessionKind, number: number, councilName: Localized): Localized {
  const kindAr = kind === 'ordinary' ? 'العادية' : 'غير العادية';
  const kindEn = kind === 'ordinary' ? 'Ordinary' : 'Extraordinary';
  const kindFr = kind === 'ordinary' ? 'ordinaire' : 'extraordinaire';
  return {
    ar: `الدورة ${kindAr} ${arabicFeminineOrdinal(number)} ${arabicLamPrefix(councilName.ar)}`,
    en: `${englishOrdinal(number)} ${kindEn} Session of the ${councilName.en.trim()}`,
    fr: `${frenchFeminineOrdinal(number)} session ${kindFr} ${frenchDePrefix(councilName.fr)}`,
  };
}
