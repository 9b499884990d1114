import { textChunks } from '../annex/model';
import type { LocalizedText } from '../domain';
import { fold } from '../domain';
import type { Language } from '../domain';
import { clean, type Draft, italicOf, itemTitle, languageOfText, paragraphTitle } from './measure-text';
import { textsOf } from '../domain';
import { normalizeText, pairBest, similarity } from './match';
import type { Placed } from './outline';
import { runsText } from './structure';
import type { SummaryRow } from './summary-table';

/**
 * The narrative shape (the Ukkel report) as read back: a section's paragraphs and list items are units, and
 * a measure is one unit or several in a row. What joins them: the register (a measure it already holds, known
 * by its own paragraphs, shared ones included), else the summary table (a row per measure; the units between
 * two rows belong to the measure before), else nothing (each paragraph is a measure the clerk reviews).
 */

/** An entry of the register as the reader of a narrative needs it: its paragraphs tell which units are its own. */
export interface KnownEntry {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
}

/** The entries whose description holds a paragraph or list line (normalised), in the register's order. */
export type KnownParagraphs = (unitText: string) => readonly KnownEntry[];

/** The paragraphs and list lines of a text as the annex prints them (each list line stands for itself), normalised. */
function chunksOf(text: string): string[] {
  return textChunks(text)
    .flatMap((chunk) => (chunk.kind === 'list' ? chunk.items : [chunk.text]))
    .map(normalizeText)
    .filter(Boolean);
}

/** Index of every paragraph and list line of the entries' descriptions, in every language. */
export function knownParagraphs(entries: readonly KnownEntry[]): KnownParagraphs {
  const index = new Map<string, KnownEntry[]>();
  for (const entry of entries) {
    for (const chunk of new Set(textsOf(entry.description).flatMap(chunksOf))) {
      const owners = index.get(chunk) ?? [];
      owners.push(entry);
      index.set(chunk, owners);
    }
  }
  return (unitText) => index.get(normalizeText(unitText)) ?? [];
}

/** One paragraph or list item of a narrative section; a paragraph ending in ":" before a list is its lead-in. */
export function unitDraft(p: Placed, next: Placed | undefined, language: Language): Draft | undefined {
  const c = p.content;
  if (c.kind === 'table' || (c.kind === 'paragraph' && c.quote)) return undefined;
  const tagged = languageOfText(clean(runsText(c.runs)), language);
  const leadIn = c.kind === 'paragraph' && tagged.text.endsWith(':') && next?.content.kind === 'list-item' && next.top === p.top;
  return {
    text: tagged.text,
    title: c.kind === 'list-item' ? itemTitle(tagged.text) : paragraphTitle(tagged.text),
    description: '',
    language: tagged.language,
    block: 'sections',
    section: p.sub?.label ?? p.top?.label ?? null,
    subheading: p.subheading,
    italic: italicOf(c.runs),
    unit: c.kind === 'list-item' ? (c.depth > 0 ? 'sub-item' : 'item') : leadIn ? 'lead-in' : 'paragraph',
  };
}

const isUnit = (d: Draft | undefined): boolean => d?.unit !== undefined;

/** Likeness from which a table row names an item of a narrative's list as a measure of its own. */
export const NARRATIVE_ITEM = 0.3;

/** A unit as it stands in a description: a list item as "- …" (the annex prints such lines as a list). */
export const unitText = (d: Draft): string => (d.unit === 'item' || d.unit === 'sub-item' ? `- ${d.text}` : d.text);

/** A unit that may be a measure of its own: not a lead-in, not a sub-item. */
export const mayBeMeasure = (d: Draft): boolean => d.unit !== 'lead-in' && d.unit !== 'sub-item';

function titleIn(language: Language, title: LocalizedText): string | undefined {
  return title[language] ?? textsOf(title)[0];
}

/** The measures a run of units tells, given which entries own each unit. */
function groupsOf(run: readonly Draft[], known: KnownParagraphs): Draft[] {
  const out: Draft[] = [];
  let units: Draft[] = [];
  let owners: KnownEntry[] = [];
  const emit = (entries: readonly KnownEntry[]) => {
    const description = units.map(unitText).join('\n\n');
    for (const entry of entries) {
      out.push({
        ...units[0],
        unit: undefined,
        knownAs: entry.id,
        title: titleIn(units[0].language, entry.title) ?? units[0].title,
        description,
        text: description,
      });
    }
  };
  for (const unit of run) {
    const mine = known(unit.text);
    const still = owners.filter((o) => mine.includes(o));
    if (units.length && still.length && unit.section === units[0].section) {
      // an entry that shares the paragraphs so far but not this one ends here
      const ended = owners.filter((o) => !still.includes(o));
      if (ended.length) emit(ended);
      units.push(unit);
      owners = still;
      continue;
    }
    if (units.length) emit(owners);
    units = [];
    owners = [];
    if (mine.length) {
      units = [unit];
      owners = [...mine];
    } else out.push(unit);
  }
  if (units.length) emit(owners);
  return out;
}

/** Units the register knows become its measures (one per entry, shared paragraphs repeated); others stay units. */
export function joinKnownUnits(list: readonly Draft[], known: KnownParagraphs | undefined): Draft[] {
  if (!known) return [...list];
  const out: Draft[] = [];
  for (let i = 0; i < list.length;) {
    if (!isUnit(list[i])) {
      out.push(list[i++]);
      continue;
    }
    let j = i;
    while (isUnit(list[j])) j++;
    out.push(...groupsOf(list.slice(i, j), known));
    i = j;
  }
  return out;
}

