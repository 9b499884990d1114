import type { DomainCode, EntryStatus, Language } from '../domain/vocabulary';
import { FORMALISATION_OF_FORM } from '../domain/vocabulary';
import {
  type SectionRole,
  detectLanguage,
  formOf,
  partiesOf,
  type Reason,
  scopeOfSection,
  statusOfText,
  suggestDomain,
  yearsOf,
} from './classify';
import { ImportRejectedError } from './errors';
import { buildOutline, type Outline, type Placed } from './outline';
import type { ImportBlock, ImportProposal, ProposedEntry, ProposedSection, ProposedTemplate } from './proposal';
import { meetingDrafts, meetingStatusOf } from './meeting-measures';
import { clean, type Draft, FALLBACK_TAG, italicOf, itemTitle, languageOfText } from './draft';
import { type DocStructure, type Run, runsText } from './structure';
import { summaryColumns, type SummaryRow, summaryRows } from './summary-table';
import { alignInOrder, similarity } from './match';
import { NARRATIVE_ITEM, joinKnownUnits, joinUnitsToMeasures, type KnownParagraphs, matchSharedRows, mayBeMeasure, sharedMeasure, unitDraft, unitsAsMeasures } from './narrative';

/**
 * Turns a report's structure into a proposal (pure): the template (title, legal citation, introduction,
 * sections in order) and one proposed entry per measure — list items in the list shape, paragraphs in
 * the narrative shape, rows of a summary table — each with its section, italics, parties, years and a
 * suggested domain and status with the reason. Throws ImportRejectedError for what is not a report.
 */

export interface ProposeOptions {
  importId: string;
  fileName: string;
  /** domain of a section label in the register's own template, if it has one for that label */
  templateDomainOf?: (sectionLabel: string) => DomainCode | undefined;
  /** the entries whose descriptions hold a paragraph: joins a narrative measure told in several */
  knownParagraphs?: KnownParagraphs;
}

/** Items of one list line that a clerk typed as two (" …;⏎…;"). */
function splitLines(runs: readonly Run[]): string[] {
  const lines = runsText(runs).split('\n').map(clean).filter(Boolean);
  return lines.length > 1 && lines.slice(0, -1).every((l) => /[;.]$/.test(l)) ? lines : [clean(runsText(runs))];
}

/** The section heading a measure stood under; a list block printed without sections ("4. MEASURES STOPPED IN 2027") has none. */
function sectionOf(p: Placed): string | null {
  if (!p.top) return null;
  return p.sub?.label ?? (isListBlock(p.top.role) ? null : p.top.label);
}

function isListBlock(role: SectionRole): role is 'running' | 'proposals' | 'stopped' {
  return role === 'running' || role === 'proposals' || role === 'stopped';
}

function drafts(outline: Outline, language: Language): Draft[] {
  const out: Draft[] = [];
  const { placed } = outline;
  placed.forEach((p, i) => {
    const role = p.top?.role;
    const c = p.content;
    if (role && isListBlock(role)) {
      const block: ImportBlock = role;
      if (c.kind === 'list-item' && c.depth > 0 && out.length && out[out.length - 1].block === block) {
        const last = out[out.length - 1];
        last.description = `${last.description}${last.description ? '\n' : ''}- ${clean(runsText(c.runs))}`;
        return;
      }
      const sectionHasList = placed.some((q) => q.top === p.top && q.sub === p.sub && q.content.kind === 'list-item');
      if (c.kind === 'list-item' || (c.kind === 'paragraph' && !sectionHasList && p.sub && !c.quote)) {
        for (const line of splitLines(c.runs)) {
          const tagged = languageOfText(line, language);
          out.push({ text: tagged.text, title: itemTitle(tagged.text), description: '', language: tagged.language, block, section: sectionOf(p), subheading: p.subheading, italic: italicOf(c.runs) });
        }
      }
    } else if (role === 'section') {
      const unit = unitDraft(p, placed[i + 1], language);
      if (unit) out.push(unit);
    }
  });
  return out;
}

/**
 * How well a table row names a measure as printed: never a lead-in or a sub-item, which are parts of one; an item of
 * a narrative's list only when the row says its words (else it is a detail of the paragraph's measure).
 */
