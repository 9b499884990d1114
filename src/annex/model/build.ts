import type { LocalizedText, SynergyEntry } from '../../domain';
import type { Lifecycle, TemplateBlock } from '../../domain';
import { presetTemplate } from '../../domain';
import { templateFor } from '../../domain';
import { pickText, punctuateItem } from './format';
import { freeTextBlocks, meetingPeriodOf, meetingSection } from './meetings';
import { narrativeBlocks } from './narrative';
import { type AnnexInput, blockHeading, bySubheading, type Context, entryRef, sectionRef, sectionTitle, titleRuns } from './parts';
import { type Placement, placementOf, type UnplacedReason, type WithId, yearRulesOf } from './placement';
import { distribute, inDomains, orderItems } from './sections';
import { tableBlock } from './table';
import { annexText, ofMunicipality } from './texts';
import type { AnnexBlock, AnnexLanguage, AnnexMeta, AnnexModel, AnnexRun, AnnexShape } from './types';

export type { AnnexInput };
export { meetingPeriodOf };

type Unplaced = AnnexModel['meta']['unplaced'];

function listItems(items: readonly Placement[], ctx: Context): Array<{ runs: AnnexRun[] }> {
  return items.map((p, i) => {
    const runs = titleRuns(p, ctx);
    const last = runs[runs.length - 1];
    const italic = p.lifecycle === 'running' && p.italic;
    runs[runs.length - 1] = { ...last, text: punctuateItem(last.text, i === items.length - 1, ctx.language), ...(italic ? { italic: true } : {}) };
    return { runs, ref: entryRef(p) };
  });
}

interface Shown {
  placements: Placement[];
  unplaced: Placement[];
}

/** The block's sections with their measures: list shape numbered "n.i", narrative numbered "n." from `next`. */
function blockBlocks(
  block: TemplateBlock,
  placements: readonly Placement[],
  ctx: Context,
  shape: AnnexShape,
  number: () => number,
): { blocks: AnnexBlock[] } & Shown {
  const { slots, unplaced } = distribute(placements, block);
  const blocks: AnnexBlock[] = [];
  const shown = slots.flatMap((s) => orderItems(s.items));
  if (!slots.length) return { blocks, placements: [], unplaced };
  if (shape === 'list') {
    const n = number();
    const { heading, leadIn } = blockHeading(block, ctx);
    blocks.push({ kind: 'heading', level: 1, numbering: `${n}.`, text: heading });
    if (leadIn) blocks.push({ kind: 'paragraph', runs: [{ text: leadIn }] });
    slots.forEach((slot, i) => {
      if (block.sections.length)
        blocks.push({ kind: 'heading', level: 2, numbering: `${n}.${i + 1}`, text: sectionTitle(slot, ctx), ref: sectionRef(block, shape, slot) });
      for (const group of bySubheading(orderItems(slot.items), ctx)) {
        if (group.subheading)
          blocks.push({ kind: 'heading', level: 3, numbering: null, text: `${group.subheading}${ctx.language === 'fr' ? '\u00a0:' : ':'}` });
        blocks.push({ kind: 'list', items: listItems(group.items, ctx) });
      }
    });
  } else {
    blocks.push(...narrativeBlocks(block, slots, ctx, number));
  }
  return { blocks, placements: shown, unplaced };
}

function names(ctx: Context) {
  const { language, template, input } = ctx;
  const municipality = pickText(language, template.municipality, input.municipality)?.text ?? '';
  const of = ofMunicipality(language, municipality);
  const body = annexText(language, template.bodyKind === 'city' ? 'body.city' : 'body.municipality');
  const ocmw = ownOr(template.ocmwName, ctx, () => annexText(language, 'ocmwDefault', { municipality, ofMunicipality: of }));
  return { municipality, ofMunicipality: of, body, ocmw };
}

/** A template's own wording of a fixed text in this language, else the catalogue's (never the other language's). */
function ownOr(text: LocalizedText, ctx: Context, fallback: () => string): string {
  return text[ctx.language]?.trim() || fallback();
}

/**
 * The annex for one budget year, in one language and shape, laid out by the year's template:
 * title, legal introduction, meetings (list shape), then the template's blocks — running synergies (new
 * ones in italics), proposals, measures stopped that year — each with its sections, then the summary
 * table when chosen. Pure: same input, same model.
 */
/** The measures shown with texts in `language` a machine translated and nobody reviewed: listed for the secretary to check. */
function unreviewed(shown: readonly Placement[], language: AnnexLanguage): AnnexMeta['machineTranslated'] {
  const seen = new Set<string>();
  return shown.flatMap(({ entry }) => {
    const fields = (entry.machineTranslated ?? []).filter((m) => m.language === language).map((m) => m.field);
    if (!fields.length || seen.has(entry.id)) return [];
    seen.add(entry.id);
    return [{ id: entry.id, title: pickText(language, entry.title)?.text ?? '', fields }];
  });
}

