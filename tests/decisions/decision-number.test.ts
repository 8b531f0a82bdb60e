import { describe, expect, it } from 'vitest';
import {
  formatDecisionNumber,
  formatDecisionNumbers,
  toArabicIndicDigits,
  unknownPlaceholders,
  type DecisionNumberParts,
} from '../../src/rules/decision-number';
import { defaultOrganisationSettings } from '../../src/settings/schema';

const parts: DecisionNumberParts = {
  council: defaultOrganisationSettings.councilAbbreviation,
  sessionNumber: 66,
  sessionKind: 'ordinary',
  year: 2024,
  serial: 3,
};

describe('decision numbers', () => {
  it('renders the default pattern in the three languages', () => {
    expect(formatDecisionNumbers(defaultOrganisationSettings.decisionNumberPattern, parts, { digits: 'western' })).toEqual({
      ar: 'ق.م.ت/66/3',
      en: 'EC/66/3',
      fr: 'CE/66/3',
    });
  });

  it('keeps an extraordinary session\'s numbers apart from the ordinary session of the same number under the default', () => {
    const pattern = defaultOrganisationSettings.decisionNumberPattern;
    const ordinary = formatDecisionNumbers(pattern, { ...parts, sessionNumber: 11 }, { digits: 'western' });
    const extraordinary = formatDecisionNumbers(pattern, { ...parts, sessionNumber: 11, sessionKind: 'extraordinary' }, { digits: 'western' });
    expect(ordinary).toEqual({ ar: 'ق.م.ت/11/3', en: 'EC/11/3', fr: 'CE/11/3' });
    expect(extraordinary).toEqual({ ar: 'ق.م.ت/د.غ.ع/11/3', en: 'EC/EX/11/3', fr: 'CE/EX/11/3' });
    expect(formatDecisionNumbers(pattern, { ...parts, sessionNumber: 11, sessionKind: 'extraordinary' }, { digits: 'arabic-indic' }).ar).toBe('ق.م.ت/د.غ.ع/١١/٣');
  });

  it('writes the Arabic number in Arabic-Indic digits when the settings say so, and only the Arabic one', () => {
    const numbers = formatDecisionNumbers(defaultOrganisationSettings.decisionNumberPattern, parts, { digits: 'arabic-indic' });
    expect(numbers.ar).toBe('ق.م.ت/٦٦/٣');
    expect(numbers.en).toBe('EC/66/3');
    expect(numbers.fr).toBe('CE/66/3');
  });

  it('fills {year} and {kind}, with per-language kind marks', () => {
    const pattern = '{council}-{kind}/{year}/{session}/{serial}';
    expect(formatDecisionNumber(pattern, 'en', { ...parts, sessionKind: 'extraordinary', serial: 12 }, { digits: 'western' })).toBe(
      'EC-EX/2024/66/12',
    );
    expect(formatDecisionNumber(pattern, 'ar', parts, { digits: 'western' })).toBe('ق.م.ت-ع/2024/66/3');
    const kindMarks = {
      ar: { ordinary: 'عادية', extraordinary: 'غير عادية' },
      en: { ordinary: 'Ord', extraordinary: 'Extra' },
      fr: { ordinary: 'Ord', extraordinary: 'Extra' },
    };
    expect(formatDecisionNumber('{kind} {serial}', 'fr', parts, { digits: 'western', kindMarks })).toBe('Ord 3');
  });

  it('leaves an unknown placeholder visible and reports it', () => {
    expect(formatDecisionNumber('{council}/{sesion}/{serial}', 'en', parts, { digits: 'western' })).toBe('EC/{sesion}/3');
    expect(unknownPlaceholders('{council}/{sesion}/{serial}/{x}')).toEqual(['sesion', 'x']);
    expect(unknownPlaceholders('{council}/{session}/{serial}')).toEqual([]);
  });

  it('refuses a serial that is not a positive integer', () => {
    expect(() => formatDecisionNumber('{serial}', 'en', { ...parts, serial: 0 }, { digits: 'western' })).toThrow(RangeError);
    expect(() => formatDecisionNumber('{serial}', 'en', { ...parts, serial: 1.5 }, { digits: 'western' })).toThrow(RangeError);
  });

  it('converts every Western digit', () => {
    expect(toArabicIndicDigits('0123456789 ab')).toBe('٠١٢٣٤٥٦٧٨٩ ab');
  });
});
