import { roleOfHeading, type SectionRole } from './classify';
import { allBold, type DocBlock, type Run, runsText } from './structure';

/**
 * The report's outline: every content block with the headings it stands under. Headings come from Word's
 * heading styles, or — as clerks type them — from short paragraphs in bold or capitals that start with a
 * number ("3.1 Human Resources", "4 MAATREGELEN …"), and from short lines ending in ":" before a list.
 */

export interface Heading {
  label: string;
  /** "3.1", "4"; null when unnumbered */
  number: string | null;
}

export interface TopSection extends Heading {
  role: SectionRole;
}

export type Content =
  | { kind: 'paragraph'; runs: Run[]; quote: boolean; subtitle: boolean }
  | { kind: 'list-item'; runs: Run[]; depth: number }
  | { kind: 'table'; rows: string[][] };

export interface Placed {
  content: Content;
  /** null before the first numbered heading (title, subtitle, front matter) */
  top: TopSection | null;
  sub: Heading | null;
  subheading: string | null;
}

export interface Outline {
  title: string | null;
  placed: Placed[];
  /** every heading under which measures may stand, in order */
  sections: Array<{ top: TopSection; sub: Heading | null }>;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$/u;

export function splitNumber(text: string): Heading {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = NUMBERED.exec(t);
  return m ? { number: m[1], label: m[2].trim() } : { number: null, label: t };
}

function depthOf(number: string | null): number {
  return number ? number.split('.').length : 0;
}

/** A paragraph that is really a heading: short, all bold or all capitals, not ending like a sentence. */
function paragraphHeading(runs: readonly Run[]): { text: string; level: number } | undefined {
  const text = runsText(runs).replace(/\s+/g, ' ').trim();
  if (!text || text.length > 150 || /[.;,]$/.test(text)) return undefined;
  const { number } = splitNumber(text);
  const capitals = /\p{Lu}{3}/u.test(text) && !/\p{Ll}/u.test(text);
  if (!allBold(runs) && !(capitals && number)) return undefined;
  if (number) return { text, level: depthOf(number) };
  return { text, level: text.endsWith(':') ? 3 : 2 };
}

const LEAD_IN_MAX = 80;

export function buildOutline(blocks: readonly DocBlock[]): Outline {
  let title: string | null = null;
  let top: TopSection | null = null;
  let sub: Heading | null = null;
  let subheading: string | null = null;
  const placed: Placed[] = [];
  const sections: Outline['sections'] = [];

  const openTop = (text: string) => {
    const h = splitNumber(text);
    top = { ...h, role: roleOfHeading(h.label) };
    sub = null;
    subheading = null;
    sections.push({ top, sub: null });
  };
  const openSub = (text: string) => {
    sub = splitNumber(text);
    subheading = null;
    if (top) sections.push({ top, sub });
  };
  const listBlock = () => top !== null && (top.role === 'running' || top.role === 'proposals' || top.role === 'stopped');

  const heading = (text: string, level: number) => {
    const h = splitNumber(text);
    const label = h.label.replace(/\s*:$/, '');
    const isTop = h.number ? depthOf(h.number) === 1 : level === 1 || (top === null && roleOfHeading(label) !== 'section');
    if (isTop) return openTop(text);
    // a lower heading before the first section is front matter; under a section it is a sub-head
    if (top !== null && (listBlock() || top.role === 'meetings') && (h.number !== null || level === 2)) return openSub(text);
    subheading = label;
  };

  /** The report's title: the Title style, else the first unnumbered heading before any section. */
  const isTitle = (text: string) => top === null && title === null && splitNumber(text).number === null && roleOfHeading(text.replace(/:$/, '')) === 'section';

  blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'title':
        if (title === null) title = block.text;
        else placed.push({ content: { kind: 'paragraph', runs: [{ text: block.text }], quote: false, subtitle: true }, top, sub, subheading });
        return;
      case 'heading':
        if (isTitle(block.text)) title = block.text;
        else heading(block.text, block.level);
        return;
      case 'paragraph': {
        const asHeading = block.quote || block.subtitle ? undefined : paragraphHeading(block.runs);
        if (asHeading) {
          if (isTitle(asHeading.text)) title = asHeading.text;
          else heading(asHeading.text, asHeading.level);
          return;
        }
        const text = runsText(block.runs).trim();
        if (!text) return;
        const next = blocks[i + 1];
        if (listBlock() && text.endsWith(':') && text.length <= LEAD_IN_MAX && next?.kind === 'list-item') {
          subheading = text.replace(/\s*:$/, '');
          return;
        }
        placed.push({ content: { kind: 'paragraph', runs: block.runs, quote: Boolean(block.quote), subtitle: Boolean(block.subtitle) }, top, sub, subheading });
        return;
      }
      case 'list-item':
        placed.push({ content: { kind: 'list-item', runs: block.runs, depth: block.depth }, top, sub, subheading });
        return;
      case 'table':
        placed.push({ content: { kind: 'table', rows: block.rows }, top, sub, subheading });
        return;
    }
  });
  return { title, placed, sections };
}
