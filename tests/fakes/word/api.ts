import { OfficeMockObject } from 'office-addin-mock';
import {
  controlsIn,
  type FakeControl,
  type FakeNode,
  type FakeParagraph,
  type FakeTable,
  locate,
  markInserted,
  nodesText,
  para,
  removeNodes,
  run,
  type TrackingMode,
} from './document';

/**
 * The Word JavaScript API members the add-in uses, over the fake document. Writes apply at once (Word
 * applies a batch in order at sync, with the same result); reads follow office-addin-mock: an object's
 * properties read "Error, property was not loaded" until load() and context.sync(), and they hold the values
 * of that sync (a collection holds the controls that matched at that sync).
 */

export interface Session {
  body: FakeNode[];
  /** the paragraph holding the cursor */
  cursor: FakeParagraph;
  trackingMode: TrackingMode;
  /** WordApi minor version the fake Word supports (3 → WordApi 1.3) */
  api: number;
  nextId: number;
  syncs: number;
  operations: number;
  selected?: number;
  /** loads that context.sync() resolves */
  pending: Array<() => Promise<void>>;
  /** a Word that refuses to read an API at sync (as Word on the web answers NotAllowed) */
  refuse?: string;
  /** a Word that refuses a write: it and everything queued after it in the batch are not done, the sync fails */
  refuseWrite?: string;
  failure?: Error;
}

/** Counts a queued write; true when the batch already failed (or fails here): the write is then not done. */
export function halted(s: Session, member: string): boolean {
  s.operations++;
  if (!s.failure && s.refuseWrite === member) s.failure = Object.assign(new Error(`NotAllowed: ${member}`), { code: 'NotAllowed' });
  return Boolean(s.failure);
}
const detachedControl = (s: Session): FakeControl => ({ kind: 'control', id: s.nextId++, tag: '', title: '', appearance: '', content: [para('')] });

export const NOT_LOADED = 'Error, property was not loaded';

const tracking = (s: Session) => s.trackingMode !== 'Off';

function requireApi(s: Session, minor: number, member: string): void {
  if (s.api < minor) throw new Error(`ApiNotFound: ${member} needs WordApi 1.${minor}`);
}

/** Property names of a load() argument: "a,b", ["a","b"], { a: true }; "items/x" → "x" for the items. */
function propertyNames(argument: unknown): string[] {
  if (argument === undefined) return [];
  if (typeof argument === 'string')
    return argument
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(argument)) return argument.flatMap(propertyNames);
  return Object.keys(argument as object);
}

/** A loadable snapshot: office-addin-mock decides what may be read, the fake gives the values at sync. */
export function snapshot(s: Session, values: () => Record<string, unknown>) {
  let state: Record<string, unknown> = new OfficeMockObject({ ...values() }) as unknown as Record<string, unknown>;
  // loads add up, as in office-js: loading "text" later keeps "id" and "tag" loaded
  const loaded = new Set<string>();
  let all = false;
  return {
    read: (name: string) => state[name],
    write: (name: string, value: unknown) => void (state[name] = value),
    load(names: string[], before?: () => void) {
      for (const n of names) loaded.add(n);
      all ||= names.length === 0;
      s.pending.push(async () => {
        before?.();
        const mock = new OfficeMockObject({ ...values() });
        if (all) mock.load('*');
        else mock.load([...loaded].join(','));
        await mock.sync();
        state = mock as unknown as Record<string, unknown>;
      });
    },
  };
}

/**
 * A small read-only object (an OrNullObject's isNullObject and a property or two): its properties read as
 * not loaded until load() and a sync, then hold the values of that sync.
 */
export function readOnly<T extends Record<string, unknown>>(s: Session, values: () => T): T & { load(): void } {
  const state = snapshot(s, values);
  const view = {
    load() {
      s.operations++;
      state.load(Object.keys(values()));
    },
  };
  for (const name of Object.keys(values())) Object.defineProperty(view, name, { get: () => state.read(name), enumerable: true });
  return view as T & { load(): void };
}

