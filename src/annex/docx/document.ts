import { AlignmentType, Document, type ISectionOptions, LevelFormat, PageOrientation } from 'docx';
import { annexText } from '../model';
import type { AnnexMeta } from '../model';

/**
 * The annex document's frame: its properties, styles, bullet numbering and page sections (A4, 2 cm margins,
 * portrait or landscape). The body's paragraphs come from blocks.ts; the same frame holds the whole document
 * or one piece of it (stream.ts), so every piece is written with the styles and numbering the file has.
 */

const FONT = 'Calibri';
export const BULLETS = 'annex-bullets';

/** A4 with 2 cm margins, in twips: the page and the text width in portrait and landscape. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const TEXT_WIDTH = { portrait: PAGE.width - 2 * PAGE.margin, landscape: PAGE.height - 2 * PAGE.margin };

export type Orientation = 'portrait' | 'landscape';

/** What the frame needs to know of the annex: its language, year, commune and shape. */
export type DocumentMeta = Pick<AnnexMeta, 'language' | 'year' | 'municipality' | 'shape'>;

function pageOf(orientation: Orientation): ISectionOptions['properties'] {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    },
  };
}

/** A document with the annex's properties, styles and numbering, and these page sections. */
export function annexDocument(meta: DocumentMeta, sections: ReadonlyArray<{ orientation: Orientation; children: ISectionOptions['children'] }>): Document {
  const { language } = meta;
  return new Document({
    creator: 'Synergy Register',
    title: annexText(language, 'docTitle', { year: meta.year }),
    description: `${meta.municipality} · ${meta.year} · ${meta.shape}`,
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
    sections: sections.map((section) => ({ properties: pageOf(section.orientation), children: section.children })),
  });
}
