import type { AnnualReport, LocalizedText, MeetingInput, Mention, SynergyEntry, SynergyEntryInput } from '../domain';
import { lifecycleOf } from '../annex/model';
import { gathers } from '../annex/model';
import { fold } from '../domain';
import { CLOSED_STATUSES, type DomainCode, type EntryStatus } from '../domain';
import { localized, textsOf } from '../domain';
import { BILINGUAL_LANGUAGES, type BilingualLanguage, type TextRef } from '../domain';
import { stripMetaOf, templateOf } from './report-template';
import { fieldIssue, type FieldIssue, ValidationError } from '../register';
import { normalizeText } from './match';
import { statusClass } from './match-register';
import type { ImportProposal, ProposedEntry } from './proposal';

/**
 * Pure planning of a reviewed import against the register as it is: what confirming will write — entries to create,
 * mentions to add or update, meetings, the year's report template. (Which entry each measure is: match-register.ts.)
 */

const BLOCK_REASONS = ['italic', 'block_running', 'block_proposals', 'block_stopped'];

type WithId<T> = T & { id: string };

/** The tag an entry created by an import carries in its source: finds it again on a repeated confirm. */
export function importTag(importId: string, key: string): string {
  return `[import:${importId}:${key}]`;
}

export interface PlannedCreate {
  key: string;
  tag: string;
  entry: SynergyEntryInput;
}

export interface PlannedMention {
  key: string;
  entryId: string;
  mention: Mention;
  /** the domain the clerk chose for it, when it differs from the entry's */
  domain?: DomainCode;
  /** the report says the entry stopped (or was not retained) that year and the register knew no end year */
  close?: { status: EntryStatus; endYear: number };
  change: 'added' | 'updated' | 'unchanged';
}

/** A meeting account written as a meeting; its decisions name the measures told in it once they exist. */
export interface PlannedMeeting {
  key: string;
  meeting: MeetingInput;
  /** measure keys told in this account, in order: each becomes a decision on its entry */
  measureKeys: string[];
}

export interface ImportPlan {
  year: number;
  creates: PlannedCreate[];
  mentions: PlannedMention[];
  meetings: PlannedMeeting[];
  skipped: string[];
  template: { action: 'create' | 'replace' | 'keep' | 'unchanged'; report: AnnualReport };
}

function mentionOf(item: ProposedEntry, year: number, entry?: SynergyEntry): Mention {
  const titles = entry ? textsOf(entry.title).map(normalizeText) : [];
  // a measure told only in a meeting's account is not listed that year: no section, no printed title
  const listed = item.block !== 'meetings';
  const printedDiffers = listed && entry !== undefined && item.block !== 'sections' && !titles.includes(normalizeText(item.title));
  return {
    reportYear: year,
    status: item.status,
    italic: item.italic,
    listed,
    ...(item.section && listed ? { section: item.section } : {}),
    ...(printedDiffers ? { textOverride: localized(item.language, item.title) } : {}),
  };
}

/** Two printed section labels are the same section when equal, or when one template section carries both (NL and FR). */
function sameSection(a: string, b: string, reports: readonly AnnualReport[]): boolean {
  if (fold(a) === fold(b)) return true;
  return reports.some((r) =>
    r.blocks
      .flatMap((b) => b.sections)
      .some((s) => {
        const labels = textsOf(s.title).map(fold);
        return labels.includes(fold(a)) && labels.includes(fold(b));
      }),
  );
}

/**
 * An existing mention updated with what the document says for sure: a guessed status does not replace a
 * recorded one of the same kind, and the French label of a section the mention names in Dutch is the same section.
 */
function mergeMention(existing: Mention, imported: Mention, item: ProposedEntry, reports: readonly AnnualReport[]): Mention {
  const reason = item.statusReason.code;
  // a table or the clerk says the status; the list shape's blocks say running or proposed; verbs only hint
  const status =
    reason === 'table' || reason === 'clerk' || (BLOCK_REASONS.includes(reason) && statusClass(existing.status) !== statusClass(imported.status))
      ? imported.status
      : existing.status;
  return {
    ...existing,
    status,
    italic: item.block === 'sections' ? existing.italic : imported.italic,
    listed: true,
    ...(imported.section && !(existing.section && sameSection(existing.section, imported.section, reports)) ? { section: imported.section } : {}),
    ...(imported.textOverride ? { textOverride: { ...existing.textOverride, ...imported.textOverride } } : {}),
  };
}

