import type { FrenchArticle } from '../rules/french-names';

export interface MemberState {
  id: string;
  isoCode: string;
  nameAr: string;
  nameEn: string;
  nameFr: string;
  /** The French name's article: the one set, else AIDSMO's list by ISO code, else a guess. */
  articleFr: FrenchArticle;
  protocolOrder: number;
  active: boolean;
}
