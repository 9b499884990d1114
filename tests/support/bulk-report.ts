import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

/** A report of the year with these measures as bullets under one section: an import as large as a test needs. */
export async function bulletReport(year: number, titles: readonly string[]): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: 'Verslag over de synergieën tussen de gemeente en het OCMW van Batchdorp', bold: true })] }),
    new Paragraph(`Bijlage bij de begroting ${year} van het OCMW van Batchdorp.`),
    new Paragraph({ children: [new TextRun({ text: '1. Bestaande synergieën', bold: true })] }),
    ...titles.map((title) => new Paragraph({ numbering: { reference: 'b', level: 0 }, children: [new TextRun(`${title};`)] })),
  ];
  return Packer.toBuffer(
    new Document({ numbering: { config: [{ reference: 'b', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] }, sections: [{ children }] }),
  );
}
