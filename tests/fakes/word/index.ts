import { OfficeMockObject } from 'office-addin-mock';
import { collectionApi, controlApi, halted, NOT_LOADED, paragraphApi, readOnly, type Session } from './api';
import { controlsIn, type FakeNode, type FakeParagraph, nodesText, para, paragraphText, review, type TextView, type TrackingMode, walk } from './document';

export * from './document';

/**
 * A Word document for tests and the benchmark, with Office's own mocking library (office-addin-mock) deciding
 * what may be read when: a recording model of the body (paragraphs, tables, nested content controls, tracked
 * changes, the change-tracking mode), the API the add-in calls over it, and the clerk's own edits. Lives in
 * tests/; the task pane never bundles it.
 */

export interface FakeWordOptions {
  /** the user's own paragraphs */
  paragraphs?: string[];
  /** the paragraph holding the cursor */
  cursor?: number;
  /** an annex control (of an earlier add-in: plain paragraphs, no parts) after the last paragraph */
  existingAnnex?: { tag: string; lines: string[] };
  /** WordApi 1.x the fake Word supports: 4 (default) has change tracking, 3 has not */
  api?: 3 | 4;
  trackingMode?: TrackingMode;
}

const UNIT_PREFIX = 'sr/';

function copyNode<T extends FakeNode>(node: T, ids: { next: () => number }): T {
  const copy = structuredClone(node);
  for (const { node: n } of walk([copy])) if (n.kind === 'control') n.id = ids.next();
  return copy;
}

