// Ordinal numbers for session titles, in the three languages.
//
// Arabic: the feminine ordinal (agreeing with الدورة), definite, in the formal written form used in the
// council's documents: الأولى، الثانية … العاشرة؛ الحادية عشرة … التاسعة عشرة؛ العشرون؛ الحادية والعشرون
// … التاسعة والتسعون؛ المائة؛ beyond a hundred the remainder comes first, joined by «بعد»: الحادية بعد
// المائة، الحادية عشرة بعد المائة، الحادية والعشرون بعد المائة … المائتان، الحادية بعد المائتين …
// (the spelling المائة, with alef, is the one used in official texts). Supported: 1..999.
//
// English: 1st 2nd 3rd 4th … 11th 12th 13th … 21st 22nd 23rd … 111th 112th 113th.
// French: 1re (feminine, agreeing with «session»), then 2e, 3e … (the Imprimerie nationale forms).

const unitsFeminine = [
  '',
  'الأولى',
  'الثانية',
  'الثالثة',
  'الرابعة',
  'الخامسة',
  'السادسة',
  'السابعة',
  'الثامنة',
  'التاسعة',
  'العاشرة',
];
const tens = ['', '', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];
// Nominative when the hundred stands alone (المائتان), genitive after «بعد» (بعد المائتين).
const hundredsAlone = ['', 'المائة', 'المائتان', 'الثلاثمائة', 'الأربعمائة', 'الخمسمائة', 'الستمائة', 'السبعمائة', 'الثمانمائة', 'التسعمائة'];
const hundredsAfter = ['', 'المائة', 'المائتين', 'الثلاثمائة', 'الأربعمائة', 'الخمسمائة', 'الستمائة', 'السبعمائة', 'الثمانمائة', 'التسعمائة'];

function assertRange(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`ordinal out of range 1..999: ${n}`);
}

/** 1..99 as a feminine definite ordinal. */
function belowHundredFeminine(n: number): string {
  if (n <= 10) return unitsFeminine[n]!;
  if (n < 20) {
    // 11 and 12 take their compound forms: الحادية عشرة، الثانية عشرة.
    const unit = n === 11 ? 'الحادية' : unitsFeminine[n - 10]!;
    return `${unit} عشرة`;
  }
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (u === 0) return tens[t]!;
  const unit = u === 1 ? 'الحادية' : unitsFeminine[u]!;
  return `${unit} و${tens[t]!}`;
}

/** The feminine definite Arabic ordinal: 66 → السادسة والستون. */
export function arabicFeminineOrdinal(n: number): string {
  assertRange(n);
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return belowHundredFeminine(rest);
  if (rest === 0) return hundredsAlone[h]!;
  // After a hundred, 1 is الحادية (not الأولى): الحادية بعد المائة.
  const restWord = rest === 1 ? 'الحادية' : belowHundredFeminine(rest);
  return `${restWord} بعد ${hundredsAfter[h]!}`;
}

/** 66 → 66th; 11 → 11th; 21 → 21st. */
export function englishOrdinal(n: number): string {
  assertRange(n);
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** Feminine French ordinal abbreviation: 1 → 1re, 66 → 66e. */
export function frenchFeminineOrdinal(n: number): string {
  assertRange(n);
  return n === 1 ? '1re' : `${n}e`;
}
