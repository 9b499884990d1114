import type { Action, AnnualReport, LocalizedText, Meeting, Mention, ReportSection, SynergyEntry } from '../model';
import { fold, isOpen } from '../queries';
import {
  DOMAIN_CODES,
  DOMAINS,
  type DomainCode,
  type EntryStatus,
  labelOf,
  MEETING_BODIES,
  MEETING_BODY_CODES,
  type MeetingBody,
  PROPOSAL_STATUSES,
  RUNNING_STATUSES,
  type Scope,
  STATUSES,
} from '../vocabulary';
import { formatDate, formatEuro, paragraphsOf, pickText, punctuateItem, textRuns } from './format';
import { ANNEX_TEXTS, type AnnexTexts, TO_VERIFY } from './texts';
import type { AnnexBlock, AnnexLanguage, AnnexModel, AnnexRun, AnnexShape } from './types';

type WithId<T> = T & { id: string };

export interface AnnexInput {
  entries: readonly WithId<SynergyEntry>[];
  meetings: readonly WithId<Meeting>[];
  /** open actions give the table's deadline column */
  actions?: readonly WithId<Action>[];
  /** the municipality's report for `year` (shape and section template), if one was set up */
  report: AnnualReport | undefined;
  /** the budget year the annex is for */
  year: number;
  language: AnnexLanguage;
  /** default: the report's shape, else "list" */
  shape?: AnnexShape;
  /** only these domains (a parent such as SOC also selects SOC.HOUS …); default all */
  domains?: readonly DomainCode[];
  includeTable: boolean;
  /** the configured names; the report's own municipality name wins */
  municipality: { nl: string; fr: string };
}

/**
 * Which steering-group meetings a budget year's report lists: from 1 February of the year before up to
 * and including 31 January of the budget year. The draft budget for year N is prepared in the autumn of
 * N-1 and often finished in January of N (Molenbeek's 2023 report lists 14/09/2022, 7/12/2022 and
 * 19/01/2023 as held "voorafgaand aan de opstelling van de ontwerpbegroting 2023"). The windows of
 * consecutive years touch but never overlap, so no meeting is reported twice.
 */
export function meetingPeriodOf(year: number): { from: string; to: string } {
  return { from: `${year - 1}-02-01`, to: `${year}-01-31` };
}

/** How an entry stands in the year's report: frozen by the roll-over, or (open year) its current status. */
interface Placement {
  entry: WithId<SynergyEntry>;
  status: EntryStatus;
  italic: boolean;
  listed: boolean;
  section?: string;
  textOverride?: LocalizedText;
}

function latestClosedYear(entries: readonly SynergyEntry[]): number | undefined {
  let latest: number | undefined;
  for (const e of entries) for (const m of e.mentions) if (latest === undefined || m.reportYear > latest) latest = m.reportYear;
  return latest;
}

/**
 * An entry's place in the report of `year`: its mention of that year when the year was rolled over;
 * otherwise, when `year` is still open (later than every rolled-over year in the register), its current
 * status — entries created since the last roll-over belong to the open year. A closed year without a
 * mention did not print the entry.
 */
function placementOf(entry: WithId<SynergyEntry>, year: number, yearIsOpen: boolean): Placement | undefined {
  const mention: Mention | undefined = entry.mentions.find((m) => m.reportYear === year);
  if (mention) {
    return {
      entry,
      status: mention.status,
      italic: mention.italic,
      listed: mention.listed !== false,
      section: mention.section,
      textOverride: mention.textOverride,
    };
  }
  if (!yearIsOpen) return undefined;
  return { entry, status: entry.status, italic: entry.status === 'new', listed: true };
}

function parentOf(domain: string): string | undefined {
  const dot = domain.indexOf('.');
  return dot > 0 ? domain.slice(0, dot) : undefined;
}

function inDomains(domain: string, filter: readonly string[]): boolean {
  const parent = parentOf(domain);
  return filter.includes(domain) || (parent !== undefined && filter.includes(parent));
}

