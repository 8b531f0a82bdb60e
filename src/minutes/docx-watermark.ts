// The diagonal DRAFT mark across every page, anchored in the header.
// - Latin (DRAFT, PROJET): Word's own watermark, a VML WordArt text path (Design > Watermark can remove it).
// - Arabic (مسودة): a text path draws the word glyph by glyph and stretches it to the shape; LibreOffice
//   then shows it as broken, distorted letter shapes. So the Arabic mark is a floating DrawingML text box
//   behind the text, rotated like Word's watermark, holding an ordinary right-to-left paragraph: shaped and
//   joined by the normal text layout in Word and LibreOffice alike. (LibreOffice 7.4 does not rotate the
//   text of a text box: there it reads horizontally across the middle of the page.)
import {
  AlignmentType,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  Paragraph,
  TextRun,
  TextWrappingType,
  VerticalPositionAlign,
  VerticalPositionRelativeFrom,
} from 'docx';
import { ShapeRun } from 'docx/shapes';
import { TextWatermark } from 'docx/watermarks';
import type { MinutesDocument } from './model';

/** C00000 at about 25% on white: the colour of a translucent red mark, without transparency support. */
const LIGHT_RED = 'F2BFBF';
const DIAGONAL = 315;

export function draftWatermark(doc: MinutesDocument): TextWatermark | ShapeRun {
  if (doc.dir !== 'rtl') {
    return new TextWatermark({ text: doc.draftLabel, color: 'C00000', opacity: 0.15, layout: 'diagonal', font: doc.fonts.latin });
  }
  const font = doc.fonts.arabic;
  return new ShapeRun({
    type: 'rectangle',
    transformation: { width: 620, height: 260, rotation: DIAGONAL },
    line: 'none',
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.CENTER },
      verticalPosition: { relative: VerticalPositionRelativeFrom.MARGIN, align: VerticalPositionAlign.CENTER },
      behindDocument: true,
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    },
    textOptions: { wrap: false, verticalAlignment: 'center', margins: { top: 0, bottom: 0, left: 0, right: 0 } },
    altText: { name: 'DRAFT watermark', description: doc.draftLabel },
    children: [
      new Paragraph({
        bidirectional: true,
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: doc.draftLabel,
            rightToLeft: true,
            font: { ascii: font, hAnsi: font, cs: font },
            size: 240,
            sizeComplexScript: 240,
            bold: true,
            boldComplexScript: true,
            color: LIGHT_RED,
            language: { value: 'ar-SA', bidirectional: 'ar-SA' },
          }),
        ],
      }),
    ],
  });
}
