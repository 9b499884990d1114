import { fold } from '../domain';
import type { DomainCode, Language } from '../domain';
import { detectLanguage } from './classify';
import { proposedEntries } from './drafts';
import { meetingAccounts } from './meeting-accounts';
import { ImportRejectedError } from './errors';
import { TITLE_WORDS } from './headings';
import { clean, type Draft, FALLBACK_TAG, paragraphTitle } from './measure-text';
import { measuresOf } from './measures';
import type { KnownParagraphs } from './narrative';
import { buildOutline, type Outline } from './outline';
import type { ImportProposal } from './proposal';
import { proposedTemplate, titleTexts } from './proposed-template';
import { type DocBlock, type DocStructure, blockText, runsText } from './structure';
import { readTitleBlock, yearOf } from './title-block';

/**
 * The import as a straight pipeline of pure stages, each handing its result to the next:
 * read (read-docx.ts: .docx → blocks) → outline (outline.ts: blocks → headings and what stands under them) →
 * measures (measures.ts: outline → one draft per measure) → drafts (drafts.ts: drafts → classified proposals, with
 * proposed-template.ts for the template) → match (match-register.ts: proposals × the register's index).
 * A bilingual document (the original, then its translation) is two outlines whose measures pair up in order.
 */

export interface ProposeOptions {
  importId: string;
  fileName: string;
  /** domain of a section label in the register's own template, if it has one for that label */
  templateDomainOf?: (sectionLabel: string) => DomainCode | undefined;
  /** the entries whose descriptions hold a paragraph: joins a narrative measure told in several */
  knownParagraphs?: KnownParagraphs;
}

/** What each stage produced: the corpus test says at which stage a measure was lost. */
export interface ImportTrace {
  outlines: Outline[];
  measures: Draft[][];
  proposal: ImportProposal;
}

/** A second title after the first sections starts the same report in the other language. */
export function halvesOf(blocks: readonly DocBlock[]): DocBlock[][] {
  let sectionSeen = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') continue;
    const text = blockText(b);
    if (sectionSeen && (b.kind === 'heading' || b.kind === 'title') && TITLE_WORDS.test(fold(text))) {
      const [first, second] = [blocks.slice(0, i), blocks.slice(i)];
      const lang = (part: DocBlock[]) => detectLanguage(part.map(blockText).join('\n'));
      if (lang(first) && lang(second) && lang(first) !== lang(second)) return [first, second];
    }
    if (b.kind === 'heading' || b.kind === 'list-item') sectionSeen = true;
  }
  return [[...blocks]];
}

function languageOf(outline: Outline, text: string): Language {
  // the title and headings are in the report's language even where a text falls back to the other one ("(NL) …")
  const headings = [outline.title ?? '', ...outline.sections.map((s) => `${s.top.label} ${s.sub?.label ?? ''}`)].join('\n');
  return (
    detectLanguage(headings) ??
    detectLanguage(
      text
        .split('\n')
        .filter((line) => !FALLBACK_TAG.test(line.trim()))
        .join('\n'),
    ) ??
    'nl'
  );
}

/** Every paragraph and list item of a report that has no sections: each a proposal for the clerk to sort. */
function paragraphsAsMeasures(outline: Outline, language: Language): Draft[] {
  return outline.placed.flatMap((p): Draft[] => {
    if (p.content.kind === 'table') return [];
    const text = clean(runsText(p.content.runs));
    if (!text || (p.content.kind === 'paragraph' && (p.content.subtitle || /^(bijlage|annexe)\b/i.test(text)))) return [];
    return [
      {
        text,
        title: paragraphTitle(text),
        description: p.content.kind === 'list-item' ? '' : text,
        language,
        block: 'sections',
        section: null,
        subheading: null,
        italic: false,
      },
    ];
  });
}

export function traceImport(structure: DocStructure, options: ProposeOptions): ImportTrace {
  const allText = structure.blocks.map(blockText).join('\n');
  if (!allText.trim()) throw new ImportRejectedError(structure.images > 0 ? 'image_only' : 'no_text');
  const halves = halvesOf(structure.blocks);
  const outlines = halves.map((blocks) => buildOutline(blocks));
  const languages = outlines.map((o, i) => languageOf(o, halves[i].map(blockText).join('\n')));
  const measures = outlines.map((o, i) => measuresOf(o, languages[i], options.knownParagraphs));
  // a translation pairs up measure by measure; a translation that does not is left for the clerk to merge
  const paired = measures.length === 2 && measures[0].length === measures[1].length;
  let list = paired ? measures[0] : measures.flat();
  // a report without any structure still gives one proposal per paragraph, with a warning; a letter stays refused
  const unstructured = list.length === 0 && TITLE_WORDS.test(fold(outlines[0].title ?? ''));
  if (unstructured) list = paragraphsAsMeasures(outlines[0], languages[0]);
  const translations = new Map(paired ? measures[0].map((d, i) => [d, measures[1][i]] as const) : []);
  if (list.length === 0) throw new ImportRejectedError('not_a_report');
  const [outline] = outlines;
  const { year, reason: yearReason } = yearOf(titleTexts(outline));
  const template = proposedTemplate(outline, year, allText);
  const accounts = meetingAccounts(outline, languages[0]);
  if (outlines[1]) {
    template.municipalityOther = readTitleBlock(titleTexts(outlines[1]), '').municipality;
    // the translation's sections, in the same order, are the same sections in the other language
    const other = proposedTemplate(outlines[1], year, '').sections;
    if (paired && other.length === template.sections.length) template.sections.forEach((s, i) => (s.labelOther = other[i].label));
  }
  const proposal: ImportProposal = {
    importId: options.importId,
    fileName: options.fileName,
    language: languages[0],
    year,
    yearReason,
    shape: list.some((d) => d.block === 'running' || d.block === 'proposals') ? 'list' : 'narrative',
    template,
    templateAction: 'create',
    entries: proposedEntries(list, options, translations),
    meetings: accounts.map((a) => ({ ...a, action: 'create' as const })),
    warnings: [
      ...structure.warnings,
      ...(unstructured ? [{ code: 'no_structure' as const }] : []),
      ...accounts.filter((a) => !a.date).map((a) => ({ code: 'meeting_undated' as const, label: a.section.slice(0, 200) })),
    ].slice(0, 50),
  };
  return { outlines, measures, proposal };
}

/** Turns a report's structure into a proposal (pure); throws ImportRejectedError for what is not a report. */
export function proposeImport(structure: DocStructure, options: ProposeOptions): ImportProposal {
  return traceImport(structure, options).proposal;
}
