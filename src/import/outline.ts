import { fold } from '../domain';
import { roleOfHeading, type SectionRole } from './classify';
import { type Heading, paragraphHeading, schemeOf, splitNumber, TITLE_WORDS, withTypedLists } from './headings';
import { type DocBlock, type Run, runsText } from './structure';

export type { Heading } from './headings';

/**
 * Stage 2 of the import (blocks → outline, pure): every content block with the headings it stands under, and the
 * report's title. Headings come from Word's styles or from the content (see headings.ts); the title is the first
 * title-like line before any section; the general part is the part that cites the law at the top, whatever its
 * heading says ("Algemeen secretariaat" is a department).
 */

export interface TopSection extends Heading {
  role: SectionRole;
}

export type Content =
  | { kind: 'paragraph'; runs: Run[]; quote: boolean; subtitle: boolean }
  | { kind: 'list-item'; runs: Run[]; depth: number }
  | { kind: 'table'; rows: string[][] };

export interface Placed {
  content: Content;
  /** null before the first section heading (title, subtitle, front matter) */
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

const LEAD_IN_MAX = 80;
const LAW = /26\s?bis|l\s?1122-11|democratie locale/;

const isListRole = (role: SectionRole | undefined) => role === 'running' || role === 'proposals' || role === 'stopped';

/** A document's first lines may be its title block: the Title style, a title-like heading, or a plain paragraph naming the report. */
function titleLike(text: string): boolean {
  return TITLE_WORDS.test(fold(text));
}

export function buildOutline(input: readonly DocBlock[]): Outline {
  const blocks = withTypedLists(input);
  let title: string | null = null;
  let top: TopSection | null = null;
  let sub: Heading | null = null;
  let subheading: string | null = null;
  const schemes: string[] = [];
  const placed: Placed[] = [];
  const sections: Outline['sections'] = [];

  const openTop = (h: Heading) => {
    top = { ...h, label: h.label.replace(/\s*:$/, ''), role: roleOfHeading(h.label.replace(/\s*:$/, '')) };
    sub = null;
    subheading = null;
    sections.push({ top, sub: null });
  };
  const openSub = (h: Heading) => {
    sub = { ...h, label: h.label.replace(/\s*:$/, '') };
    subheading = null;
    if (top) sections.push({ top, sub });
  };

  /** The level of a numbered heading: the place of its scheme among the schemes open above it. */
  const levelOfNumber = (number: string): number => {
    const scheme = schemeOf(number);
    const at = schemes.indexOf(scheme);
    if (at >= 0) {
      schemes.length = at + 1;
      return at + 1;
    }
    schemes.push(scheme);
    return schemes.length;
  };

  const heading = (h: Heading, styleLevel: number | null) => {
    const role = top === null ? undefined : (top as TopSection).role;
    const level = h.number ? levelOfNumber(h.number) : (styleLevel ?? (top === null ? 1 : 2));
    if (level === 1 || top === null) return openTop(h);
    // under a list block or the meetings, a lower heading is a section or a meeting; under a domain section a sub-head
    if (isListRole(role) || role === 'meetings' || role === 'table') {
      // a typed heading without number under a numbered section ("3.7 Maatschappelijk" then "Huisvesting:") is a sub-head
      const isSection = h.number ? level === 2 : styleLevel !== null ? styleLevel <= 2 : !(sub as Heading | null)?.number && !h.label.endsWith(':');
      if (isSection) return openSub(h);
    }
    subheading = h.label.replace(/\s*:$/, '');
  };

  const maybeTitle = (text: string, strong: boolean): boolean => {
    if (top !== null || title !== null || placed.some((p) => p.content.kind !== 'paragraph')) return false;
    const h = splitNumber(text);
    if (h.number !== null) return false;
    // a report's title may name its parts ("… synergies existantes et à développer …"); another line may not
    if (!titleLike(text) && (!strong || roleOfHeading(h.label.replace(/:$/, '')) !== 'section')) return false;
    title = text.replace(/\s+/g, ' ').trim();
    return true;
  };

  blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'title':
        if (title === null) title = block.text;
        else placed.push({ content: { kind: 'paragraph', runs: [{ text: block.text }], quote: false, subtitle: true }, top, sub, subheading });
        return;
      case 'heading':
        if (maybeTitle(block.text, true)) return;
        heading(splitNumber(block.text), block.level);
        return;
      case 'paragraph': {
        const text = runsText(block.runs).trim();
        if (!text) return;
        const asHeading = block.quote || block.subtitle ? undefined : paragraphHeading(block.runs);
        if (asHeading) {
          if (maybeTitle(text, true)) return;
          heading(asHeading, null);
          return;
        }
        if (maybeTitle(text, false)) return;
        const next = blocks[i + 1];
        if (isListRole(top?.role) && text.endsWith(':') && text.length <= LEAD_IN_MAX && next?.kind === 'list-item') {
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
  markGeneralPart(placed, sections);
  return { title, placed, sections };
}

/**
 * The report's general part is where the law is cited, at the top: a first section that cites it and holds no list
 * is the introduction whatever its heading ("Algemeen", "Context", a title repeated).
 */
function markGeneralPart(placed: Placed[], sections: Outline['sections']): void {
  const first = sections[0]?.top;
  if (!first || first.role !== 'section') return;
  const own = placed.filter((p) => p.top === first);
  const cites = own.some((p) => p.content.kind === 'paragraph' && LAW.test(fold(runsText(p.content.runs))));
  if (cites && !own.some((p) => p.content.kind === 'list-item')) first.role = 'intro';
}
