/// <reference types="office-js" />
import type { AnnexRun } from '../../src/annex/model';
import { unitTag } from './fingerprint';
import type { PlannedItem, PlannedParagraph, PlannedUnit, WordPlan } from './plan';

/**
 * Queues (never syncs) the writing of parts: each part is a content control wrapping its own paragraphs,
 * tagged with its key and the fingerprint of its text, inside the annex's control.
 */

const MARKER_COLOR = '#6B6B6B';

function writeRuns(paragraph: Word.Paragraph, runs: readonly AnnexRun[]): void {
  for (const run of runs) {
    const range = paragraph.insertText(run.text, 'End');
    // every run gets its formatting explicitly, so nothing leaks from the paragraph around the cursor
    range.font.italic = Boolean(run.italic);
    range.font.bold = Boolean(run.bold);
    if (run.marker) range.font.color = MARKER_COLOR;
  }
}

function writeParagraph(paragraph: Word.Paragraph, item: PlannedParagraph): void {
  paragraph.styleBuiltIn = item.style as Word.BuiltInStyleName;
  writeRuns(paragraph, item.runs);
}

/** Queues one paragraph or table at the end of `control`. */
export function writeItem(control: Word.ContentControl, item: PlannedItem): void {
  if (item.kind === 'paragraph') return writeParagraph(control.insertParagraph('', 'End'), item);
  const table = control.insertTable(item.values.length, item.values[0]?.length ?? 1, 'End', item.values);
  table.styleBuiltIn = item.style as Word.BuiltInStyleName;
  table.headerRowCount = item.headerRowCount;
}

/**
 * Makes `empty` (a fresh, empty paragraph where the part belongs) the part: wraps it in a content control
 * tagged "sr/<key>@<fingerprint>", writes the first paragraph into it and appends the rest.
 */
export function placePart(empty: Word.Paragraph, unit: PlannedUnit): Word.ContentControl {
  const control = empty.insertContentControl();
  control.tag = unitTag(unit.key, unit.fingerprint);
  // the annex's own frame shows; a frame around each of 500 measures would only clutter the page
  control.appearance = 'Hidden';
  const [first, ...rest] = unit.items;
  writeParagraph(empty, first as PlannedParagraph);
  for (const item of rest) writeItem(control, item);
  return control;
}

/** Writes every part of the plan at the end of `annex` (a new or cleared annex control). */
export function appendParts(annex: Word.ContentControl, plan: WordPlan): Word.ContentControl[] {
  return plan.units.map((unit) => placePart(annex.insertParagraph('', 'End'), unit));
}

/** The annex control's own tag, title and frame. */
export function dressAnnex(annex: Word.ContentControl, plan: WordPlan): void {
  annex.tag = plan.tag;
  annex.title = plan.title;
  annex.appearance = 'BoundingBox';
}

/**
 * Runs `write` with the document's change tracking set as asked, and queues the previous mode back after
 * it, in the same batch: the clerk's own setting is what remains. `previous` undefined: this Word cannot
 * read or set the mode (before WordApi 1.4), edits follow whatever Word does.
 */
export function withTracking<T>(document: Word.Document, previous: string | undefined, track: boolean, write: () => T): T {
  if (previous === undefined) return write();
  const wanted = track ? (previous === 'Off' ? 'TrackAll' : previous) : 'Off';
  if (wanted !== previous) document.changeTrackingMode = wanted as Word.ChangeTrackingMode;
  const result = write();
  if (wanted !== previous) document.changeTrackingMode = previous as Word.ChangeTrackingMode;
  return result;
}
