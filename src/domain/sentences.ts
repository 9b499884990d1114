/**
 * How a measure's text is cut into sentences and a title: one rule for the import's reader and for the review
 * screen's "split" (both name a measure by its first sentence).
 */

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
  return clean(text)
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“«(])/u)
    .filter(Boolean);
}

/** A text cut at a word when longer than a title may be. */
export function titleLength(text: string): string {
  if (text.length <= TITLE_MAX) return text;
  const cut = text.slice(0, TITLE_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

/** A paragraph's title: its first sentence, cut at a word when long. */
export function paragraphTitle(text: string): string {
  const sentence = (sentencesOf(text)[0] ?? '').replace(/[.]$/, '');
  return titleLength(sentence.length > CLAUSE_FROM ? firstClause(sentence) : sentence);
}

/** From this length a title is the sentence's first clause (a reader scans titles, the full text stays the description). */
const CLAUSE_FROM = 120;

/** A long sentence up to its first clause break (", ", " – ", ": ", "; ") after a readable start; the sentence when it has none. */
export function firstClause(sentence: string): string {
  const m = /^(.{40,}?)(?:,\s|\s[–—-]\s|:\s|;\s)/u.exec(sentence);
  return m && m[1].length <= CLAUSE_FROM ? m[1] : sentence;
}
