import { type DocBlock, allBold, type Run, runsText } from './structure';

/**
 * What clerks type instead of Word's styles, read from the content: a bullet typed by hand ("- ", "• ", "– ",
 * "o ", "1)", "a)") is a list item; a heading is a short line that is numbered (1., 1.1, I., A.), all in bold or all
 * in capitals; its level follows from its numbering scheme in the order the schemes first appear (the first scheme
 * seen is the top level: "II. SYNERGIES EXISTANTES" then "1. Ressources humaines" makes the Arabic numbers level 2).
 */

export interface Heading {
  label: string;
  /** "3.1", "4", "II", "A"; null when unnumbered */
  number: string | null;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))$/;

/** "2.1 Personeel" · "II. Ressources humaines" · "A. Finances" · "3) Overheidsopdrachten" → number and label. */
export function splitNumber(text: string): Heading {
  const t = text.replace(/\s+/g, ' ').trim();
  const arabic = /^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$/u.exec(t);
  if (arabic) return { number: arabic[1], label: arabic[2].trim() };
  const roman = /^([IVX]{1,5})[.)]\s+(\S.*)$/u.exec(t);
  if (roman && ROMAN.test(roman[1])) return { number: roman[1], label: roman[2].trim() };
  const letter = /^([A-H])[.)]\s+(\p{Lu}.*)$/u.exec(t);
  if (letter) return { number: letter[1], label: letter[2].trim() };
  return { number: null, label: t };
}

/** The numbering scheme of a heading number: Arabic by depth ("arabic2" for 2.1), Roman, letter. */
export function schemeOf(number: string): string {
  if (/^\d/.test(number)) return `arabic${number.split('.').length}`;
  return /^[IVX]+$/.test(number) ? 'roman' : 'letter';
}

const TYPED_BULLET = /^(?:[-–—•▪◦·*o]\s+|\(?\d{1,2}\)\s+|\(?[a-z]\)\s+)(?=\S)/u;

/** A paragraph that starts with a bullet typed by hand, without its bullet; its depth (0, or 1 for "o", "a)"). */
export function typedBullet(text: string): { text: string; depth: number } | undefined {
  const m = TYPED_BULLET.exec(text.replace(/^\s+/, ''));
  if (!m) return undefined;
  const marker = m[0].trim();
  const depth = marker === 'o' || marker === '◦' || /^\(?[a-z]\)$/.test(marker) ? 1 : 0;
  return { text: text.replace(/^\s+/, '').slice(m[0].length), depth };
}

/** Drops a typed bullet's characters from the start of the runs. */
function withoutPrefix(runs: readonly Run[], chars: number): Run[] {
  const out: Run[] = [];
  let left = chars;
  for (const run of runs) {
    if (left <= 0) out.push({ ...run });
    else if (run.text.length <= left) left -= run.text.length;
    else {
      out.push({ ...run, text: run.text.slice(left) });
      left = 0;
    }
  }
  return out;
}

/** Paragraphs typed as bullets become list items, so every later stage sees one kind of list. */
export function withTypedLists(blocks: readonly DocBlock[]): DocBlock[] {
  return blocks.map((block) => {
    if (block.kind !== 'paragraph' || block.quote) return block;
    const raw = runsText(block.runs);
    const bullet = typedBullet(raw);
    if (!bullet) return block;
    const cut = raw.length - bullet.text.length;
    return { kind: 'list-item', runs: withoutPrefix(block.runs, cut), depth: bullet.depth, ordered: /\d/.test(raw.slice(0, cut)) };
  });
}

const HEADING_MAX = 120;

/**
 * A paragraph that reads as a heading, by its content: short, not ending like a sentence, and numbered, or all
 * bold, or all in capitals. A numbered line that is a sentence (a verb and a full stop) stays text.
 */
export function paragraphHeading(runs: readonly Run[]): Heading | undefined {
  const text = runsText(runs).replace(/\s+/g, ' ').trim();
  if (!text || text.length > HEADING_MAX || /[.;,]$/.test(text)) return undefined;
  const h = splitNumber(text);
  const capitals = /\p{Lu}{3}/u.test(text) && !/\p{Ll}/u.test(text);
  if (allBold(runs) || capitals) return h;
  // a typed number with a short label that starts with a capital and holds no sentence
  if (h.number && /^\p{Lu}/u.test(h.label) && h.label.length <= 80 && !/[.:!?]/.test(h.label)) return h;
  return undefined;
}

/** Words (folded) of a report's own title block: "Verslag over de synergieën …", "Rapport sur les synergies …". */
export const TITLE_WORDS = /\b(verslag|rapport|report)\b.*\b(synergie|schaalvoordelen|economies d.echelle|synergies|overlapping)/;