export function createFakeWord(options: FakeWordOptions = {}) {
  const body: FakeNode[] = (options.paragraphs ?? ['Begroting 2023 – toelichting', 'Hier komt de bijlage.', 'Slot van de toelichting.']).map((t) => para(t));
  const s: Session = {
    body,
    cursor: body[options.cursor ?? Math.min(1, body.length - 1)] as FakeParagraph,
    trackingMode: options.trackingMode ?? 'Off',
    api: options.api ?? 4,
    nextId: 101,
    syncs: 0,
    operations: 0,
    pending: [],
  };
  if (options.existingAnnex) {
    body.push({
      kind: 'control',
      id: s.nextId++,
      tag: options.existingAnnex.tag,
      title: 'old',
      appearance: 'BoundingBox',
      content: options.existingAnnex.lines.map((l) => para(l)),
    });
  }
  const ids = { next: () => s.nextId++ };

  let modeLoaded = false;
  const document = {
    get contentControls() {
      const all = collectionApi(s, () => controlsIn(s.body), 'Document.contentControls');
      return Object.assign(all, {
        getByTag(tag: string) {
          s.operations++;
          return collectionApi(s, () => controlsIn(s.body).filter((c) => c.tag === tag), 'ContentControlCollection.getByTag');
        },
        getById(id: number) {
          s.operations++;
          const found = controlsIn(s.body).find((c) => c.id === id);
          if (!found) throw Object.assign(new Error(`ItemNotFound: no content control ${id}`), { code: 'ItemNotFound' });
          return controlApi(s, found);
        },
        getByIdOrNullObject(id: number) {
          s.operations++;
          const found = controlsIn(s.body).find((c) => c.id === id);
          return found ? Object.assign(controlApi(s, found), { isNullObject: false }) : nullControl();
        },
      });
    },
    get changeTrackingMode(): string {
      if (s.api < 4) throw new Error('ApiNotFound: Document.changeTrackingMode needs WordApi 1.4');
      return modeLoaded ? s.trackingMode : NOT_LOADED;
    },
    set changeTrackingMode(mode: string) {
      if (s.api < 4) throw new Error('ApiNotFound: Document.changeTrackingMode needs WordApi 1.4');
      if (!halted(s, 'Document.changeTrackingMode')) s.trackingMode = mode as TrackingMode;
    },
    load(argument: string) {
      s.operations++;
      if (argument.includes('changeTrackingMode')) {
        if (s.api < 4) throw new Error('ApiNotFound: Document.changeTrackingMode needs WordApi 1.4');
        s.pending.push(async () => void (modeLoaded = true));
      }
      return document;
    },
    getSelection() {
      return {
        insertParagraph(text: string, location: 'After') {
          if (location !== 'After') throw new Error(`unexpected location ${location}`);
          return paragraphApi(s, s.cursor).insertParagraph(text, 'After');
        },
        get parentContentControlOrNullObject() {
          const around = () => {
            for (const entry of walk(s.body)) if (entry.node === s.cursor) return entry.ancestors[entry.ancestors.length - 1];
            return undefined;
          };
          return readOnly(s, () => ({ isNullObject: !around(), tag: around()?.tag ?? '' }));
        },
      };
    },
  };

  /** getByIdOrNullObject for a control that is gone: isNullObject once synced */
  const nullControl = () => readOnly(s, () => ({ isNullObject: true, tag: '' }));

  const context = new OfficeMockObject({}) as unknown as { document: typeof document; sync(): Promise<void> };
  Object.assign(context, {
    document,
    async sync() {
      s.syncs++;
      // a load may queue further loads (a collection, then its items): all resolve in this one sync;
      // a refused batch is dropped whole, as office-js drops it
      try {
        if (s.failure) throw s.failure;
        while (s.pending.length) await s.pending.shift()!();
      } catch (error) {
        s.pending.length = 0;
        s.failure = undefined;
        s.refuseWrite = undefined;
        throw error;
      }
    },
  });

  /** the parts (our tagged controls) as the clerk sees them: a part deleted by a tracked change is left out */
  const units = (scope: FakeNode[] = body) => controlsIn(scope).filter((c) => c.tag.startsWith(UNIT_PREFIX) && c.revision !== 'deleted');
  const unit = (key: string, scope?: FakeNode[]) => {
    const found = units(scope).filter((c) => c.tag.slice(UNIT_PREFIX.length, c.tag.lastIndexOf('@')) === key);
    if (found.length !== 1) throw new Error(`expected one part ${key}, found ${found.length}`);
    return found[0];
  };
  const placeOf = (node: FakeNode) => {
    for (const entry of walk(body)) if (entry.node === node) return entry;
    throw new Error('not in the document');
  };
  const controls = (tag?: string) => controlsIn(body).filter((c) => tag === undefined || c.tag === tag);

  /** What the clerk does in Word by hand (tracked when change tracking is on, as Word would). */
  const clerk = {
    /** puts the cursor in a part's first paragraph */
    cursorInto(key: string) {
      s.cursor = unit(key).content.find((n): n is FakeParagraph => n.kind === 'paragraph')!;
    },
    /** puts the cursor in the last paragraph of the document */
    cursorAtEnd() {
      const last = body[body.length - 1];
      if (last.kind !== 'paragraph') body.push(para(''));
      s.cursor = body[body.length - 1] as FakeParagraph;
    },
    /** retypes a part's first paragraph */
    retype(key: string, text: string) {
      const first = unit(key).content.find((n): n is FakeParagraph => n.kind === 'paragraph')!;
      if (s.trackingMode === 'Off') first.runs = [{ text, italic: false, bold: false }];
      else {
        for (const r of first.runs) r.revision ??= 'deleted';
        first.runs.push({ text, italic: false, bold: false, revision: 'inserted' });
      }
    },
    /** a remark of their own right under a part, inside the annex */
    remarkAfter(key: string, text: string) {
      const place = placeOf(unit(key));
      place.container.splice(place.index + 1, 0, para(text));
    },
    /** deletes a part's content control with its text */
    deletePart(key: string) {
      const place = placeOf(unit(key));
      place.container.splice(place.index, 1);
    },
    /** copies a part and pastes it right under itself */
    duplicatePart(key: string) {
      const original = unit(key);
      const place = placeOf(original);
      place.container.splice(place.index + 1, 0, copyNode(original, ids));
    },
    /** copies the whole annex and pastes it inside itself, at its end */
    pasteAnnexIntoItself(tag: string) {
      const annex = controls(tag)[0];
      annex.content.push(copyNode(annex, ids));
    },
    /** copies the whole annex and pastes it at the end of the document */
    pasteAnnexBelow(tag: string) {
      body.push(copyNode(controls(tag)[0], ids));
    },
    /** cuts the annex and pastes it into the cell of a one-cell table */
    moveAnnexIntoTable(tag: string) {
      const annex = controls(tag)[0];
      const place = placeOf(annex);
      place.container.splice(place.index, 1, { kind: 'table', style: 'TableGrid', headerRowCount: 0, values: [['']], cell: [annex] });
    },
    /** removes the annex's content control but keeps its content ("Remove content control") */
    removeAnnexFrame(tag: string) {
      const annex = controls(tag)[0];
      const place = placeOf(annex);
      place.container.splice(place.index, 1, ...annex.content);
    },
  };

  return {
    context,
    body,
    clerk,
    get syncs() {
      return s.syncs;
    },
    get operations() {
      return s.operations;
    },
    get trackingMode() {
      return s.trackingMode;
    },
    /** the content control Word last selected */
    get selected() {
      return s.selected;
    },
    requirements: { isSetSupported: (name: string, version?: string) => name === 'WordApi' && Number(version ?? '1.1') <= 1 + s.api / 10 },
    /** makes Word refuse an API at the next sync that uses it, as Word on the web does with NotAllowed */
    refuse(member: string | undefined) {
      s.refuse = member;
    },
    /** makes Word refuse a write in the next batch that has it: that write and all after it are not done */
    refuseWrite(member: string) {
      s.refuseWrite = member;
    },
    controls,
    unit,
    units,
    partText: (key: string, view: TextView = 'all') => nodesText(unit(key).content, view),
    acceptAll: () => review(body, true),
    rejectAll: () => review(body, false),
    hasRevisions: () => [...walk(body)].some(({ node }) => node.revision || (node.kind === 'paragraph' && node.runs.some((r) => r.revision))),
    /** the whole document as lines, content controls' content indented by two spaces per level (Current view) */
    text(view: TextView = 'Current'): string[] {
      const lines: string[] = [];
      const visit = (nodes: FakeNode[], depth: number) => {
        for (const n of nodes) {
          if ((view === 'Current' && n.revision === 'deleted') || (view === 'Original' && n.revision === 'inserted')) continue;
          const pad = '  '.repeat(depth);
          if (n.kind === 'paragraph') lines.push(pad + nodesText([n], view));
          else if (n.kind === 'table') {
            if (n.cell) visit(n.cell, depth + 1);
            else lines.push(...n.values.map((row) => `${pad}| ${row.join(' | ')} |`));
          } else visit(n.content, depth + 1);
        }
      };
      visit(body, 0);
      return lines;
    },
  };
}

export type FakeWordDocument = ReturnType<typeof createFakeWord>;
export type { FakeParagraph };
export { paragraphText };
