import type { Language } from '../domain';
import type { SectionRole } from './classify';
import { alignInOrder, similarity } from './match';
import { meetingDrafts } from './meeting-measures';
import { clean, type Draft, italicOf, itemTitle, languageOfText } from './measure-text';
import {
  joinKnownUnits,
  joinUnitsToMeasures,
  type KnownParagraphs,
  matchSharedRows,
  mayBeMeasure,
  NARRATIVE_ITEM,
  sharedMeasure,
  unitDraft,
  unitsAsMeasures,
} from './narrative';
import type { Outline, Placed } from './outline';
import type { ImportBlock } from './proposal';
import { type Run, runsText } from './structure';
import { type SummaryRow, summaryRows } from './summary-table';

/**
 * Stage 3 of the import (outline → measures, pure): one draft per measure. In a list block each list item is a
 * measure (its sub-items its description); in a narrative section a measure is a paragraph, or a lead-in with its
 * list, or paragraphs that go on with the one before; meeting accounts give the measures they tell. A summary table
 * is an index: its rows name and classify the measures printed in the text, never replace them; its rows become
 * measures only in a report that prints no other text of its measures.
 */

/** Items of one list line that a clerk typed as two (" …;⏎…;"). */
function splitLines(runs: readonly Run[]): string[] {
  const lines = runsText(runs).split('\n').map(clean).filter(Boolean);
  return lines.length > 1 && lines.slice(0, -1).every((l) => /[;.]$/.test(l)) ? lines : [clean(runsText(runs))];
}

export function isListBlock(role: SectionRole | undefined): role is 'running' | 'proposals' | 'stopped' {
  return role === 'running' || role === 'proposals' || role === 'stopped';
}

/** The section heading a measure stood under; a list block printed without sections ("4. MEASURES STOPPED IN 2027") has none. */
function sectionOf(p: Placed): string | null {
  if (!p.top) return null;
  return p.sub?.label ?? (isListBlock(p.top.role) ? null : p.top.label);
}

/** The drafts of the list blocks and the units of the narrative sections, in document order. */
function textDrafts(outline: Outline, language: Language): Draft[] {
  const out: Draft[] = [];
  const { placed } = outline;
  placed.forEach((p, i) => {
    const role = p.top?.role;
    const c = p.content;
    if (isListBlock(role)) {
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
          out.push({
            text: tagged.text,
            title: itemTitle(tagged.text),
            description: '',
            language: tagged.language,
            block,
            section: sectionOf(p),
            subheading: p.subheading,
            italic: italicOf(c.runs),
          });
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

/** Pairs the summary table's rows with the measures printed above it; the rows name and classify, the text stays the measure. */
function withSummary(list: Draft[], rows: readonly SummaryRow[], language: Language): Draft[] {
  if (!rows.length) return unitsAsMeasures(list);
  if (!list.length) {
    // a report that prints its measures only as table rows: each row is one
    return rows.map((row) => {
      const tagged = languageOfText(row.title, language);
      return {
        text: tagged.text,
        title: itemTitle(tagged.text),
        description: '',
        language: tagged.language,
        block: 'table',
        section: null,
        subheading: null,
        italic: false,
        row,
      };
    });
  }
  for (const pair of alignInOrder(list.length, rows.length, (i, j) => rowScore(list[i], rows[j]))) list[pair.left].row = rows[pair.right];
  const narrativeRows = list.some((d) => d.block === 'sections' && d.row);
  if (!narrativeRows) return unitsAsMeasures(list);
  matchSharedRows(list);
  // a narrative measure gets the table's title, its paragraphs stay the description
  for (const draft of list) if (draft.row && draft.block === 'sections') draft.title = itemTitle(languageOfText(draft.row.title, language).text);
  const merged = joinUnitsToMeasures(list);
  const byRow = new Map(merged.filter((d) => d.row).map((d) => [d.row!, d]));
  const sharing = new Map<Draft, Draft[]>();
  let previous: Draft | undefined;
  for (const row of rows) {
    const paired = byRow.get(row);
    if (paired) {
      previous = paired;
      continue;
    }
    const shared = sharedMeasure(previous, row, itemTitle(languageOfText(row.title, language).text));
    if (shared) sharing.set(previous!, [...(sharing.get(previous!) ?? []), shared]);
  }
  return merged.flatMap((d) => [d, ...(sharing.get(d) ?? [])]);
}

/** Every measure of one outline: the meeting accounts' first (as printed), then the text's, named by the summary table. */
export function measuresOf(outline: Outline, language: Language, known?: KnownParagraphs): Draft[] {
  const units = joinKnownUnits(textDrafts(outline, language), known);
  return [...meetingDrafts(outline, language), ...withSummary(units, summaryRows(outline), language)];
}