interface SectionSlot {
  label: LocalizedText;
  domains: readonly string[];
  scopes: readonly Scope[];
  /** domain or scope fallback sections, made when the template has no home for an entry */
  generated?: boolean;
  items: Placement[];
}

function labelKeys(label: LocalizedText): string[] {
  return [label.nl, label.fr, label.en].filter((v): v is string => Boolean(v?.trim())).map((v) => fold(v.trim()));
}

function sectionMatches(section: SectionSlot, entry: SynergyEntry): boolean {
  // a section without domains only takes entries whose mention printed them under its label
  return inDomains(entry.domain, section.domains) && section.scopes.includes(entry.scope);
}

/** Generated sections when the template has none for an entry: one per domain (vocabulary order), then one per scope. */
function fallbackSection(entry: SynergyEntry): SectionSlot {
  if (entry.scope === 'andere-ocmws') return { label: { nl: ANNEX_TEXTS.nl.otherOcmws, fr: ANNEX_TEXTS.fr.otherOcmws }, domains: [], scopes: ['andere-ocmws'], generated: true, items: [] };
  if (entry.scope === 'gewestelijk') return { label: { nl: ANNEX_TEXTS.nl.regional, fr: ANNEX_TEXTS.fr.regional }, domains: [], scopes: ['gewestelijk'], generated: true, items: [] };
  if (entry.scope === 'andere-partners') {
    return { label: { nl: ANNEX_TEXTS.nl.otherPartners, fr: ANNEX_TEXTS.fr.otherPartners }, domains: [], scopes: ['andere-partners'], generated: true, items: [] };
  }
  const d = DOMAINS[entry.domain as DomainCode];
  return { label: { nl: d.nl, fr: d.fr, en: d.en }, domains: [entry.domain], scopes: ['gemeente-ocmw'], generated: true, items: [] };
}

const SCOPE_RANK: Record<Scope, number> = { 'gemeente-ocmw': 0, 'andere-ocmws': 1, gewestelijk: 2, 'andere-partners': 3 };
const DOMAIN_RANK = new Map<string, number>(DOMAIN_CODES.map((c, i) => [c, i]));

/** Distributes placements over the template's sections; unmatched entries get generated sections after them. */
function distribute(placements: readonly Placement[], template: readonly ReportSection[]): SectionSlot[] {
  const slots: SectionSlot[] = template.map((s) => ({ label: s.label, domains: s.domains, scopes: s.scopes, items: [] }));
  const byLabel = new Map<string, SectionSlot>();
  for (const slot of slots) for (const key of labelKeys(slot.label)) if (!byLabel.has(key)) byLabel.set(key, slot);
  const generated = new Map<string, SectionSlot>();
  for (const p of placements) {
    const printed = p.section?.trim() ? byLabel.get(fold(p.section.trim())) : undefined;
    let slot = printed ?? slots.find((s) => sectionMatches(s, p.entry));
    if (!slot) {
      const candidate = fallbackSection(p.entry);
      const key = `${candidate.scopes[0]}|${candidate.domains[0] ?? ''}`;
      slot = generated.get(key);
      if (!slot) {
        slot = candidate;
        generated.set(key, slot);
      }
    }
    slot.items.push(p);
  }
  const extra = [...generated.values()].sort(
    (a, b) => SCOPE_RANK[a.scopes[0]] - SCOPE_RANK[b.scopes[0]] || (DOMAIN_RANK.get(a.domains[0] ?? '') ?? 999) - (DOMAIN_RANK.get(b.domains[0] ?? '') ?? 999),
  );
  return [...slots, ...extra].filter((s) => s.items.length > 0);
}

/** Existing first, then the new ones (italic), each in register order (ids compared numerically). */
function orderItems(items: readonly Placement[]): Placement[] {
  return [...items].sort((a, b) => Number(a.italic) - Number(b.italic) || a.entry.id.localeCompare(b.entry.id, 'en', { numeric: true }));
}

