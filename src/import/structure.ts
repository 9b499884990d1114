/**
 * A Word document reduced to what a synergy report is made of: headings, paragraphs (with their italic and
 * bold runs), list items and tables, in document order. Plain text only: whatever the file held (scripts,
 * fields, links) arrives here as characters, never as markup.
 */

export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

export type DocBlock =
  /** Word's Title style */
  | { kind: 'title'; text: string }
  /** a heading style (level 1–6), or a short paragraph written all in bold ("3.1 Human Resources") */
  | { kind: 'heading'; level: number; text: string; fromStyle: boolean }
  | { kind: 'paragraph'; runs: Run[]; quote?: boolean; subtitle?: boolean }
  | { kind: 'list-item'; runs: Run[]; depth: number; ordered: boolean }
  | { kind: 'table'; rows: string[][] };

/** What the reader noticed without refusing the file: worded by "import.warning.<code>" with these parameters. */
export type ReadWarning =
  | { code: 'style'; style: string }
  | { code: 'ignored' }
  | { code: 'truncated' | 'table_truncated'; max: number }
  /** a meeting account whose heading names no date: proposed, but not placed in a year */
  | { code: 'meeting_undated'; label: string }
  /** no section headings were found: every paragraph is proposed on its own */
  | { code: 'no_structure' };

export interface DocStructure {
  blocks: DocBlock[];
  /** pictures in the document (an image-only scan has pictures and no text) */
  images: number;
  /** what the reader could not interpret (unknown styles…), for the review screen */
  warnings: ReadWarning[];
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** True when every letter of the runs is in italics (a "new this year" item in the Molenbeek shape). */
export function allItalic(runs: readonly Run[]): boolean {
  const withLetters = runs.filter((r) => /\p{L}/u.test(r.text));
  return withLetters.length > 0 && withLetters.every((r) => r.italic);
}

export function allBold(runs: readonly Run[]): boolean {
  const withLetters = runs.filter((r) => /\p{L}/u.test(r.text));
  return withLetters.length > 0 && withLetters.every((r) => r.bold);
}

export function blockText(block: DocBlock): string {
  switch (block.kind) {
    case 'title':
    case 'heading':
      return block.text;
    case 'paragraph':
    case 'list-item':
      return runsText(block.runs);
    case 'table':
      return block.rows.map((r) => r.join(' ')).join('\n');
  }
}