function inDocument(s: Session, node: FakeNode): void {
  locate(s.body, node);
}

export function rangeApi(s: Session, target: { italic: boolean; bold: boolean; color?: string }) {
  const font = {} as { italic: boolean; bold: boolean; color: string };
  for (const key of ['italic', 'bold', 'color'] as const) {
    Object.defineProperty(font, key, {
      get: () => (key === 'color' ? (target.color ?? '#000000') : target[key]),
      set: (v: never) => {
        if (!halted(s, `Font.${key}`)) target[key] = v;
      },
    });
  }
  return { font };
}

export interface ParagraphApi {
  styleBuiltIn: string;
  insertText(text: string, location: 'End' | 'Start'): ReturnType<typeof rangeApi>;
  insertParagraph(text: string, location: 'Before' | 'After'): ParagraphApi;
  insertContentControl(): ControlApi;
}

export function paragraphApi(s: Session, p: FakeParagraph): ParagraphApi {
  return {
    get styleBuiltIn() {
      return p.style;
    },
    set styleBuiltIn(v: string) {
      if (!halted(s, 'Paragraph.styleBuiltIn')) p.style = v;
    },
    insertText(text: string, location: 'End' | 'Start') {
      if (halted(s, 'Paragraph.insertText')) return rangeApi(s, run(''));
      const r = run(text, tracking(s) && p.revision !== 'inserted' ? { revision: 'inserted' } : {});
      if (location === 'Start') p.runs.unshift(r);
      else if (location === 'End') p.runs.push(r);
      else throw new Error(`unexpected location ${location}`);
      return rangeApi(s, r);
    },
    insertParagraph(text: string, location: 'Before' | 'After'): ParagraphApi {
      if (halted(s, 'Paragraph.insertParagraph')) return paragraphApi(s, para(''));
      const place = locate(s.body, p);
      const fresh = para(text);
      if (tracking(s)) markInserted(fresh);
      place.container.splice(location === 'After' ? place.index + 1 : place.index, 0, fresh);
      return paragraphApi(s, fresh);
    },
    insertContentControl(): ControlApi {
      if (halted(s, 'Paragraph.insertContentControl')) return controlApi(s, detachedControl(s));
      const place = locate(s.body, p);
      const control: FakeControl = { kind: 'control', id: s.nextId++, tag: '', title: '', appearance: 'BoundingBox', content: [p] };
      place.container[place.index] = control;
      return controlApi(s, control);
    },
  };
}

function tableApi(s: Session, t: FakeTable) {
  return {
    get styleBuiltIn() {
      return t.style;
    },
    set styleBuiltIn(v: string) {
      if (!halted(s, 'Table.styleBuiltIn')) t.style = v;
    },
    get headerRowCount() {
      return t.headerRowCount;
    },
    set headerRowCount(v: number) {
      if (!halted(s, 'Table.headerRowCount')) t.headerRowCount = v;
    },
  };
}

/** A ClientResult: its value reads as not loaded until the sync that computes it. */
function clientResult(s: Session, compute: () => string) {
  let value: string = NOT_LOADED;
  s.pending.push(async () => {
    value = compute();
  });
  return {
    get value() {
      return value;
    },
  };
}

