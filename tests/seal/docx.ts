// A small real .docx for sealing tests, made with the docx library (the minutes generator's own output is
// tested by its feature; the seal works on any file's bytes).
import { Document, Packer, Paragraph, TextRun } from 'docx';

export async function smallDocx(text = 'The Council adopts the budget'): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }] });
  return Packer.toBuffer(doc);
}