function rowScore(d: Draft, row: SummaryRow): number {
  if (!mayBeMeasure(d)) return 0;
  const texts = d.block !== 'sections' ? [d.title] : d.knownAs ? [d.title, d.text] : [d.text];
  const score = Math.max(...texts.map((t) => similarity(t, row.title)));
  return d.unit === 'item' && score < NARRATIVE_ITEM ? 0 : 0.05 + score;
}

/** Pairs the summary table's rows with the measures printed above it; rows without a measure become measures. */
function withSummary(list: Draft[], rows: readonly SummaryRow[], language: Language): Draft[] {
  if (!rows.length) return unitsAsMeasures(list);
  for (const pair of alignInOrder(list.length, rows.length, (i, j) => rowScore(list[i], rows[j]))) list[pair.left].row = rows[pair.right];
  matchSharedRows(list);
  // a narrative measure gets the table's title, its paragraphs stay the description
  for (const draft of list) if (draft.row && draft.block === 'sections') draft.title = itemTitle(languageOfText(draft.row.title, language).text);
  const merged = joinUnitsToMeasures(list);
  const byRow = new Map(merged.filter((d) => d.row).map((d) => [d.row!, d]));
  const sharing = new Map<Draft, Draft[]>();
  const extra: Draft[] = [];
  let previous: Draft | undefined;
  for (const row of rows) {
    const paired = byRow.get(row);
    if (paired) {
      previous = paired;
      continue;
    }
    const tagged = languageOfText(row.title, language);
    const shared = sharedMeasure(previous, row, itemTitle(tagged.text));
    if (shared) sharing.set(previous!, [...(sharing.get(previous!) ?? []), shared]);
    else extra.push({ text: tagged.text, title: itemTitle(tagged.text), description: '', language: tagged.language, block: 'table', section: null, subheading: null, italic: false, row });
  }
  return [...merged.flatMap((d) => [d, ...(sharing.get(d) ?? [])]), ...extra];
}

function statusOf(d: Draft): { status: EntryStatus; reason: Reason } {
  if (d.block === 'meetings') return meetingStatusOf(d);
  if (d.row?.status) return { status: d.row.status, reason: { code: 'table', detail: d.row.statusLabel } };
  if (d.block === 'running') return d.italic ? { status: 'new', reason: { code: 'italic' } } : { status: 'existing', reason: { code: 'block_running', detail: d.section ?? undefined } };
  if (d.block === 'proposals') {
    const verb = statusOfText(d.text);
    return verb?.status === 'under_study' ? verb : { status: 'proposed', reason: { code: 'block_proposals', detail: d.section ?? undefined } };
  }
  if (d.block === 'stopped') {
    const verb = statusOfText(d.text);
    return verb?.status === 'rejected' ? verb : { status: 'stopped', reason: { code: 'block_stopped', detail: d.section ?? undefined } };
  }
  return statusOfText(d.text) ?? { status: 'existing', reason: { code: 'present' } };
}

/** Budget year: "Bijlage voor de begroting 2023", "Annexe au budget 2023", "Voor 2026 blijven we …". */
function yearOf(texts: readonly string[]): { year: number | null; reason: Reason } {
  for (const t of texts) {
    const m = /\b(?:begroting|budget|begrotingsjaar|exercice)\s+(20\d\d)\b/i.exec(t) ?? /^(?:voor|pour|for|en)\s+(20\d\d)\b/i.exec(t.trim());
    if (m) return { year: Number(m[1]), reason: { code: 'text', detail: m[0] } };
  }
  return { year: null, reason: { code: 'none' } };
}

/** "… van het OCMW van Sint-Jans-Molenbeek." / "… du CPAS de Forest." / "… DE GEMEENTE UKKEL". */
function municipalityOf(texts: readonly string[]): string | null {
  for (const t of texts) {
    const m = /(?:OCMW van|CPAS d[e'’]|GEMEENTE|COMMUNE D[E'’]|commune d[e'’]|gemeente)\s*([\p{L}][\p{L}\p{M}' -]+?)\s*\.?$/u.exec(clean(t));
    if (m) {
      const name = m[1].trim();
      return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase()) : name;
    }
  }
  return null;
}

