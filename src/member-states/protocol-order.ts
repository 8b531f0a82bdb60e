// Arab League protocol order: Arabic alphabetical order of the states' short names, ignoring the
// article «ال» (الأردن sorts under أ, المغرب under م). Pure.

const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g; // vowel marks, shadda, sukun, dagger alef, tatweel

/** The key a name sorts by: article dropped, marks stripped, letter variants folded. */
export function protocolSortKey(nameAr: string): string {
  let s = nameAr.trim().replace(TASHKEEL, '');
  if (s.startsWith('ال') && s.length > 2) s = s.slice(2);
  return s
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي');
}

/**
 * Compare two Arabic names in protocol order. After folding, Unicode order of the Arabic letters is the
 * alphabetical (hijā'ī) order: ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي.
 */
export function compareProtocol(a: string, b: string): number {
  const ka = protocolSortKey(a);
  const kb = protocolSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