export function collectionApi(s: Session, resolve: () => FakeControl[], name: string) {
  let items: unknown = NOT_LOADED;
  return {
    get items() {
      return items;
    },
    load(argument?: unknown) {
      const itemProps = propertyNames(argument)
        .filter((p) => p !== 'items')
        .map((p) => p.replace(/^items\//, ''));
      s.pending.push(async () => {
        if (s.refuse === name) throw Object.assign(new Error(`NotAllowed: ${name}`), { code: 'NotAllowed' });
        const controls = resolve().map((c) => controlApi(s, c));
        const mock = new OfficeMockObject({ items: controls });
        mock.load('items');
        await mock.sync();
        items = (mock as unknown as { items: unknown }).items;
      });
      // each item's own properties ("items/tag") are loaded by the same sync, once the collection is resolved
      s.pending.push(async () => {
        if (Array.isArray(items)) for (const item of items as ControlApi[]) item.queueLoad(itemProps);
      });
      s.operations++;
      return this;
    },
  };
}

export function controlApi(s: Session, c: FakeControl) {
  const state = snapshot(s, () => ({ id: c.id, tag: c.tag, title: c.title, appearance: c.appearance, text: nodesText(c.content) }));
  const read = (name: string) => state.read(name);
  const write = (name: 'tag' | 'title' | 'appearance', value: string) => {
    if (halted(s, `ContentControl.${name}`)) return;
    c[name] = value;
    state.write(name, value);
  };
  const api = {
    get id() {
      return read('id') as number;
    },
    get text() {
      return read('text') as string;
    },
    get tag() {
      return read('tag') as string;
    },
    set tag(v: string) {
      write('tag', v);
    },
    get title() {
      return read('title') as string;
    },
    set title(v: string) {
      write('title', v);
    },
    get appearance() {
      return read('appearance') as string;
    },
    set appearance(v: string) {
      write('appearance', v);
    },
    load(argument?: unknown) {
      s.operations++;
      api.queueLoad(propertyNames(argument));
      return api;
    },
    queueLoad(names: string[]) {
      state.load(names, () => inDocument(s, c));
    },
    get contentControls() {
      return collectionApi(s, () => controlsIn(c.content), 'ContentControl.contentControls');
    },
    get parentTableOrNullObject() {
      return readOnly(s, () => ({ isNullObject: !locate(s.body, c).inTable }));
    },
    getReviewedText(version: 'Current' | 'Original' = 'Current') {
      requireApi(s, 4, 'ContentControl.getReviewedText');
      s.operations++;
      return clientResult(s, () => nodesText(c.content, version));
    },
    insertParagraph(text: string, location: 'Start' | 'End' | 'Before' | 'After') {
      if (halted(s, 'ContentControl.insertParagraph')) return paragraphApi(s, para(''));
      const p = para(text);
      if (tracking(s)) markInserted(p);
      if (location === 'Start') c.content.unshift(p);
      else if (location === 'End') c.content.push(p);
      else {
        const place = locate(s.body, c);
        place.container.splice(location === 'After' ? place.index + 1 : place.index, 0, p);
      }
      return paragraphApi(s, p);
    },
    insertTable(rowCount: number, columnCount: number, location: 'Start' | 'End', values: string[][]) {
      if (halted(s, 'ContentControl.insertTable')) return tableApi(s, { kind: 'table', style: '', headerRowCount: 0, values: [] });
      if (values.length !== rowCount || values.some((row) => row.length !== columnCount))
        throw new Error(`insertTable: values are not ${rowCount}×${columnCount}`);
      const t: FakeTable = { kind: 'table', style: 'TableGrid', headerRowCount: 0, values: values.map((r) => [...r]) };
      if (tracking(s)) markInserted(t);
      if (location === 'Start') c.content.unshift(t);
      else if (location === 'End') c.content.push(t);
      else throw new Error(`unexpected location ${location}`);
      return tableApi(s, t);
    },
    clear() {
      if (halted(s, 'ContentControl.clear')) return;
      if (tracking(s)) removeNodes(c.content, [...c.content], true);
      else c.content = [para('')];
    },
    delete(keepContent: boolean) {
      if (halted(s, 'ContentControl.delete')) return;
      const place = locate(s.body, c);
      if (keepContent) place.container.splice(place.index, 1, ...c.content);
      else removeNodes(place.container, [c], tracking(s));
    },
    select() {
      s.operations++;
      inDocument(s, c);
      s.selected = c.id;
    },
  };
  return api;
}

export type ControlApi = ReturnType<typeof controlApi>;