/** Groups a section's items under their sub-heads (entries without one first), in order of first appearance. */
function bySubheading(items: readonly Placement[], language: AnnexLanguage): Array<{ subheading?: string; items: Placement[] }> {
  const groups: Array<{ subheading?: string; key: string; items: Placement[] }> = [];
  for (const item of items) {
    const picked = item.entry.subheading ? pickText(language, item.entry.subheading) : undefined;
    const key = picked ? fold(picked.text.replace(/:\s*$/, '')) : '';
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, subheading: picked?.text.replace(/\s*:\s*$/, ''), items: [] };
      if (key === '') groups.unshift(group);
      else groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

interface Counter {
  fallbackTexts: number;
}

function titleRuns(p: Placement, language: AnnexLanguage, counter: Counter): { runs: AnnexRun[]; text: string } {
  const picked = pickText(language, p.textOverride, p.entry.title) ?? { text: '' };
  if (picked.from) counter.fallbackTexts++;
  return { runs: textRuns(picked, language), text: picked.text };
}

function listItems(items: readonly Placement[], language: AnnexLanguage, counter: Counter, italics: boolean): Array<{ runs: AnnexRun[] }> {
  return items.map((p, i) => {
    const { runs } = titleRuns(p, language, counter);
    const last = runs[runs.length - 1];
    const italic = italics && p.italic;
    runs[runs.length - 1] = { ...last, text: punctuateItem(last.text, i === items.length - 1, language), ...(italic ? { italic: true } : {}) };
    return { runs, ref: entryRef(p) };
  });
}

const entryRef = (p: Placement) => `entry:${p.entry.id}`;
const sectionRef = (group: string, slot: SectionSlot) => `section:${group}:${labelKeys(slot.label)[0] ?? ''}`;

function sectionLabel(slot: SectionSlot, language: AnnexLanguage, counter: Counter): string {
  const picked = pickText(language, slot.label) ?? { text: '' };
  if (picked.from) counter.fallbackTexts++;
  return picked.text;
}

/** One list section per slot, numbered `${prefix}.${i}`, with sub-heads; `group` names the part for the sections' refs. */
function listSections(slots: readonly SectionSlot[], prefix: string, group: string, language: AnnexLanguage, counter: Counter, italics: boolean): AnnexBlock[] {
  const blocks: AnnexBlock[] = [];
  slots.forEach((slot, i) => {
    blocks.push({ kind: 'heading', level: 2, numbering: `${prefix}.${i + 1}`, text: sectionLabel(slot, language, counter), ref: sectionRef(group, slot) });
    for (const group of bySubheading(orderItems(slot.items), language)) {
      if (group.subheading) blocks.push({ kind: 'heading', level: 3, numbering: null, text: `${group.subheading}${language === 'fr' ? '\u00a0:' : ':'}` });
      blocks.push({ kind: 'list', items: listItems(group.items, language, counter, italics) });
    }
  });
  return blocks;
}

/** Paragraphs and "- " lists of a free text (meeting summaries write questions as "- …?" lines). */
function textBlocks(text: string, from: string | undefined, language: AnnexLanguage): AnnexBlock[] {
  const blocks: AnnexBlock[] = [];
  const chunks = text.split(/\r?\n\s*\r?\n/).map((c) => c.trim()).filter(Boolean);
  let first = true;
  const tag = (): AnnexRun[] => {
    if (!from || !first) return [];
    first = false;
    return [{ text: ANNEX_TEXTS[language].fallbackTag(from), marker: 'language-fallback' }];
  };
  for (const chunk of chunks) {
    const lines = chunk.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.every((l) => /^[-•–]\s+/.test(l))) {
      const items = lines.map((l) => ({ runs: [...tag(), { text: l.replace(/^[-•–]\s+/, '') }] }));
      const previous = blocks[blocks.length - 1];
      if (previous?.kind === 'list') previous.items.push(...items);
      else blocks.push({ kind: 'list', items });
    } else {
      blocks.push({ kind: 'paragraph', runs: [...tag(), { text: lines.join(' ') }] });
    }
  }
  return blocks;
}

