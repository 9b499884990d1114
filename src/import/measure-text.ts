import type { Language } from '../domain';
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

export { clean, itemTitle, paragraphTitle, sentencesOf, titleLength } from '../domain';

/** Italics of a measure, leaving out the "(NL) " tag the annex prints before a text in the other language. */
export function italicOf(runs: readonly Run[]): boolean {
  return allItalic(runs.length > 1 && FALLBACK_TAG.test(runs[0].text) && runs[0].text.trim().length <= 4 ? runs.slice(1) : runs);
}

/** A text the annex printed in the other language ("(NL) …"): the text without its tag, and that language. */
export function languageOfText(text: string, fallback: Language): { text: string; language: Language } {
  const m = FALLBACK_TAG.exec(text);
  return m ? { text: text.slice(m[0].length), language: m[1].toLowerCase() as Language } : { text, language: fallback };
}
