import type { AnnexRun } from '../../src/domain/annex/types';
import { ANNEX_TAG, type PlannedItem, type WordPlan } from './plan';

/**
 * The few Word JavaScript API members the add-in uses, typed structurally so this module needs no
 * office-js typings and runs against office-addin-mock in the tests. Real `Word.RequestContext` fits.
 */
export interface WordFont {
  italic: boolean;
  bold: boolean;
  color: string;
}
export interface WordRange {
  font: WordFont;
}
export interface WordParagraph {
  styleBuiltIn: string;
  insertText(text: string, location: 'End' | 'Start'): WordRange;
}
export interface WordTable {
  styleBuiltIn: string;
  headerRowCount: number;
}
export interface WordContentControl {
  tag: string;
  title: string;
  appearance: string;
  paragraphs: { getFirst(): WordParagraph };
  clear(): void;
  insertParagraph(text: string, location: 'End'): WordParagraph;
  insertTable(rowCount: number, columnCount: number, location: 'End', values: string[][]): WordTable;
}
export interface WordContentControlCollection {
  items: WordContentControl[];
  load(propertyNames: string): unknown;
}
export interface WordContext {
  document: {
    getSelection(): { insertParagraph(text: string, location: 'After'): WordParagraph & { insertContentControl(): WordContentControl } };
    contentControls: { getByTag(tag: string): WordContentControlCollection };
  };
  sync(): Promise<unknown>;
}

/** What can go wrong, as keys the task pane translates. */
export type AddinErrorCode =
  | 'no_annex'
  | 'already_present'
  | 'requirement_missing'
  | 'register_unreachable'
  | 'office_absent'
  | 'invalid_options'
  // signing in (tenant mode): Office SSO failures by getAccessToken error code, and the API refusing the token
  | 'sso_outside_word'
  | 'sso_not_signed_in'
  | 'sso_cancelled'
  | 'sso_account'
  | 'sso_configuration'
  | 'sso_client_error'
  | 'sso_busy'
  | 'sso_browser_zones'
  | 'sso_unsupported'
  | 'sso_failed'
  | 'sign_in_refused';

export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AddinError';
  }
}

/** WordApi 1.3 brings insertTable with values, styleBuiltIn, headerRowCount and ParagraphCollection.getFirst. */
export const REQUIRED_SET = { name: 'WordApi', version: '1.3' } as const;

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export function assertRequirements(requirements: RequirementChecker | undefined): void {
  if (!requirements?.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)) {
    throw new AddinError('requirement_missing', `This version of Word lacks ${REQUIRED_SET.name} ${REQUIRED_SET.version}`);
  }
}

const MARKER_COLOR = '#6B6B6B';

function writeRuns(paragraph: WordParagraph, runs: readonly AnnexRun[]): void {
  for (const run of runs) {
    const range = paragraph.insertText(run.text, 'End');
    // every run gets its formatting explicitly, so nothing leaks from the paragraph around the cursor
    range.font.italic = Boolean(run.italic);
    range.font.bold = Boolean(run.bold);
    if (run.marker) range.font.color = MARKER_COLOR;
  }
}

function writeItem(control: WordContentControl, item: PlannedItem, into?: WordParagraph): void {
  if (item.kind === 'table') {
    const table = control.insertTable(item.values.length, item.values[0]?.length ?? 1, 'End', item.values);
    table.styleBuiltIn = item.style;
    table.headerRowCount = item.headerRowCount;
    return;
  }
  const paragraph = into ?? control.insertParagraph('', 'End');
  paragraph.styleBuiltIn = item.style;
  writeRuns(paragraph, item.runs);
}

/** Queues the whole plan into a content control whose only paragraph is `first` (empty). No sync here. */
function queueContent(control: WordContentControl, first: WordParagraph, plan: WordPlan): void {
  control.tag = plan.tag;
  control.title = plan.title;
  control.appearance = 'BoundingBox';
  plan.items.forEach((item, i) => writeItem(control, item, i === 0 && item.kind === 'paragraph' ? first : undefined));
}

export interface WriteResult {
  syncs: number;
  items: number;
}

/**
 * Insert: refuses a second annex (Refresh is the way to update one), then puts the annex after the
 * paragraph holding the cursor, inside a content control tagged "synergy-register-annex".
 * Two context.sync calls whatever the size of the annex.
 */
export async function insertAnnex(context: WordContext, plan: WordPlan): Promise<WriteResult> {
  const existing = context.document.contentControls.getByTag(ANNEX_TAG);
  existing.load('items');
  await context.sync();
  if (existing.items.length > 0) {
    throw new AddinError('already_present', 'This document already holds the synergy annex: use Refresh to update it');
  }
  const anchor = context.document.getSelection().insertParagraph('', 'After');
  const control = anchor.insertContentControl();
  queueContent(control, anchor, plan);
  await context.sync();
  return { syncs: 2, items: plan.items.length };
}

/**
 * Refresh: replaces only the content of the tagged content control with the current register; the
 * user's own text around it is not touched. Two context.sync calls whatever the size of the annex.
 */
export async function refreshAnnex(context: WordContext, plan: WordPlan): Promise<WriteResult & { controls: number }> {
  const controls = context.document.contentControls.getByTag(ANNEX_TAG);
  controls.load('items');
  await context.sync();
  if (controls.items.length === 0) {
    throw new AddinError('no_annex', 'This document has no synergy annex yet: use Insert first');
  }
  const control = controls.items[0];
  control.clear();
  queueContent(control, control.paragraphs.getFirst(), plan);
  await context.sync();
  return { syncs: 2, items: plan.items.length, controls: controls.items.length };
}
