import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { annexText } from '../model';
import { xmlSafeText } from '../../domain';
import { type AnnexBlock, type AnnexModel, type AnnexRun, headingText } from '../model';

/**
 * The annex as a .docx for people without the add-in and for archiving: the same blocks as the add-in
 * inserts, with Word's own styles (Title, Subtitle, Heading 1–3, Quote, List Bullet) so the document
 * reads like the Molenbeek report and stays editable. docx escapes every text it writes into the XML.
 */

const FONT = 'Calibri';
const BULLETS = 'annex-bullets';
const MARKER_COLOR = '6B6B6B';
const LANG: Record<'nl' | 'fr', string> = { nl: 'nl-BE', fr: 'fr-BE' };

function runsOf(runs: readonly AnnexRun[], language: 'nl' | 'fr', base: { bold?: boolean } = {}): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: xmlSafeText(r.text),
        italics: Boolean(r.italic),
        bold: Boolean(r.bold ?? base.bold),
        language: { value: LANG[language] },
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

/** A4 with 2 cm margins, in twips: the page and the text width in portrait and landscape. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = { portrait: PAGE.width - 2 * PAGE.margin, landscape: PAGE.height - 2 * PAGE.margin };

/**
 * The summary table with the model's explicit column widths (a fixed layout, so Word and LibreOffice do not
 * squeeze a column until a word breaks), its header row repeated on every page, rows never split over pages.
 */
function tableOf(block: Extract<AnnexBlock, { kind: 'table' }>, language: 'nl' | 'fr'): Table {
  const total = block.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const widths =
    block.widths.length === block.header.length
      ? block.widths.map((p) => Math.floor((p / 100) * total))
      : block.header.map(() => Math.floor(total / block.header.length));
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: [new Paragraph({ style: 'TableText', children: runsOf([{ text, bold: header }], language) })],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, true, i)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

type Orientation = 'portrait' | 'landscape';

/** The blocks in page sections: a wide table (with the heading just before it) gets a landscape section of its own. */
function sectionsOf(blocks: readonly AnnexBlock[]): Array<{ orientation: Orientation; blocks: AnnexBlock[] }> {
  const sections: Array<{ orientation: Orientation; blocks: AnnexBlock[] }> = [{ orientation: 'portrait', blocks: [] }];
  for (const block of blocks) {
    const current = sections[sections.length - 1];
    if (block.kind === 'table' && block.landscape) {
      const previous = current.blocks[current.blocks.length - 1];
      const heading = previous?.kind === 'heading' ? current.blocks.pop()! : undefined;
      sections.push({ orientation: 'landscape', blocks: [...(heading ? [heading] : []), block] }, { orientation: 'portrait', blocks: [] });
    } else {
      current.blocks.push(block);
    }
  }
  return sections.filter((s) => s.blocks.length > 0);
}

function childrenOf(block: AnnexBlock, language: 'nl' | 'fr'): Array<Paragraph | Table> {
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
      return [tableOf(block, language), new Paragraph({ children: [] })];
  }
}

export function annexDocument(model: AnnexModel): Document {
  const { language } = model.meta;
  return new Document({
    creator: 'Synergy Register',
    title: annexText(language, 'docTitle', { year: model.meta.year }),
    description: `${model.meta.municipality} · ${model.meta.year} · ${model.meta.shape}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading3: {
          run: { font: FONT, size: 22, bold: true, italics: false, color: '2F5496' },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 24, color: '404040' },
          paragraph: { spacing: { after: 360 } },
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 567, right: 567 }, alignment: AlignmentType.JUSTIFIED },
        },
        { id: 'ListBullet', name: 'List Bullet', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 40 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } },
          ],
        },
      ],
    },
    sections: sectionsOf(model.blocks).map((section) => ({
      properties: {
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      children: section.blocks.flatMap((b) => childrenOf(b, language)),
    })),
  });
}

/** The .docx file's bytes. */
export function annexDocx(model: AnnexModel): Promise<Buffer> {
  return Packer.toBuffer(annexDocument(model));
}

/** "synergieverslag-2023-nl.docx" / "rapport-synergies-2023-fr.docx" */
export function annexFileName(model: AnnexModel): string {
  return model.meta.language === 'nl' ? `synergieverslag-${model.meta.year}-nl.docx` : `rapport-synergies-${model.meta.year}-fr.docx`;
}