function startYearOf(item: ProposedEntry, year: number): number | null {
  if (item.startYear !== null) return item.startYear <= year ? item.startYear : null;
  const past = item.years.filter((y) => y <= year);
  return past.length ? Math.min(...past) : null;
}

/**
 * The template section a new entry is pinned to: the one it was printed under, when the section's rules
 * (by domain, by department) would not gather it there, so that the next years place it where the report did.
 */
function pinnedSection(item: ProposedEntry, entry: SynergyEntryInput, template: AnnualReport): string | undefined {
  if (!item.section) return undefined;
  const block = template.blocks.find((b) => b.lifecycles.includes(lifecycleOf(item.status)));
  const printed = block?.sections.find((s) => textsOf(s.title).some((t) => fold(t) === fold(item.section!)));
  if (!block || !printed) return undefined;
  const probe = { id: '', domain: entry.domain, scope: entry.scope ?? 'gemeente-ocmw', department: entry.department };
  return block.sections.find((s) => gathers(s, probe)) === printed ? undefined : printed.key;
}

/**
 * The texts of a new entry that a machine translated during the review and no person edited: marked "machine
 * translation, not reviewed" (the annex lists them) until a person edits or confirms them. Only a text the entry
 * gets is marked: a translation in the measure's own language, or an empty description, writes nothing.
 */
function machineMarks(item: ProposedEntry): TextRef[] {
  const translation = item.translation;
  if (!translation?.machine?.length || translation.language === item.language) return [];
  if (!(BILINGUAL_LANGUAGES as readonly string[]).includes(translation.language)) return [];
  const language = translation.language as BilingualLanguage;
  const written = [...new Set(translation.machine)].filter((field) => field === 'title' || translation.description);
  return written.map((field) => ({ field, language }));
}

/**
 * The entry a measure becomes: its texts in the document's language; "new" in the report is "existing" a year
 * later; a stopped or rejected one ends that year; the form named gives the formalisation.
 */
function entryOf(item: ProposedEntry, proposal: ImportProposal & { year: number }, template: AnnualReport): SynergyEntryInput {
  const tag = importTag(proposal.importId, item.key);
  const entry: SynergyEntryInput = {
    // a bilingual report gives both texts: the translation's language on its own side
    title: { ...(item.translation ? localized(item.translation.language, item.translation.title) : {}), ...localized(item.language, item.title) },
    description: {
      ...(item.translation?.description ? localized(item.translation.language, item.translation.description) : {}),
      ...localized(item.language, item.description),
    },
    domain: item.domain,
    ...(item.subheading ? { subheading: localized(item.language, item.subheading) } : {}),
    ...(item.department ? { department: localized(item.language, item.department) } : {}),
    scope: item.scope,
    status: item.status === 'new' ? 'existing' : item.status,
    startYear: startYearOf(item, proposal.year),
    endYear: CLOSED_STATUSES.includes(item.status) ? proposal.year : null,
    parties: item.parties,
    kind: 'synergy',
    ...(item.form ? { form: item.form } : { formalisation: item.formalisation }),
    mentions: [mentionOf(item, proposal.year)],
    source: `${proposal.fileName.slice(0, 120)} · ${(item.section ?? '').slice(0, 100)} ${tag}`.slice(0, 300),
  };
  const marks = machineMarks(item);
  if (marks.length) entry.machineTranslated = marks;
  const section = pinnedSection(item, entry, template);
  return section ? { ...entry, section } : entry;
}