function template(outline: Outline, year: number | null): ProposedTemplate {
  const front = outline.placed.filter((p) => !p.top || p.top.role === 'intro');
  const texts = front.filter((p) => p.content.kind === 'paragraph').map((p) => clean(runsText((p.content as { runs: Run[] }).runs)));
  const subtitle = front.find((p) => p.content.kind === 'paragraph' && (p.content.subtitle || /bijlage|annexe|begroting|budget/i.test(runsText(p.content.runs))) && !p.top);
  const lawIndex = texts.findIndex((t) => /26\s?bis/i.test(t));
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
    sections.push({ label: h.label.replace(/\s*:$/, ''), number: h.number, block });
  }
  return {
    title: outline.title ?? '',
    subtitle: subtitleText,
    municipality: municipalityOf([subtitleText ?? '', outline.title ?? '']),
    legalCitation: lawTexts.length ? lawTexts.join('\n') : null,
    intro: intro.join('\n\n'),
    yearText: yearLine ?? '',
    sections,
    table: summaryColumns(outline) ?? null,
  };
}

export function proposeImport(structure: DocStructure, options: ProposeOptions): ImportProposal {
  const allText = structure.blocks.map((b) => (b.kind === 'table' ? b.rows.flat().join('\n') : 'runs' in b ? runsText(b.runs) : b.text)).join('\n');
  if (!allText.trim()) throw new ImportRejectedError(structure.images > 0 ? 'image_only' : 'no_text');
  const outline = buildOutline(structure.blocks);
  // the title and headings are in the report's language even where a text falls back to the other one ("(NL) …")
  const headings = [outline.title ?? '', ...outline.sections.map((s) => `${s.top.label} ${s.sub?.label ?? ''}`)].join('\n');
  const language = detectLanguage(headings) ?? detectLanguage(allText.split('\n').filter((line) => !FALLBACK_TAG.test(line.trim())).join('\n')) ?? 'nl';
  const rows = summaryRows(outline);
  // the measures told only in the meeting accounts come first, as printed; the summary table lists only the others
  const units = joinKnownUnits(drafts(outline, language), options.knownParagraphs);
  const list = [...meetingDrafts(outline, language), ...withSummary(units, rows, language)];
  if (list.length === 0) throw new ImportRejectedError('not_a_report');
  const frontTexts = [outline.title ?? '', ...outline.placed.filter((p) => !p.top || p.top.role === 'intro').map((p) => ('runs' in p.content ? runsText(p.content.runs) : ''))];
  const { year, reason: yearReason } = yearOf(frontTexts);
  const shape = list.some((d) => d.block === 'running' || d.block === 'proposals') ? 'list' : 'narrative';
  const entries: ProposedEntry[] = list.map((d, i) => {
    const { domain, reason: domainReason } = suggestDomain({
      tableLabel: d.row?.domainLabel,
      subheading: d.subheading ?? undefined,
      section: d.section ?? undefined,
      templateDomain: d.section ? options.templateDomainOf?.(d.section) : undefined,
      text: `${d.title} ${d.description}`,
    });
    const { status, reason: statusReason } = statusOf(d);
    const text = `${d.title}\n${d.description}`;
    const form = d.row?.form ?? formOf(text)?.form ?? null;
    return {
      key: `m${i + 1}`,
      title: d.title.slice(0, 500),
      description: d.description.slice(0, 20000),
      language: d.language,
      block: d.block,
      section: d.section,
      subheading: d.subheading,
      italic: d.italic,
      status,
      statusReason,
      domain,
      domainReason,
      scope: scopeOfSection(d.section ?? undefined),
      parties: d.row?.parties.length ? d.row.parties : partiesOf(text),
      // a meeting's heading dates what it decided
      years: yearsOf(d.block === 'meetings' ? `${text}\n${d.section}` : text).slice(0, 50),
      form,
      formalisation: form ? FORMALISATION_OF_FORM[form] : 'informal_exchange',
      department: d.row?.department?.slice(0, 200) ?? null,
      startYear: d.row?.startYear ?? null,
      // a measure the register knows by its paragraphs is that entry's mention
      action: d.knownAs ? 'mention' : 'create',
      entryId: d.knownAs ?? null,
    };
  });
  return {
    importId: options.importId,
    fileName: options.fileName,
    language,
    year,
    yearReason,
    shape,
    template: template(outline, year),
    templateAction: 'create',
    entries,
    warnings: structure.warnings,
  };
}
