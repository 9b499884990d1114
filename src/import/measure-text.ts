import type { Language } from '../domain/vocabulary';
import type { ImportBlock } from './proposal';
import { allItalic, type Run } from './structure';
import type { SummaryRow } from './summary-table';

/** A measure as read from the document, before it is classified: what every reader of a report's part builds. */
export interface Draft {
  text: string;
  title: string;
  description: string;
  language: Language;
  block: ImportBlock;
  section: string | null;
  subheading: string | null;
  italic: boolean;
  row?: SummaryRow;
  /** in a narrative section, before it is known which measure it is part of: a paragraph, a list item, a lead-in */
  unit?: 'paragraph' | 'item' | 'sub-item' | 'lead-in';
  /** the register's entry whose own paragraphs these are */
  knownAs?: string;
}

export const FALLBACK_TAG = /^\((NL|FR|EN)\)\s+/;
const TITLE_MAX = 200;

/** Runs of white space become one space; a French non-breaking space before « : ; ? ! » or inside « » stays. */
export function clean(text: string): string {
  return text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}

/** A list item as printed, without its list punctuation (";", "." at the end). */
export function itemTitle(text: string): string {
  const t = clean(text).replace(/[\s\u00a0]*[;,]+$/u, '');
  return (/[^.]\.$/u.test(t) ? t.slice(0, -1) : t).trim();
}

/** The sentences of a text (a full stop, question or exclamation mark before a capital starts a new one). */
export function sentencesOf(text: string): string[] {
  return clean(text).split(/(?<=[.!?])\s+(?=[\p{Lu}"“«(])/u).filter(Boolean);
}

/** A text cut at a word when longer than a title may be. */
export function titleLength(text: string): string {
  if (text.length <= TITLE_MAX) return text;
  const cut = text.slice(0, TITLE_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

/** A paragraph's title: its first sentence, cut at a word when long. */
export function paragraphTitle(text: string): string {
  return titleLength((sentencesOf(text)[0] ?? '').replace(/[.]$/, ''));
}

/** Italics of a measure, leaving out the "(NL) " tag the annex prints before a text in the other language. */
export function italicOf(runs: readonly Run[]): boolean {
  return allItalic(runs.length > 1 && FALLBACK_TAG.test(runs[0].text) && runs[0].text.trim().length <= 4 ? runs.slice(1) : runs);
}

/** A text the annex printed in the other language ("(NL) …"): the text without its tag, and that language. */
export function languageOfText(text: string, fallback: Language): { text: string; language: Language } {
  const m = FALLBACK_TAG.exec(text);
  return m ? { text: text.slice(m[0].length), language: m[1].toLowerCase() as Language } : { text, language: fallback };
}
