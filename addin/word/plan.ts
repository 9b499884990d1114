import { type AnnexBlock, type AnnexModel, type AnnexRun, headingText } from '../../src/domain/annex/types';

/** The tag that marks the annex's content control; Refresh finds the annex by it, never by position. */
export const ANNEX_TAG = 'synergy-register-annex';

/**
 * Word's built-in style names (Word.BuiltInStyleName values, WordApi 1.3). Built-in styles are set by
 * identifier, so they work in a Dutch or French Word where the style is called "Kop 1" or "Titre 1".
 */
export type WordStyle = 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Heading3' | 'Normal' | 'Quote' | 'ListBullet';
export const TABLE_STYLE = 'GridTable4_Accent1';

export interface PlannedParagraph {
  kind: 'paragraph';
  style: WordStyle;
  runs: AnnexRun[];
}

export interface PlannedTable {
  kind: 'table';
  style: typeof TABLE_STYLE;
  headerRowCount: 1;
  /** header row first */
  values: string[][];
}

export type PlannedItem = PlannedParagraph | PlannedTable;

/** Everything one Insert or Refresh writes, decided before Word is touched. */
export interface WordPlan {
  tag: typeof ANNEX_TAG;
  /** the content control's title, shown by Word around the annex */
  title: string;
  items: PlannedItem[];
}

const HEADING_STYLE: Record<1 | 2 | 3, WordStyle> = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' };

function blockItems(block: AnnexBlock): PlannedItem[] {
  switch (block.kind) {
    case 'title':
      return [{ kind: 'paragraph', style: 'Title', runs: [{ text: block.text }] }];
    case 'subtitle':
      return [{ kind: 'paragraph', style: 'Subtitle', runs: [{ text: block.text }] }];
    case 'heading':
      return [{ kind: 'paragraph', style: HEADING_STYLE[block.level], runs: [{ text: headingText(block) }] }];
    case 'paragraph':
      return [{ kind: 'paragraph', style: 'Normal', runs: block.runs }];
    case 'quote':
      return [{ kind: 'paragraph', style: 'Quote', runs: block.runs }];
    case 'list':
      return block.items.map((item) => ({ kind: 'paragraph' as const, style: 'ListBullet' as const, runs: item.runs }));
    case 'table':
      return [{ kind: 'table', style: TABLE_STYLE, headerRowCount: 1, values: [block.header, ...block.rows] }];
  }
}

const CONTROL_TITLE: Record<'nl' | 'fr', (year: number) => string> = {
  nl: (year) => `Synergieverslag ${year} (bijlage bij de begroting)`,
  fr: (year) => `Rapport synergies ${year} (annexe au budget)`,
};

/** Pure: the annex model as the paragraphs and tables Word will get, in order. */
export function planAnnex(model: AnnexModel): WordPlan {
  const items = model.blocks.flatMap(blockItems);
  if (items[0]?.kind !== 'paragraph') items.unshift({ kind: 'paragraph', style: 'Normal', runs: [{ text: '' }] });
  return { tag: ANNEX_TAG, title: CONTROL_TITLE[model.meta.language](model.meta.year), items };
}
