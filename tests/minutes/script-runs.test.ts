import { describe, expect, it } from 'vitest';
import { splitByScript } from '../../src/minutes/docx-runs';

const runs = (text: string) => splitByScript(text, 'arabic').map((r) => `${r.script[0]}:${r.text}`);

describe('splitting text into Arabic and Latin runs', () => {
  it('keeps digits ending a Latin word in that word, also at the end of the text', () => {
    expect(runs('البصمة: ab12 cd34 9f31')).toEqual(['a:البصمة: ', 'l:ab12 cd34 9f31']);
  });

  it('keeps digits starting a Latin word in that word', () => {
    expect(runs('المرجع 3GPP')).toEqual(['a:المرجع ', 'l:3GPP']);
  });

  it('leaves bare numbers and spaces between scripts to the paragraph', () => {
    expect(runs('المواصفة ISO 9001 لعام 2024')).toEqual(['a:المواصفة ', 'l:ISO', 'a: 9001 لعام 2024']);
  });

  it('keeps digits inside an Arabic word with it', () => {
    expect(runs('ق.م.ت/66/3')).toEqual(['a:ق.م.ت/66/3']);
  });
});
