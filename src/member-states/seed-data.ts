// AIDSMO's members: the states of the Arab League except Comoros (21), short names as in Arab League
// documents, ISO 3166-1 alpha-2 codes, listed in protocol order (see protocol-order.ts; a test checks it).
export interface MemberStateSeed {
  isoCode: string;
  nameAr: string;
  nameEn: string;
  nameFr: string;
}

export const aidsmoMemberStates: readonly MemberStateSeed[] = [
  { isoCode: 'JO', nameAr: 'الأردن', nameEn: 'Jordan', nameFr: 'Jordanie' },
  { isoCode: 'AE', nameAr: 'الإمارات', nameEn: 'United Arab Emirates', nameFr: 'Émirats arabes unis' },
  { isoCode: 'BH', nameAr: 'البحرين', nameEn: 'Bahrain', nameFr: 'Bahreïn' },
  { isoCode: 'TN', nameAr: 'تونس', nameEn: 'Tunisia', nameFr: 'Tunisie' },
  { isoCode: 'DZ', nameAr: 'الجزائر', nameEn: 'Algeria', nameFr: 'Algérie' },
  { isoCode: 'DJ', nameAr: 'جيبوتي', nameEn: 'Djibouti', nameFr: 'Djibouti' },
  { isoCode: 'SA', nameAr: 'السعودية', nameEn: 'Saudi Arabia', nameFr: 'Arabie saoudite' },
  { isoCode: 'SD', nameAr: 'السودان', nameEn: 'Sudan', nameFr: 'Soudan' },
  { isoCode: 'SY', nameAr: 'سوريا', nameEn: 'Syria', nameFr: 'Syrie' },
  { isoCode: 'SO', nameAr: 'الصومال', nameEn: 'Somalia', nameFr: 'Somalie' },
  { isoCode: 'IQ', nameAr: 'العراق', nameEn: 'Iraq', nameFr: 'Irak' },
  { isoCode: 'OM', nameAr: 'عُمان', nameEn: 'Oman', nameFr: 'Oman' },
  { isoCode: 'PS', nameAr: 'فلسطين', nameEn: 'Palestine', nameFr: 'Palestine' },
  { isoCode: 'QA', nameAr: 'قطر', nameEn: 'Qatar', nameFr: 'Qatar' },
  { isoCode: 'KW', nameAr: 'الكويت', nameEn: 'Kuwait', nameFr: 'Koweït' },
  { isoCode: 'LB', nameAr: 'لبنان', nameEn: 'Lebanon', nameFr: 'Liban' },
  { isoCode: 'LY', nameAr: 'ليبيا', nameEn: 'Libya', nameFr: 'Libye' },
  { isoCode: 'EG', nameAr: 'مصر', nameEn: 'Egypt', nameFr: 'Égypte' },
  { isoCode: 'MA', nameAr: 'المغرب', nameEn: 'Morocco', nameFr: 'Maroc' },
  { isoCode: 'MR', nameAr: 'موريتانيا', nameEn: 'Mauritania', nameFr: 'Mauritanie' },
  { isoCode: 'YE', nameAr: 'اليمن', nameEn: 'Yemen', nameFr: 'Yémen' },
];