export function buildAnnexModel(input: AnnexInput): AnnexModel {
  const { year, language } = input;
  const fromTemplates = input.report ?? templateFor(input.templates ?? [], year);
  const template = fromTemplates ?? presetTemplate('molenbeek-list', { budgetYear: year, municipality: input.municipality });
  const shape: AnnexShape = input.shape ?? template.shape;
  const ctx: Context = { input, language, template, counter: { fallbackTexts: 0 } };
  const toVerify: string[] = [];
  const wallonia = template.region === 'wallonia';
  if (wallonia) toVerify.push('annex.verify.wallonia');
  const n = names(ctx);

  const rules = yearRulesOf(input.entries, input.templates ?? (input.report ? [input.report] : []), year);
  const unplaced: Unplaced = [];
  const unplace = (entry: WithId<SynergyEntry>, reason: UnplacedReason) =>
    unplaced.push({ id: entry.id, title: pickText(language, entry.title)?.text ?? '', reason });
  const placements: Placement[] = [];
  for (const entry of input.entries) {
    if (input.domains?.length && !inDomains(entry.domain, input.domains)) continue;
    const result = placementOf(entry, rules);
    if (result && 'unplaced' in result) unplace(entry, result.unplaced);
    else if (result) placements.push(result.placement);
  }

  const blocks: AnnexBlock[] = [];
  let counter = 0;
  const next = () => ++counter;
  let meetingCount = 0;
  if (shape === 'list') {
    blocks.push({ kind: 'title', text: ownOr(template.title, ctx, () => annexText(language, wallonia ? 'wallonia.title' : 'listTitle', n)) });
    blocks.push({
      kind: 'subtitle',
      text: ownOr(template.subtitle, ctx, () => annexText(language, wallonia ? 'wallonia.subtitle' : 'listSubtitle', { year, ...n })),
    });
    blocks.push({ kind: 'heading', level: 1, numbering: `${next()}.`, text: annexText(language, 'intro') });
    blocks.push({ kind: 'paragraph', runs: [{ text: annexText(language, wallonia ? 'wallonia.lawLeadIn' : 'lawLeadIn') }] });
    const ownLaw = template.legalCitation[language]?.trim();
    const lawVerify = !ownLaw && language === 'fr' && !wallonia ? 'annex.verify.law' : undefined;
    if (lawVerify) toVerify.push(lawVerify);
    const law = ownLaw || annexText(language, wallonia ? 'wallonia.lawQuote' : 'lawQuote');
    blocks.push({ kind: 'quote', runs: [{ text: law, italic: true }], ...(lawVerify ? { toVerify: lawVerify } : {}) });
    blocks.push(...freeTextBlocks(template.introText, language, ctx.counter));
    const meetings = meetingSection(input.meetings, year, language, ctx.counter);
    meetingCount = meetings.count;
    blocks.push(...meetings.dates);
    if (meetings.accounts.length)
      blocks.push({ kind: 'heading', level: 1, numbering: `${next()}.`, text: annexText(language, 'meetings') }, ...meetings.accounts);
  } else {
    blocks.push({ kind: 'title', text: ownOr(template.title, ctx, () => annexText(language, 'narrativeTitle', n).toLocaleUpperCase(`${language}-BE`)) });
    blocks.push({ kind: 'paragraph', runs: [{ text: annexText(language, 'general'), bold: true }] });
    const ownLaw = template.legalCitation[language]?.trim();
    blocks.push({ kind: 'paragraph', runs: [{ text: ownLaw || annexText(language, 'narrativeGeneral') }] });
    if (!ownLaw && language === 'fr') toVerify.push('annex.verify.narrativeGeneral');
    blocks.push(...freeTextBlocks(template.introText, language, ctx.counter));
    const yearText = freeTextBlocks(template.yearText, language, ctx.counter);
    blocks.push(
      ...(yearText.length ? yearText : [{ kind: 'paragraph' as const, runs: [{ text: annexText(language, 'narrativeYear', { year, body: n.body }) }] }]),
    );
  }

  // each measure once: a block takes the placements of its lifecycles that no earlier block took
  const taken = new Set<Placement>();
  const shown: Placement[] = [];
  const templateBlocks = template.blocks.length
    ? template.blocks
    : presetTemplate(shape === 'list' ? 'molenbeek-list' : 'ukkel-narrative', { budgetYear: year, municipality: template.municipality }).blocks;
  for (const block of templateBlocks) {
    const mine = placements.filter((p) => !taken.has(p) && block.lifecycles.includes(p.lifecycle));
    mine.forEach((p) => taken.add(p));
    const result = blockBlocks(block, mine, ctx, shape, next);
    blocks.push(...result.blocks);
    shown.push(...result.placements);
    result.unplaced.forEach((p) => unplace(p.entry, 'no_section'));
  }
  placements.filter((p) => !taken.has(p)).forEach((p) => unplace(p.entry, 'no_section'));

  const includeTable = input.includeTable ?? template.table.include;
  const table = includeTable
    ? tableBlock(shown, input.columns?.length ? input.columns : template.table.columns, year, language, input.actions ?? [], ctx.counter)
    : undefined;
  if (table) blocks.push({ kind: 'heading', level: 1, numbering: shape === 'list' ? `${next()}.` : null, text: annexText(language, 'table') }, table);

  const count = (l: Lifecycle) => shown.filter((p) => p.lifecycle === l).length;
  return {
    meta: {
      year,
      language,
      shape,
      municipality: n.municipality,
      includeTable: Boolean(table),
      counts: {
        running: count('running'),
        proposals: count('proposals'),
        stopped: count('stopped'),
        meetings: meetingCount,
        fallbackTexts: ctx.counter.fallbackTexts,
      },
      meetingPeriod: meetingPeriodOf(year),
      toVerify,
      openYear: !rules.closedYears.has(year),
      template: { budgetYear: fromTemplates?.budgetYear ?? null, preset: template.preset, machineTranslations: template.machineTranslations },
      unplaced,
      machineTranslated: unreviewed(shown, language),
    },
    blocks,
  };
}