function meetingBlocks(meeting: WithId<Meeting>, heading: string, language: AnnexLanguage, counter: Counter): AnnexBlock[] {
  const blocks: AnnexBlock[] = [{ kind: 'heading', level: 2, numbering: null, text: heading }];
  const summary = pickText(language, meeting.summary);
  if (summary) {
    if (summary.from) counter.fallbackTexts++;
    blocks.push(...textBlocks(summary.text, summary.from, language));
  }
  // the summary tells the decisions in prose (as the minutes do); the decision list only stands in for a missing summary
  for (const d of summary ? [] : meeting.decisions) {
    const picked = pickText(language, d.text);
    if (!picked) continue;
    if (picked.from) counter.fallbackTexts++;
    blocks.push(...textBlocks(picked.text, picked.from, language));
  }
  const ref = `meeting:${meeting.id}`;
  return blocks.map((block) => ({ ...block, ref }));
}

const BODY_RANK = new Map<string, number>(MEETING_BODY_CODES.map((c, i) => [c, i]));

function meetingsOfPeriod(meetings: readonly WithId<Meeting>[], period: { from: string; to: string }) {
  const inPeriod = meetings.filter((m) => m.held !== false && m.date >= period.from && m.date <= period.to);
  const byDate = (a: Meeting, b: Meeting) => a.date.localeCompare(b.date);
  const steering = inPeriod.filter((m) => m.body === 'steering_group').sort(byDate);
  // other meetings: grouped by type (vocabulary order), then date; only those with something to tell
  const others = inPeriod
    .filter((m) => m.body !== 'steering_group' && (pickText('nl', m.summary) || m.decisions.length > 0))
    .sort((a, b) => (BODY_RANK.get(a.body) ?? 99) - (BODY_RANK.get(b.body) ?? 99) || byDate(a, b));
  return { steering, others };
}

function otherMeetingHeading(m: Meeting, language: AnnexLanguage, texts: AnnexTexts, counter: Counter): string {
  const own = pickText(language, m.title);
  if (own && !own.from) return own.text;
  if (own?.from) counter.fallbackTexts++;
  return texts.otherMeeting(labelOf(MEETING_BODIES, m.body as MeetingBody, language), formatDate(m.date));
}

function freeTextBlocks(text: LocalizedText | undefined, language: AnnexLanguage, counter: Counter): AnnexBlock[] {
  const picked = text ? pickText(language, text) : undefined;
  if (!picked) return [];
  if (picked.from) counter.fallbackTexts++;
  return textBlocks(picked.text, picked.from, language);
}

/** Narrative shape: one paragraph (or several) per measure — its description, else its title. */
function narrativeEntryBlocks(p: Placement, language: AnnexLanguage, counter: Counter): AnnexBlock[] {
  const description = pickText(language, p.entry.description);
  if (description) {
    if (description.from) counter.fallbackTexts++;
    return paragraphsOf(description.text).map((text, i) => ({
      kind: 'paragraph' as const,
      runs: i === 0 ? textRuns({ text, from: description.from }, language) : [{ text }],
      ref: entryRef(p),
    }));
  }
  const { runs, text } = titleRuns(p, language, counter);
  const last = runs[runs.length - 1];
  runs[runs.length - 1] = { ...last, text: /[.!?…]$/u.test(text) ? text : `${text}.` };
  return [{ kind: 'paragraph', runs, ref: entryRef(p) }];
}

function earliestOpenDueDate(entryId: string, actions: readonly WithId<Action>[]): string | undefined {
  let earliest: string | undefined;
  for (const a of actions) {
    if (a.entryId !== entryId || !isOpen(a) || !a.dueDate) continue;
    if (!earliest || a.dueDate < earliest) earliest = a.dueDate;
  }
  return earliest;
}

