import { BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { LOCALE_OF, xmlSafeText } from '../../domain';
import { type AnnexBlock, type AnnexLanguage, type AnnexRun, headingText } from '../model';
import { BULLETS, TEXT_WIDTH } from './document';

/**
 * One annex block as the docx library's paragraphs and tables, with Word's own styles (Title, Subtitle,
 * Heading 1–3, Quote, List Bullet). docx escapes every text it writes into the XML.
 */

const MARKER_COLOR = '6B6B6B';

function runsOf(runs: readonly AnnexRun[], language: AnnexLanguage, base: { bold?: boolean } = {}): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: xmlSafeText(r.text),
        italics: Boolean(r.italic),
        bold: Boolean(r.bold ?? base.bold),
        language: { value: LOCALE_OF[language] },
        ...(r.marker ? { color: MARKER_COLOR } : {}),
      }),
  );
}

const HEADING: Record<1 | 2 | 3, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
};

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8EAADB' };

export type TableBlock = Extract<AnnexBlock, { kind: 'table' }>;

/**
 * Some of a table's rows: a long table is written a slice at a time. Only the first slice has the header row
 * (repeated by Word on every page) and only the last the empty paragraph that follows the table.
 */
export interface TableSlice extends TableBlock {
  first: boolean;
  last: boolean;
}

/** A block as it is written: a long list or table may come as several slices of its items or rows. */
export type PieceBlock = Exclude<AnnexBlock, TableBlock> | TableSlice;

/**
 * The summary table with the model's explicit column widths (a fixed layout, so Word and LibreOffice do not
 * squeeze a column until a word breaks), its header row repeated on every page, rows never split over pages.
 */
function tableOf(block: TableSlice, language: AnnexLanguage): Table {
  const total = block.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const widths =
    block.widths.length === block.header.length
      ? block.widths.map((p) => Math.floor((p / 100) * total))
      : block.header.map(() => Math.floor(total / block.header.length));
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      // a cell's text says only what differs from its style (bold in the header): a table of 50 000 measures has
      // 250 000 of them
      children: [
        new Paragraph({
          style: 'TableText',
          children: [new TextRun({ text: xmlSafeText(text), language: { value: LOCALE_OF[language] }, ...(header ? { bold: true } : {}) })],
        }),
      ],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // one set of borders for the whole table (every cell's edges), not four per cell
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    rows: [
      ...(block.first ? [new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, true, i)) })] : []),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

export function childrenOf(block: PieceBlock, language: AnnexLanguage): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runsOf([{ text: block.text }], language) })];
    case 'subtitle':
      return [new Paragraph({ style: 'Subtitle', children: runsOf([{ text: block.text }], language) })];
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: runsOf([{ text: headingText(block) }], language) })];
    case 'paragraph':
      return [new Paragraph({ children: runsOf(block.runs, language) })];
    case 'quote':
      return [new Paragraph({ style: 'Quote', children: runsOf(block.runs, language) })];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ style: 'ListBullet', numbering: { reference: BULLETS, level: 0 }, children: runsOf(item.runs, language) }),
      );
    case 'table':
      return [tableOf(block, language), ...(block.last ? [new Paragraph({ children: [] })] : [])];
  }
}
