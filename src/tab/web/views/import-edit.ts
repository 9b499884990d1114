import { paragraphTitle, sentencesOf } from '../../../domain';
import type { ImportProposal, ProposedEntry } from '../../../import';

/**
 * What the clerk does to a proposal on the review screen, as plain changes to it (no DOM): merge a measure with the
 * next one, split one in two, move one to another section. The server checks the result when it is confirmed.
 */

/** The full text a measure was read from: its description, or the printed line itself for a list item. */
export function sourceText(entry: ProposedEntry): string {
  return entry.description.trim() || entry.title;
}

/** A key no measure of the proposal has yet ("m17" after "m16"). */
export function freshKey(proposal: ImportProposal): string {
  const max = Math.max(0, ...proposal.entries.map((e) => Number(e.key.slice(1)) || 0));
  return `m${max + 1}`;
}

/** The measure and the next one become one: the first keeps its title and classification, the texts are joined. */
export function mergeWithNext(proposal: ImportProposal, key: string): boolean {
  const i = proposal.entries.findIndex((e) => e.key === key);
  const next = proposal.entries[i + 1];
  if (i < 0 || !next) return false;
  const first = proposal.entries[i];
  first.description = `${sourceText(first)}\n\n${sourceText(next)}`.slice(0, 20000);
  if (first.translation && next.translation) {
    first.translation.description = `${first.translation.description}\n\n${next.translation.description}`.slice(0, 20000);
    // a description joined with a machine's part is a machine's until the clerk edits it
    if (next.translation.machine?.includes('description'))
      first.translation.machine = [...new Set([...(first.translation.machine ?? []), 'description' as const])];
  }
  proposal.entries.splice(i + 1, 1);
  return true;
}

/** Where a text divides in two: between its paragraphs (or list lines), else between its sentences; undefined when it cannot. */
export function splitPoint(text: string): [string, string] | undefined {
  const paragraphs = text
    .split(/\n{2,}|\n(?=- )/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length > 1) return [paragraphs[0], paragraphs.slice(1).join('\n\n')];
  const sentences = sentencesOf(text);
  if (sentences.length > 1) return [sentences[0], sentences.slice(1).join(' ')];
  return undefined;
}

/** Two measures told in one text: the first keeps the first part, a new measure right after it gets the rest. */
export function split(proposal: ImportProposal, key: string): ProposedEntry | undefined {
  const i = proposal.entries.findIndex((e) => e.key === key);
  const entry = proposal.entries[i];
  const parts = entry ? splitPoint(sourceText(entry)) : undefined;
  if (!entry || !parts) return undefined;
  const rest: ProposedEntry = {
    ...entry,
    key: freshKey(proposal),
    title: paragraphTitle(parts[1].replace(/^- /, '')) || parts[1].slice(0, 200),
    description: parts[1],
    action: 'create',
    entryId: null,
    translation: null,
    parties: [...entry.parties],
    years: [...entry.years],
  };
  entry.description = parts[0];
  if (sourceText(entry) === entry.title) entry.description = '';
  proposal.entries.splice(i + 1, 0, rest);
  return rest;
}

/** The measure goes under another section of the template (and so into that section's part: running, proposed…). */
export function moveTo(proposal: ImportProposal, key: string, index: number): boolean {
  const entry = proposal.entries.find((e) => e.key === key);
  const section = proposal.template.sections[index];
  if (!entry || !section) return false;
  entry.section = section.label;
  entry.subheading = null;
  entry.block = section.block;
  return true;
}
