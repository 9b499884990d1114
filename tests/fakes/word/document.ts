/**
 * The document behind the Word fake: a tree of paragraphs, tables and (nested) content controls, with
 * Word's tracked changes (a node or run inserted or deleted while change tracking was on stays in the tree,
 * marked, until accepted or rejected). Pure data and the few walks the fake API and the tests need.
 */

export type Revision = 'inserted' | 'deleted';
export type TrackingMode = 'Off' | 'TrackAll' | 'TrackMineOnly';

export interface FakeRun {
  text: string;
  italic: boolean;
  bold: boolean;
  color?: string;
  revision?: Revision;
}
export interface FakeParagraph {
  kind: 'paragraph';
  style: string;
  runs: FakeRun[];
  revision?: Revision;
}
export interface FakeTable {
  kind: 'table';
  style: string;
  headerRowCount: number;
  values: string[][];
  /** a table whose (one) cell holds other content: how a clerk puts the annex "in a table" */
  cell?: FakeNode[];
  revision?: Revision;
}
export interface FakeControl {
  kind: 'control';
  id: number;
  tag: string;
  title: string;
  appearance: string;
  content: FakeNode[];
  revision?: Revision;
}
export type FakeNode = FakeParagraph | FakeTable | FakeControl;
/** kept for the older tests' vocabulary: what the body holds */

export const run = (text: string, extra: Partial<FakeRun> = {}): FakeRun => ({ text, italic: false, bold: false, ...extra });
export const para = (text: string, style = 'Normal'): FakeParagraph => ({ kind: 'paragraph', style, runs: text ? [run(text)] : [] });

/** Which text a reader sees: everything (Word's `text`), the text with the changes accepted, or rejected. */
export type TextView = 'all' | 'Current' | 'Original';

const hidden = (revision: Revision | undefined, view: TextView) =>
  (view === 'Current' && revision === 'deleted') || (view === 'Original' && revision === 'inserted');

export function paragraphText(p: FakeParagraph, view: TextView = 'all'): string {
  return p.runs
    .filter((r) => !hidden(r.revision, view))
    .map((r) => r.text)
    .join('');
}

/** The text of nodes as Word gives it: paragraphs separated by \r, table cells by \t. */
export function nodesText(nodes: readonly FakeNode[], view: TextView = 'all'): string {
  const parts: string[] = [];
  for (const node of nodes) {
    if (hidden(node.revision, view)) continue;
    if (node.kind === 'paragraph') parts.push(paragraphText(node, view));
    else if (node.kind === 'table') parts.push(node.cell ? nodesText(node.cell, view) : node.values.map((row) => row.join('\t')).join('\r'));
    else parts.push(nodesText(node.content, view));
  }
  return parts.join('\r');
}

export interface Place {
  container: FakeNode[];
  index: number;
  /** the controls around the node, outermost first */
  ancestors: FakeControl[];
  inTable: boolean;
}

/** Every node in document order with where it sits. */
export function* walk(container: FakeNode[], ancestors: FakeControl[] = [], inTable = false): Generator<{ node: FakeNode } & Place> {
  for (let index = 0; index < container.length; index++) {
    const node = container[index];
    yield { node, container, index, ancestors, inTable };
    if (node.kind === 'control') yield* walk(node.content, [...ancestors, node], inTable);
    if (node.kind === 'table' && node.cell) yield* walk(node.cell, ancestors, true);
  }
}

export function locate(body: FakeNode[], target: FakeNode): Place {
  for (const entry of walk(body)) if (entry.node === target) return entry;
  throw new Error('ItemNotFound: the object is no longer in the document');
}

export function controlsIn(nodes: FakeNode[]): FakeControl[] {
  const found: FakeControl[] = [];
  for (const { node } of walk(nodes)) if (node.kind === 'control') found.push(node);
  return found;
}

function markAll(nodes: readonly FakeNode[], revision: Revision): void {
  for (const node of nodes) {
    node.revision = node.revision === 'inserted' && revision === 'deleted' ? node.revision : revision;
    if (node.kind === 'paragraph') for (const r of node.runs) r.revision ??= revision;
    if (node.kind === 'control') markAll(node.content, revision);
  }
}

/** Removes nodes (or marks them deleted when tracking); what was inserted under tracking simply goes. */
export function removeNodes(container: FakeNode[], nodes: readonly FakeNode[], tracking: boolean): void {
  for (const node of nodes) {
    if (tracking && node.revision !== 'inserted') markAll([node], 'deleted');
    else container.splice(container.indexOf(node), 1);
  }
}

export function markInserted(node: FakeNode): void {
  markAll([node], 'inserted');
}

/** The clerk accepts (or rejects) every tracked change in the Review tab. */
export function review(nodes: FakeNode[], accept: boolean): void {
  const drop: Revision = accept ? 'deleted' : 'inserted';
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.revision === drop) {
      nodes.splice(i, 1);
      continue;
    }
    node.revision = undefined;
    if (node.kind === 'paragraph') {
      node.runs = node.runs.filter((r) => r.revision !== drop);
      for (const r of node.runs) r.revision = undefined;
    }
    if (node.kind === 'control') review(node.content, accept);
    if (node.kind === 'table' && node.cell) review(node.cell, accept);
  }
}