/** A "- " line added to a text: under the list it ends with, else as a list of its own after a blank line (the annex's rule). */
function withListLine(text: string, line: string): string {
  if (!text) return line;
  const last = text.slice(text.lastIndexOf('\n') + 1);
  return `${text}${/^- /.test(last) ? '\n' : '\n\n'}${line}`;
}

/** Words that open a paragraph going on with the measure before it ("Daarnaast …", "Dans ce cadre …"). */
const GOES_ON =
  /^(ils |elles |zij |ze |hij |il |elle |daarnaast|bovendien|verder|tevens|hierbij|hiervoor|in dit kader|in die context|in deze context|deze |dit is|zo |dans ce cadre|en outre|par ailleurs|de plus|cette |ces |ainsi|a cet egard|a cette fin|in addition|moreover|furthermore)/;

/**
 * Without a summary table: each paragraph is a measure, a lead-in ("…:") and its list are one, a paragraph that goes
 * on with the one before ("Daarnaast …", "Dans ce cadre …") belongs to it, a sub-item to the item before it; list
 * items without a lead-in are measures of their own.
 */
export function unitsAsMeasures(list: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  const own = new Set<Draft>();
  // a section told only as lists (its paragraphs are lead-ins) lists measures: the lead-in heads them
  const prose = new Set(list.filter((d) => d.unit === 'paragraph').map((d) => d.section));
  let open: Draft | undefined;
  let heads: string | null = null;
  for (const d of list) {
    if (d.unit === 'lead-in' && !prose.has(d.section)) {
      heads = d.text.replace(/\s*:$/, '').slice(0, 200);
      continue;
    }
    if (d.unit !== 'item' && d.unit !== 'sub-item') heads = null;
    if (heads && d.unit === 'item') {
      const measure: Draft = { ...d, unit: undefined, subheading: heads, description: '' };
      out.push(measure);
      own.add(measure);
      continue;
    }
    if (!isUnit(d)) {
      out.push(d);
      open = undefined;
      continue;
    }
    const previous = out[out.length - 1];
    const sameSection = previous !== undefined && own.has(previous) && previous.section === d.section;
    if (d.unit === 'sub-item' && previous) {
      previous.description = withListLine(previous.description, unitText(d));
      continue;
    }
    if (d.unit === 'item' && open && sameSection) {
      open.description = withListLine(open.description, unitText(d));
      continue;
    }
    if ((d.unit === 'paragraph' || d.unit === 'lead-in') && sameSection && GOES_ON.test(fold(d.text))) {
      previous.description += `\n\n${d.text}`;
      open = d.unit === 'lead-in' ? previous : undefined;
      continue;
    }
    const measure: Draft = { ...d, unit: undefined, description: d.unit === 'item' ? '' : d.text };
    out.push(measure);
    own.add(measure);
    open = d.unit === 'lead-in' ? measure : undefined;
  }
  return out;
}

/**
 * With a summary table, after its rows were paired with units: a unit the table names no measure for belongs to
 * the measure before it in its section (or, at the start of a section or as a lead-in to a measure, to the next one).
 */
export function joinUnitsToMeasures(list: readonly Draft[]): Draft[] {
  const merged: Draft[] = [];
  let pending: Draft[] = [];
  const flush = () => {
    merged.push(...pending.map((d) => ({ ...d, unit: undefined, description: unitText(d) })));
    pending = [];
  };
  list.forEach((draft, i) => {
    const previous = merged[merged.length - 1];
    if (isUnit(draft) && !draft.row) {
      const next = list[i + 1];
      const introducesNext = draft.unit === 'lead-in' && next?.row !== undefined && next.section === draft.section;
      if (pending.length && pending[0].section !== draft.section) flush();
      if (!introducesNext && !pending.length && previous?.row && previous.block === 'sections' && previous.section === draft.section) {
        previous.description = `${previous.description}\n\n${unitText(draft)}`;
      } else pending.push(draft);
      return;
    }
    const own = isUnit(draft) ? unitText(draft) : draft.description;
    const before = pending.length && pending[0].section === draft.section && draft.block === 'sections' ? pending.splice(0).map(unitText) : [];
    flush();
    merged.push({ ...draft, unit: undefined, description: [...before, own].filter(Boolean).join('\n\n') });
  });
  flush();
  return merged;
}

/**
 * A table row that no unit answers to, right after a narrative measure of the same domain: two measures told in one
 * paragraph (printed once). It shares that measure's text and section.
 */
export function sharedMeasure(previous: Draft | undefined, row: SummaryRow, title: string): Draft | undefined {
  if (previous?.block !== 'sections' || !previous.row) return undefined;
  if (row.domainLabel && previous.row.domainLabel && row.domainLabel !== previous.row.domainLabel) return undefined;
  return { ...previous, title, row, knownAs: undefined };
}

/**
 * Entries told in one shared paragraph are paired with the table's rows in order, whichever comes first: which row is
 * which entry, their titles say.
 */
export function matchSharedRows(list: readonly Draft[]): void {
  for (let i = 0; i < list.length;) {
    let j = i + 1;
    const sharesWith = (d: Draft) => d.knownAs !== undefined && d.description === list[i].description && d.section === list[i].section;
    while (list[i].knownAs && j < list.length && sharesWith(list[j])) j++;
    const group = list.slice(i, j).filter((d) => d.row);
    const rows = group.map((d) => d.row!);
    const scores = group.flatMap((d, left) => rows.map((row, right) => ({ left, right, score: similarity(d.title, row.title) })));
    for (const pair of pairBest(scores, 0)) group[pair.left].row = rows[pair.right];
    i = j;
  }
}
