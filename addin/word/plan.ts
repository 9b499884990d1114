import { type AnnexBlock, type AnnexLanguage, type AnnexModel, type AnnexRun, headingText, runsText } from '../../src/annex/model';
import { fingerprint, hash32, safeKey } from './fingerprint';

/** The tag that marks the annex's content control; Refresh finds the annex by it, never by position. */
export const ANNEX_TAG = 'synergy-register-annex';
/** An older annex set aside by "Insert afresh": plain content again for the add-in, the clerk's to keep or delete. */
export const DETACHED_ANNEX_TAG = 'synergy-register-annex-detached';

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

/** What a part of the annex shows: a measure, a meeting, a section heading, the table, or fixed text. */
export type UnitKind = 'entry' | 'meeting' | 'section' | 'table' | 'text';

/** One part of the annex in its own content control; refreshed, kept or removed as a whole. */
export interface PlannedUnit {
  /** stable across refreshes: "entry:<id>", "meeting:<id>", "section:<group>:<label>", "table", "text:<hash>" */
  key: string;
  kind: UnitKind;
  /** the first item is always a paragraph (a new part is made by wrapping one) */
  items: PlannedItem[];
  /** the part's plain text, paragraphs on their own lines */
  text: string;
  /** fingerprint of `text`, recorded in the part's tag */
  fingerprint: string;
}

/** Everything one Insert or Refresh writes, decided before Word is touched. */
export interface WordPlan {
  tag: typeof ANNEX_TAG;
  /** the content control's title, shown by Word around the annex */
  title: string;
  units: PlannedUnit[];
}

/** Every item of the plan in order (what the annex shows, part after part). */
export function planItems(plan: WordPlan): PlannedItem[] {
  return plan.units.flatMap((u) => u.items);
}

/**
 * Text as Word can store it: characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/F)
 * are dropped, and line breaks inside a run become spaces (a paragraph is one line; the model splits them).
 */
export function wordText(text: string): string {
  return text.replace(/\r\n?|\n|\u000b|\u000c|\u2028|\u2029/g, ' ').replace(/[^\t\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

const HEADING_STYLE: Record<1 | 2 | 3, WordStyle> = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' };

const safeRuns = (runs: readonly AnnexRun[]): AnnexRun[] => runs.map((r) => ({ ...r, text: wordText(r.text) }));
const paragraph = (style: WordStyle, runs: readonly AnnexRun[]): PlannedParagraph => ({ kind: 'paragraph', style, runs: safeRuns(runs) });

/** A block as planned items, each with the register record it shows and the text that names it (no numbering). */
interface Piece {
  item: PlannedItem;
  ref?: string;
  /** for a heading: its text without the number, so renumbering keeps a fixed part's key */
  name: string;
  heading: boolean;
}

function blockPieces(block: AnnexBlock): Piece[] {
  switch (block.kind) {
    case 'title':
      return [{ item: paragraph('Title', [{ text: block.text }]), name: block.text, heading: false }];
    case 'subtitle':
      return [{ item: paragraph('Subtitle', [{ text: block.text }]), name: block.text, heading: false }];
    case 'heading':
      return [{ item: paragraph(HEADING_STYLE[block.level], [{ text: headingText(block) }]), ref: block.ref, name: block.text, heading: true }];
    case 'paragraph':
      return [{ item: paragraph('Normal', block.runs), ref: block.ref, name: runsText(block.runs), heading: false }];
    case 'quote':
      return [{ item: paragraph('Quote', block.runs), ref: block.ref, name: runsText(block.runs), heading: false }];
    case 'list':
      return block.items.map((i) => ({ item: paragraph('ListBullet', i.runs), ref: i.ref ?? block.ref, name: runsText(i.runs), heading: false }));
    case 'table': {
      const values = [block.header, ...block.rows].map((row) => row.map(wordText));
      return [{ item: { kind: 'table', style: TABLE_STYLE, headerRowCount: 1, values }, name: 'table', heading: false }];
    }
  }
}

export function itemText(item: PlannedItem): string {
  return item.kind === 'paragraph' ? runsText(item.runs) : item.values.map((row) => row.join('\t')).join('\n');
}

const KIND_OF_REF: Record<string, UnitKind> = { entry: 'entry', meeting: 'meeting', section: 'section' };

/**
 * Groups the pieces into parts: consecutive pieces showing the same record form one part; fixed text is cut
 * at each heading, so "3. SYNERGIEËN" and its lead-in are one part and the law quote another; the summary
 * table is a part with the heading above it. A fixed part is keyed by its first text (numbers left out).
 */
function unitsOf(pieces: readonly Piece[]): PlannedUnit[] {
  const groups: Array<{ ref?: string; name: string; table: boolean; items: PlannedItem[] }> = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    const joins = last && (piece.ref ? last.ref === piece.ref : !last.ref && !piece.heading && !last.table);
    if (joins) last.items.push(piece.item);
    else groups.push({ ref: piece.ref, name: piece.name, table: false, items: [piece.item] });
    const current = groups[groups.length - 1];
    if (piece.item.kind === 'table' && !piece.ref) current.table = true;
  }
  const seen = new Map<string, number>();
  return groups.map((g) => {
    const kind: UnitKind = g.ref ? (KIND_OF_REF[g.ref.slice(0, g.ref.indexOf(':'))] ?? 'text') : g.table ? 'table' : 'text';
    let key = safeKey(g.ref ?? (g.table ? 'table' : `text:${hash32(g.name.trim().toLowerCase())}`));
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}~${n}`;
    const items = g.items[0].kind === 'paragraph' ? g.items : [paragraph('Normal', [{ text: '' }]), ...g.items];
    const text = items.map(itemText).join('\n');
    return { key, kind, items, text, fingerprint: fingerprint(text) };
  });
}

const CONTROL_TITLE: Record<AnnexLanguage, (year: number) => string> = {
  nl: (year) => `Synergieverslag ${year} (bijlage bij de begroting)`,
  fr: (year) => `Rapport synergies ${year} (annexe au budget)`,
};

/** Pure: any annex blocks (e.g. the "what changed" section) as the paragraphs and tables Word will get, in order. */
export function planBlocks(blocks: readonly AnnexBlock[]): PlannedItem[] {
  return blocks.flatMap(blockPieces).map((piece) => piece.item);
}

/** Pure: the annex model as the parts, paragraphs and tables Word will get, in order. */
export function planAnnex(model: AnnexModel): WordPlan {
  return { tag: ANNEX_TAG, title: CONTROL_TITLE[model.meta.language](model.meta.year), units: unitsOf(model.blocks.flatMap(blockPieces)) };
}
