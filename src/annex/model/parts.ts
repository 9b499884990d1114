import type { Action, AnnualReport, Meeting, SynergyEntry } from '../../domain';
import type { Lifecycle, TableColumn, TemplateBlock } from '../../domain';
import type { DomainCode } from '../../domain';
import { fallbackTag, pickText, textRuns } from './format';
import type { Counter } from './meetings';
import type { Placement, WithId } from './placement';
import type { SectionSlot } from './sections';
import { annexText } from './texts';
import type { AnnexLanguage, AnnexRun, AnnexShape } from './types';

/** What the annex is built from, and the pieces of text every shape prints the same way. */

export interface AnnexInput {
  entries: readonly WithId<SynergyEntry>[];
  meetings: readonly WithId<Meeting>[];
  /** open actions give the table's deadline column */
  actions?: readonly WithId<Action>[];
  /** every report template of the register; the year's own, else the latest earlier one, is used */
  templates?: readonly AnnualReport[];
  /** a template chosen by the caller (wins over `templates`) */
  report?: AnnualReport;
  /** the budget year the annex is for */
  year: number;
  language: AnnexLanguage;
  /** default: the template's shape */
  shape?: AnnexShape;
  /** only these domains (a parent such as SOC also selects SOC.HOUS …); default all */
  domains?: readonly DomainCode[];
  /** default: the template's table choice */
  includeTable?: boolean;
  columns?: readonly TableColumn[];
  /** the configured names; the template's own municipality name wins */
  municipality: { nl: string; fr: string };
}

export interface Context {
  input: AnnexInput;
  language: AnnexLanguage;
  template: AnnualReport;
  counter: Counter;
}

export function tagged(picked: { text: string; from?: string } | undefined, ctx: Context): string {
  if (!picked) return '';
  if (picked.from) ctx.counter.fallbackTexts++;
  return `${picked.from ? fallbackTag(ctx.language, picked.from as 'nl') : ''}${picked.text}`;
}

export function titleRuns(p: Placement, ctx: Context): AnnexRun[] {
  const picked = pickText(ctx.language, p.textOverride, p.entry.title) ?? { text: '' };
  if (picked.from) ctx.counter.fallbackTexts++;
  return textRuns(picked, ctx.language);
}

/** Groups a section's items under their sub-heads (entries without one first), in order of first appearance. */
export function bySubheading(items: readonly Placement[], ctx: Context): Array<{ subheading?: string; items: Placement[] }> {
  const groups: Array<{ subheading?: string; key: string; items: Placement[] }> = [];
  for (const item of items) {
    const picked = item.entry.subheading ? pickText(ctx.language, item.entry.subheading) : undefined;
    const text = picked?.text.replace(/\s*:\s*$/, '');
    const key = text ? `${picked?.from ?? ''}|${text.toLowerCase()}` : '';
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, subheading: text ? tagged({ text, from: picked?.from }, ctx) : undefined, items: [] };
      if (key === '') groups.unshift(group);
      else groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** Which register record a block shows (see AnnexRef): the Word add-in keeps one content control per record. */
export const entryRef = (p: Placement) => `entry:${p.entry.id}`;
export const sectionRef = (block: TemplateBlock, shape: AnnexShape, slot: SectionSlot) =>
  `section:${shape === 'narrative' && block.lifecycles.includes('running') ? 'narrative' : block.lifecycles.join('+')}:${slot.key || 'all'}`;

export function sectionTitle(slot: SectionSlot, ctx: Context): string {
  return tagged(pickText(ctx.language, slot.title), ctx);
}

const DEFAULT_HEADING: Record<Lifecycle, 'synergies' | 'proposals' | 'stopped'> = { running: 'synergies', proposals: 'proposals', stopped: 'stopped' };

export function blockHeading(block: TemplateBlock, ctx: Context): { heading: string; leadIn?: string } {
  const { language, input, template } = ctx;
  const own = block.heading ? pickText(language, block.heading) : undefined;
  const first = block.lifecycles[0];
  const wallonia = template.region === 'wallonia' && first !== 'stopped';
  const heading = own
    ? tagged(own, ctx)
    : wallonia
      ? annexText(language, first === 'running' ? 'wallonia.existing' : 'wallonia.toDevelop')
      : annexText(language, DEFAULT_HEADING[first], { year: input.year });
  const ownLead = block.leadIn ? pickText(language, block.leadIn) : undefined;
  if (ownLead) return { heading, leadIn: tagged(ownLead, ctx) };
  if (own || wallonia) return { heading };
  const leadKey = first === 'running' ? 'synergiesLeadIn' : first === 'proposals' ? 'proposalsLeadIn' : 'stoppedLeadIn';
  return { heading, leadIn: annexText(language, leadKey, { year: input.year, previousYear: input.year - 1 }) };
}