/** What confirming the reviewed proposal writes, given the register now. Throws ValidationError for a bad decision. */
export function planImport(
  proposal: ImportProposal,
  entries: readonly WithId<SynergyEntry>[],
  reports: readonly AnnualReport[],
  fallbackMunicipality: LocalizedText,
  meetings: readonly Pick<MeetingInput, 'date' | 'body'>[] = [],
): ImportPlan {
  if (proposal.year === null) throw new ValidationError([fieldIssue('year', 'report_year_unknown')]);
  const p = proposal as ImportProposal & { year: number };
  const existingReport = reports.find((r) => r.budgetYear === p.year);
  const report = templateOf(p, p.templateAction === 'replace' ? existingReport : undefined, fallbackMunicipality);
  const template: ImportPlan['template'] = !existingReport
    ? { action: 'create', report }
    : p.templateAction === 'replace'
      ? { action: JSON.stringify(stripMetaOf(existingReport)) === JSON.stringify(report) ? 'unchanged' : 'replace', report }
      : { action: 'keep', report: existingReport };
  const byId = new Map(entries.map((e) => [e.id, e]));
  const issues: FieldIssue[] = [];
  const used = new Map<string, string>();
  const plan: ImportPlan = { year: p.year, creates: [], mentions: [], meetings: meetingsOf(p, meetings), skipped: [], template };
  p.entries.forEach((item, i) => {
    if (item.action === 'skip') return void plan.skipped.push(item.key);
    if (item.action === 'create') {
      const tag = importTag(p.importId, item.key);
      return void plan.creates.push({ key: item.key, tag, entry: entryOf(item, p, template.report) });
    }
    const entry = byId.get(item.entryId!);
    if (!entry) return void issues.push(fieldIssue(`entries.${i}.entryId`, 'entry_missing', { id: item.entryId! }));
    const twice = used.get(entry.id);
    if (twice) return void issues.push(fieldIssue(`entries.${i}.entryId`, 'entry_taken', { id: entry.id, measure: twice }));
    used.set(entry.id, item.key);
    plan.mentions.push(plannedMention(item, entry, p.year, reports));
  });
  if (issues.length) throw new ValidationError(issues);
  return plan;
}

/** The dated meeting accounts the clerk keeps and the register does not hold yet (a meeting that day), each with the measures it tells. */
function meetingsOf(proposal: ImportProposal, known: readonly Pick<MeetingInput, 'date' | 'body'>[]): PlannedMeeting[] {
  return proposal.meetings.flatMap((m, i) => {
    if (m.action === 'skip' || !m.date || known.some((k) => k.date === m.date)) return [];
    const told = proposal.entries.filter((e) => e.block === 'meetings' && e.section === m.section && e.action !== 'skip');
    const meeting: MeetingInput = {
      body: m.body,
      date: m.date,
      held: true,
      title: localized(m.language, m.section),
      summary: m.summary ? localized(m.language, m.summary) : {},
    };
    return [{ key: `meeting${i + 1}`, meeting, measureKeys: told.map((e) => e.key) }];
  });
}

/** A measure that is an existing entry: its mention of the year, and what the report says for sure about the entry. */
function plannedMention(item: ProposedEntry, entry: WithId<SynergyEntry>, year: number, reports: readonly AnnualReport[]): PlannedMention {
  const imported = mentionOf(item, year, entry);
  const existing = entry.mentions.find((m) => m.reportYear === year);
  // a meeting's account does not change what the register holds for a year it already has
  const mention = existing ? (item.block === 'meetings' ? existing : mergeMention(existing, imported, item, reports)) : imported;
  const change = !existing ? 'added' : JSON.stringify(existing) === JSON.stringify(mention) ? 'unchanged' : 'updated';
  const domain = item.domainReason.code === 'clerk' && item.domain !== entry.domain ? item.domain : undefined;
  // a report that is news (not a re-import) and says the measure ended that year gives the register its end year
  const ends =
    change !== 'unchanged' &&
    CLOSED_STATUSES.includes(mention.status) &&
    entry.endYear === null &&
    (entry.startYear === null || entry.startYear <= year) &&
    !entry.mentions.some((m) => m.reportYear > year);
  const close = ends ? { status: mention.status, endYear: year } : undefined;
  return {
    key: item.key,
    entryId: entry.id,
    mention,
    ...(domain ? { domain } : {}),
    ...(close ? { close } : {}),
    change: (domain || close) && change === 'unchanged' ? 'updated' : change,
  };
}