function tableBlock(placements: readonly Placement[], input: AnnexInput, texts: AnnexTexts): AnnexBlock {
  const { language } = input;
  const rows = placements.map((p) => {
    const e = p.entry;
    const title = pickText(language, p.textOverride, e.title);
    const due = earliestOpenDueDate(e.id, input.actions ?? []);
    return [
      labelOf(DOMAINS, e.domain, language),
      title ? `${title.from ? texts.fallbackTag(title.from) : ''}${title.text.replace(/[\s\u00a0;,:]+$/u, '')}` : texts.none,
      labelOf(STATUSES, p.status, language),
      e.parties.length ? e.parties.join(', ') : texts.none,
      e.financialBenefit.amountEur !== null ? formatEuro(e.financialBenefit.amountEur, language) : texts.none,
      e.contacts.length ? e.contacts.map((c) => c.name).join(', ') : texts.none,
      due ? formatDate(due) : texts.none,
    ];
  });
  return { kind: 'table', header: [...texts.tableHeader], rows };
}

function uniqueSections(sections: readonly ReportSection[]): ReportSection[] {
  const seen = new Set<string>();
  const out: ReportSection[] = [];
  for (const s of sections) {
    const key = labelKeys(s.label)[0] ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/**
 * The annex for one budget year, in one language and shape (brief §4.3): title, legal introduction,
 * steering-group meetings, running synergies per domain (new ones in italics), proposals per domain,
 * optionally a summary table. Pure: same input, same model.
 */
export function buildAnnexModel(input: AnnexInput): AnnexModel {
  const { year, language, report } = input;
  const texts = ANNEX_TEXTS[language];
  const shape: AnnexShape = input.shape ?? report?.shape ?? 'list';
  const municipality = pickText(language, report?.municipality, input.municipality)?.text ?? '';
  const counter: Counter = { fallbackTexts: 0 };
  const toVerify: string[] = [];

  const closed = latestClosedYear(input.entries);
  const yearIsOpen = closed === undefined || year > closed;
  const placements = input.entries
    .filter((e) => !input.domains?.length || inDomains(e.domain, input.domains))
    .map((e) => placementOf(e, year, yearIsOpen))
    .filter((p): p is Placement => p !== undefined && p.listed);
  const running = placements.filter((p) => RUNNING_STATUSES.includes(p.status));
  const proposals = placements.filter((p) => PROPOSAL_STATUSES.includes(p.status));
  const period = meetingPeriodOf(year);

  const blocks: AnnexBlock[] = [];
  let runningShown: Placement[] = [];
  let proposalsShown: Placement[] = [];
  let meetingCount = 0;

  if (shape === 'list') {
    blocks.push({ kind: 'title', text: texts.listTitle }, { kind: 'subtitle', text: texts.listSubtitle(year, municipality) });
    let n = 0;
    // 1. Introduction: the law, the council's own introduction, the steering group's meeting dates
    blocks.push({ kind: 'heading', level: 1, numbering: `${++n}.`, text: texts.intro });
    blocks.push({ kind: 'paragraph', runs: [{ text: texts.lawLeadIn }] });
    blocks.push({ kind: 'quote', runs: [{ text: texts.lawQuote, italic: true }], ...(TO_VERIFY[language].law ? { toVerify: TO_VERIFY[language].law! } : {}) });
    if (TO_VERIFY[language].law) toVerify.push(TO_VERIFY[language].law!);
    blocks.push(...freeTextBlocks(report?.introText, language, counter));
    const { steering, others } = meetingsOfPeriod(input.meetings, period);
    meetingCount = steering.length + others.length;
    if (steering.length) {
      blocks.push({ kind: 'paragraph', runs: [{ text: texts.meetingDatesLeadIn(year) }] });
      blocks.push({ kind: 'list', items: steering.map((m) => ({ runs: [{ text: formatDate(m.date) }] })) });
    }
    // 2. Meetings: one subsection per steering-group meeting, the minutes sentence, then the other meetings
    if (steering.length || others.length) {
      blocks.push({ kind: 'heading', level: 1, numbering: `${++n}.`, text: texts.meetings });
      for (const m of steering) blocks.push(...meetingBlocks(m, texts.steeringMeeting(formatDate(m.date)), language, counter));
      if (steering.length) blocks.push({ kind: 'paragraph', runs: [{ text: texts.minutesAttached }] });
      for (const m of others) blocks.push(...meetingBlocks(m, otherMeetingHeading(m, language, texts, counter), language, counter));
    }
    // 3. Running synergies per section, new ones in italics
    const runningTemplate = report?.runningSections ?? [];
    const proposalTemplate = report?.proposalSections?.length ? report.proposalSections : runningTemplate;
    const runningSlots = distribute(running, runningTemplate);
    if (runningSlots.length) {
      const number = ++n;
      blocks.push({ kind: 'heading', level: 1, numbering: `${number}.`, text: texts.synergies });
      blocks.push({ kind: 'paragraph', runs: [{ text: texts.synergiesLeadIn(year - 1) }] });
      blocks.push(...listSections(runningSlots, String(number), 'running', language, counter, true));
      runningShown = runningSlots.flatMap((s) => orderItems(s.items));
    }
    // 4. Proposed measures per section (no italics)
    const proposalSlots = distribute(proposals, proposalTemplate);
    if (proposalSlots.length) {
      const number = ++n;
      blocks.push({ kind: 'heading', level: 1, numbering: `${number}.`, text: texts.proposals(year) });
      blocks.push({ kind: 'paragraph', runs: [{ text: texts.proposalsLeadIn }] });
      blocks.push(...listSections(proposalSlots, String(number), 'proposals', language, counter, false));
      proposalsShown = proposalSlots.flatMap((s) => orderItems(s.items));
    }
    if (input.includeTable && (runningShown.length || proposalsShown.length)) {
      blocks.push({ kind: 'heading', level: 1, numbering: `${++n}.`, text: texts.table });
      blocks.push(tableBlock([...runningShown, ...proposalsShown], input, texts));
    }
  } else {
    blocks.push({ kind: 'title', text: texts.narrativeTitle(municipality) });
    blocks.push({ kind: 'paragraph', runs: [{ text: texts.general, bold: true }] });
    blocks.push({ kind: 'paragraph', runs: [{ text: texts.narrativeGeneral }] });
    if (TO_VERIFY[language].narrativeGeneral) toVerify.push(TO_VERIFY[language].narrativeGeneral!);
    blocks.push(...freeTextBlocks(report?.introText, language, counter));
    const yearText = freeTextBlocks(report?.yearText, language, counter);
    blocks.push(...(yearText.length ? yearText : [{ kind: 'paragraph' as const, runs: [{ text: texts.narrativeYear(year) }] }]));
    // one numbered section per domain; the status is told by the text itself (Ukkel has no italics)
    const template = uniqueSections([...(report?.runningSections ?? []), ...(report?.proposalSections ?? [])]);
    const shown = placements.filter((p) => RUNNING_STATUSES.includes(p.status) || PROPOSAL_STATUSES.includes(p.status) || p.entry.mentions.some((m) => m.reportYear === year));
    const slots = distribute(shown, template);
    slots.forEach((slot, i) => {
      blocks.push({ kind: 'heading', level: 1, numbering: `${i + 1}.`, text: sectionLabel(slot, language, counter), ref: sectionRef('narrative', slot) });
      for (const group of bySubheading(orderItems(slot.items), language)) {
        if (group.subheading) blocks.push({ kind: 'heading', level: 2, numbering: null, text: group.subheading });
        for (const p of group.items) blocks.push(...narrativeEntryBlocks(p, language, counter));
      }
    });
    const ordered = slots.flatMap((s) => orderItems(s.items));
    runningShown = ordered.filter((p) => !PROPOSAL_STATUSES.includes(p.status));
    proposalsShown = ordered.filter((p) => PROPOSAL_STATUSES.includes(p.status));
    if (input.includeTable && ordered.length) {
      blocks.push({ kind: 'heading', level: 1, numbering: null, text: texts.table });
      blocks.push(tableBlock(ordered, input, texts));
    }
  }

  return {
    meta: {
      year,
      language,
      shape,
      municipality,
      includeTable: input.includeTable,
      counts: { running: runningShown.length, proposals: proposalsShown.length, meetings: meetingCount, fallbackTexts: counter.fallbackTexts },
      meetingPeriod: period,
      toVerify,
      openYear: yearIsOpen,
    },
    blocks,
  };
}
