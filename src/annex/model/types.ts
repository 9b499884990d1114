/**
 * The annex (the yearly synergy report annexed to both budgets) as plain data: an ordered list of
 * blocks that every renderer (Word add-in, .docx export, a preview) turns into its own format.
 * Texts here are plain text, never markup: each renderer escapes them for its own target.
 */

export type AnnexLanguage = 'nl' | 'fr';
export type AnnexShape = 'list' | 'narrative';

/** A piece of text with one formatting. `marker` runs are annotations the renderer may style differently. */
export interface AnnexRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** "language-fallback": the "(NL)"/"(FR)" tag before a text shown in the other language */
  marker?: 'language-fallback';
}

/**
 * What a block or list item shows from the register, so a renderer can keep one place per register record
 * (the Word add-in gives each its own content control): "entry:<id>" for a measure, "meeting:<id>" for a
 * meeting, "section:<group>:<label>" for a section heading. Blocks of fixed text have none.
 */
export type AnnexRef = string;

/** Which paragraph style a block maps to, in Word's built-in style names. */
export type AnnexBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | {
      kind: 'heading';
      ref?: AnnexRef;
      /** 1: top-level ("1. INLEIDING", narrative "1. Financiën"); 2: domain or meeting; 3: sub-head ("Huisvesting:") */
      level: 1 | 2 | 3;
      /** number as printed ("1.", "3.1"), or null for an unnumbered heading */
      numbering: string | null;
      text: string;
    }
  | { kind: 'paragraph'; runs: AnnexRun[]; ref?: AnnexRef }
  /** a quoted fixed text (the law); `toVerify` (a catalogue key) says the wording still needs checking */
  | { kind: 'quote'; runs: AnnexRun[]; toVerify?: string; ref?: AnnexRef }
  | { kind: 'list'; items: Array<{ runs: AnnexRun[]; ref?: AnnexRef }>; ref?: AnnexRef }
  | {
      kind: 'table';
      /** the template's columns that have a value in at least one row (TableColumn codes) */
      columns: string[];
      header: string[];
      rows: string[][];
      /** each column's width in percent of the text width: no word needs to break inside a cell */
      widths: number[];
      /** the table is too wide for portrait: print it on a landscape page */
      landscape: boolean;
    };

export interface AnnexMeta {
  year: number;
  language: AnnexLanguage;
  shape: AnnexShape;
  municipality: string;
  includeTable: boolean;
  /** how many measures the lists/sections show, how many meetings, how many texts fall back to another language */
  counts: { running: number; proposals: number; stopped: number; meetings: number; fallbackTexts: number };
  /** the period whose steering-group meetings the report lists (ISO dates, inclusive) */
  meetingPeriod: { from: string; to: string };
  /** fixed texts that are proposals still to check before filing: catalogue keys ("annex.verify.law") */
  toVerify: string[];
  /** true when the year is derived from the entries (no frozen mentions for it) */
  openYear: boolean;
  /** the template used: its own year (a year without one uses the latest earlier) and preset */
  template: { budgetYear: number | null; preset: string; machineTranslations: 'list' | 'refuse' };
  /** measures of the year the lists do not show, and why: the pane lists them with a link to fix them */
  unplaced: Array<{ id: string; title: string; reason: 'no_section' | 'no_end_year' }>;
  /** measures shown whose texts in the annex's language a machine translated and no person reviewed yet */
  machineTranslated: Array<{ id: string; title: string; fields: string[] }>;
}

export interface AnnexModel {
  meta: AnnexMeta;
  blocks: AnnexBlock[];
}

/** The text of a heading as printed: number and text. */
export function headingText(block: Extract<AnnexBlock, { kind: 'heading' }>): string {
  return block.numbering ? `${block.numbering} ${block.text}` : block.text;
}

/** The plain text of a run list, markers included. */
export function runsText(runs: readonly AnnexRun[]): string {
  return runs.map((r) => r.text).join('');
}
