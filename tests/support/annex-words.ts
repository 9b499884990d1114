import { type AnnexModel, headingText, runsText } from '../../src/annex/model/types';
import { FRENCH } from '../../src/seed/translations';

/**
 * How faithfully an annex reproduces the Ukkel 2026 report, measured on the report's own
 * paragraphs (src/seed/data/translations-fr-ukkel-2026.json: the Dutch as printed, the French translation).
 */

/** Words of a text, lower case, punctuation and list marks left out. */
export const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** How many words of `reference` appear in `candidate` in the same order (longest common subsequence). */
export function inOrder(reference: string[], candidate: string[]): number {
  const ids = new Map<string, number>();
  const idOf = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const a = Int32Array.from(reference, idOf);
  const b = Int32Array.from(candidate, idOf);
  let previous = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 0; i < a.length; i++) {
    const word = a[i];
    for (let j = 1; j <= b.length; j++) {
      const up = previous[j];
      const left = row[j - 1];
      row[j] = word === b[j - 1] ? previous[j - 1] + 1 : up > left ? up : left;
    }
    [previous, row] = [row, previous];
  }
  return previous[b.length];
}

/** The annex's text as a reader sees it, block by block. */
export function annexText(m: AnnexModel): string {
  return m.blocks
    .map((b) =>
      b.kind === 'title' || b.kind === 'subtitle'
        ? b.text
        : b.kind === 'heading'
          ? headingText(b)
          : b.kind === 'list'
            ? b.items.map((i) => runsText(i.runs)).join('\n')
            : 'runs' in b
              ? runsText(b.runs)
              : '',
    )
    .join('\n');
}

const gaps = (s: string) => (s.match(/…|\.\.\./g) ?? []).length;
const opening = (text: string) => words(text).slice(0, 6).join(' ');

/**
 * share: the part of the report's words the annex has in the same order; extraGaps: "…" the report does not
 * have; cutParagraphs: a measure's paragraph that does not start where one of the report's paragraphs starts.
 */
export function faithfulness(m: AnnexModel, language: 'nl' | 'fr'): { share: number; words: number; extraGaps: number; cutParagraphs: string[] } {
  const paragraphs = FRENCH.ukkel.reportParagraphs.map((p) => p[language].replace(/^\s*-\s+/, ''));
  const report = paragraphs.join('\n');
  const text = annexText(m);
  const reference = words(report);
  const openings = new Set(paragraphs.map(opening));
  const cutParagraphs = m.blocks.flatMap((b) =>
    b.kind === 'paragraph' && b.ref?.startsWith('entry:') && !openings.has(opening(runsText(b.runs))) ? [runsText(b.runs)] : [],
  );
  const share = inOrder(reference, words(text)) / reference.length;
  console.log(`Ukkel 2026 (${language}): ${(share * 100).toFixed(1)} % of the report's ${reference.length} words in order`);
  return { share, words: reference.length, extraGaps: Math.max(0, gaps(text) - gaps(report)), cutParagraphs };
}
