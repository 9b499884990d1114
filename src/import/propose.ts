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
import { clean, type Draft, FALLBACK_TAG, italicOf, itemTitle, languageOfText, paragraphTitle } from './draft';
import { type DocStructure, type Run, runsText } from './structure';
import { summaryColumns, type SummaryRow, summaryRows } from './summary-table';
import { alignInOrder, similarity } from './match';

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
      if (c.kind === 'table' || (c.kind === 'paragraph' && c.quote)) return;
      const text = clean(runsText(c.runs));
      const next = placed[i + 1];
      // "… the following services:" before a list is the list's lead-in, not a measure of its own
      if (c.kind === 'paragraph' && text.endsWith(':') && next?.content.kind === 'list-item' && next.top === p.top) return;
      const previous = placed[i - 1];
      const leadIn =
        c.kind === 'list-item' && previous?.content.kind === 'paragraph' && clean(runsText(previous.content.runs)).endsWith(':') ? clean(runsText(previous.content.runs)) : undefined;
      if (c.kind === 'list-item' && c.depth > 0 && out.length) {
        out[out.length - 1].description += `\n- ${text}`;
        return;
      }
      const tagged = languageOfText(text, language);
      const title = c.kind === 'list-item' ? itemTitle(tagged.text) : paragraphTitle(tagged.text);
      const description = c.kind === 'list-item' ? (leadIn ? `${leadIn} ${tagged.text}` : '') : tagged.text;
      out.push({ text: tagged.text, title, description, language: tagged.language, block: 'sections', section: sectionOf(p), subheading: p.subheading, italic: italicOf(c.runs) });
    }
  });
  return out;
}

/** Pairs the summary table's rows with the measures printed above it; rows without a measure become measures. */
function withSummary(list: Draft[], rows: readonly SummaryRow[], language: Language): Draft[] {
  if (!rows.length) return list;
  const pairs = alignInOrder(list.length, rows.length, (i, j) => 0.05 + similarity(list[i].block === 'sections' ? list[i].text : list[i].title, rows[j].title));
  const pairedRows = new Set<number>();
  for (const pair of pairs) {
    const draft = list[pair.left];
    const row = rows[pair.right];
    pairedRows.add(pair.right);
    draft.row = row;
    // a narrative paragraph gets the table's title for the measure, its text stays the description
    if (draft.block === 'sections') {
      const tagged = languageOfText(row.title, language);
      draft.title = itemTitle(tagged.text);
      draft.description = draft.text;
    }
  }
  // a narrative measure told in several paragraphs: a paragraph the table names no measure for belongs to the
  // measure before it in its section (or, at the start of a section, to the next one)
  const merged: Draft[] = [];
  let pending: Draft[] = [];
  const flush = () => {
    merged.push(...pending);
    pending = [];
  };
  for (const draft of list) {
    const previous = merged[merged.length - 1];
    const inSection = (d: Draft | undefined) => d?.block === 'sections' && d.section === draft.section;
    if (draft.block === 'sections' && !draft.row) {
      if (previous?.row && inSection(previous) && !pending.length) previous.description = `${previous.description}\n\n${draft.text}`;
      else if (pending.length && pending[0].section !== draft.section) {
        flush();
        pending.push(draft);
      } else pending.push(draft);
      continue;
    }
    if (draft.row && draft.block === 'sections' && pending.length && pending[0].section === draft.section) {
      draft.description = [...pending.map((d) => d.text), draft.description].join('\n\n');
      pending = [];
    }
    flush();
    merged.push(draft);
  }
  flush();
  list = merged;
  const extra = rows
    .filter((_, j) => !pairedRows.has(j))
    .map((row): Draft => {
      const tagged = languageOfText(row.title, language);
      return { text: tagged.text, title: itemTitle(tagged.text), description: '', language: tagged.language, block: 'table', section: null, subheading: null, italic: false, row };
    });
  return [...list, ...extra];
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
  const list = [...meetingDrafts(outline, language), ...withSummary(drafts(outline, language), rows, language)];
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
      action: 'create',
      entryId: null,
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
