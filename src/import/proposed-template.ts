import { clean } from './measure-text';
import { isListBlock } from './measures';
import type { Outline } from './outline';
import type { ProposedSection, ProposedTemplate } from './proposal';
import { type Run, runsText } from './structure';
import { summaryColumns } from './summary-table';
import { readTitleBlock } from './title-block';

/**
 * The template a report proposes (pure): its title and subtitle, the commune as its title block names it, the legal
 * citation (art. 26bis for Brussels, CDLD art. L1122-11 for Wallonia), the introduction and year text, its sections in
 * printed order and the columns of its summary table.
 */

const LAW = /26\s?bis|L\s?1122-11/i;

function frontTexts(outline: Outline): string[] {
  return outline.placed
    .filter((p) => !p.top || p.top.role === 'intro')
    .flatMap((p) => (p.content.kind === 'paragraph' ? [clean(runsText((p.content as { runs: Run[] }).runs))] : []));
}

/** The title, the subtitle and the first paragraphs: where a report names its commune and year. */
export function titleTexts(outline: Outline): string[] {
  return [
    outline.title ?? '',
    ...outline.placed.filter((p) => !p.top).flatMap((p) => ('runs' in p.content ? [runsText(p.content.runs)] : [])),
    ...frontTexts(outline),
  ];
}

export function proposedTemplate(outline: Outline, year: number | null, allText: string): ProposedTemplate {
  const front = outline.placed.filter((p) => !p.top || p.top.role === 'intro');
  const texts = frontTexts(outline);
  const subtitle = front.find(
    (p) => p.content.kind === 'paragraph' && (p.content.subtitle || /bijlage|annexe|begroting|budget|exercice/i.test(runsText(p.content.runs))) && !p.top,
  );
  const lawIndex = texts.findIndex((t) => LAW.test(t));
  const lawTexts = lawIndex >= 0 ? texts.slice(lawIndex, /:$/.test(texts[lawIndex]) ? lawIndex + 2 : lawIndex + 1) : [];
  const yearLine = year ? texts.find((t) => new RegExp(`^(voor|pour|for|en)\\s+${year}\\b`, 'i').test(t)) : undefined;
  const subtitleText = subtitle ? clean(runsText((subtitle.content as { runs: Run[] }).runs)) : null;
  const intro = texts.filter((t) => !lawTexts.includes(t) && t !== yearLine && t !== subtitleText && !/:$/.test(t));
  const sections: ProposedSection[] = [];
  for (const { top, sub } of outline.sections) {
    const block = isListBlock(top.role) ? top.role : top.role === 'section' ? 'sections' : undefined;
    if (!block) continue;
    if (!sub && (block !== 'sections' || outline.sections.some((s) => s.top === top && s.sub))) continue;
    const h = sub ?? top;
    sections.push({ label: h.label.replace(/\s*:$/, ''), labelOther: null, number: h.number, block });
  }
  const commune = readTitleBlock([subtitleText ?? '', ...titleTexts(outline)], allText);
  return {
    title: outline.title ?? '',
    subtitle: subtitleText,
    municipality: commune.municipality,
    municipalityOther: null,
    bodyKind: commune.bodyKind,
    ocmwName: commune.ocmwName,
    region: commune.region,
    legalCitation: lawTexts.length ? lawTexts.join('\n') : null,
    intro: intro.join('\n\n'),
    yearText: yearLine ?? '',
    sections,
    table: summaryColumns(outline) ?? null,
  };
}
