// The Arabic font embedded in the Word minutes, so they look the same in Word on Windows and macOS and in
// LibreOffice: Amiri (SIL Open Font License, which allows embedding), regular and bold only, from
// resources/fonts (next to the app when packaged: electron-builder copies it to resources/fonts). A
// document set to another Arabic font embeds nothing: that font is the organisation's choice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CharacterSet } from 'docx';

export const EMBEDDED_ARABIC_FONT = 'Amiri';

export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold: Buffer;
  characterSet: (typeof CharacterSet)[keyof typeof CharacterSet];
}

function here(): string | null {
  if (typeof __dirname === 'string') return __dirname; // the CommonJS main bundle
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
}

/** Where resources/fonts may be: the packaged app's resources, then up from this file, then the cwd. */
function fontDirs(): string[] {
  const dirs: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) dirs.push(path.join(resourcesPath, 'fonts'));
  let dir = here();
  for (let i = 0; dir && i < 6; i++, dir = path.dirname(dir)) dirs.push(path.join(dir, 'resources', 'fonts'));
  dirs.push(path.join(process.cwd(), 'resources', 'fonts'));
  return dirs;
}

let cached: EmbeddedFont | null | undefined;

/** The fonts to embed for a document whose Arabic font is `arabicFont` (none if not Amiri or not found). */
export function embeddedFonts(arabicFont: string): EmbeddedFont[] {
  if (arabicFont !== EMBEDDED_ARABIC_FONT) return [];
  if (cached === undefined) {
    const dir = fontDirs().find((d) => fs.existsSync(path.join(d, 'Amiri-Regular.ttf')) && fs.existsSync(path.join(d, 'Amiri-Bold.ttf')));
    cached = dir
      ? {
          name: EMBEDDED_ARABIC_FONT,
          data: fs.readFileSync(path.join(dir, 'Amiri-Regular.ttf')),
          bold: fs.readFileSync(path.join(dir, 'Amiri-Bold.ttf')),
          characterSet: CharacterSet.ARABIC,
        }
      : null;
  }
  return cached ? [cached] : [];
}
