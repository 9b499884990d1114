import { OfficeMockObject } from 'office-addin-mock';
import type { WordContentControl, WordContentControlCollection, WordContext, WordParagraph, WordRange, WordTable } from './operations';

/**
 * A Word document for tests and the benchmark: Office's own mocking library (office-addin-mock) for the
 * request context and the loaded collections — a property read before load() + sync() gives the mock's
 * "not loaded" error, as real Word would throw — plus a small recording model of the document body, so a
 * test can see what Insert and Refresh wrote and that the user's own paragraphs stayed as they were.
 * Not bundled in the task pane.
 */

export interface FakeRun {
  text: string;
  italic: boolean;
  bold: boolean;
  color?: string;
}
export interface FakeParagraph {
  kind: 'paragraph';
  style: string;
  runs: FakeRun[];
}
export interface FakeTable {
  kind: 'table';
  style: string;
  headerRowCount: number;
  values: string[][];
}
export interface FakeControl {
  kind: 'control';
  tag: string;
  title: string;
  appearance: string;
  content: Array<FakeParagraph | FakeTable>;
}
export type FakeBodyItem = FakeParagraph | FakeControl;

export function paragraphText(p: FakeParagraph): string {
  return p.runs.map((r) => r.text).join('');
}

function userParagraph(text: string): FakeParagraph {
  return { kind: 'paragraph', style: 'Normal', runs: [{ text, italic: false, bold: false }] };
}

export interface FakeWordDocument {
  context: WordContext & OfficeMockObject;
  body: FakeBodyItem[];
  /** context.sync() calls so far */
  readonly syncs: number;
  /** Word API calls queued so far (inserts, property writes) */
  readonly operations: number;
  controls(tag?: string): FakeControl[];
  /** the whole document as lines of text, controls' content indented by "  " */
  text(): string[];
}

/**
 * A document whose body holds `paragraphs` (the user's text) with the cursor in paragraph `cursor`;
 * `existingAnnex` adds an annex content control after the last paragraph, holding `existingAnnex` lines.
 */
export function createFakeWord(options: { paragraphs?: string[]; cursor?: number; existingAnnex?: { tag: string; lines: string[] } } = {}): FakeWordDocument {
  const body: FakeBodyItem[] = (options.paragraphs ?? ['Begroting 2023 – toelichting', 'Hier komt de bijlage.', 'Slot van de toelichting.']).map(userParagraph);
  if (options.existingAnnex) {
    body.push({ kind: 'control', tag: options.existingAnnex.tag, title: 'old', appearance: 'BoundingBox', content: options.existingAnnex.lines.map(userParagraph) });
  }
  let cursor = options.cursor ?? Math.min(1, body.length - 1);
  let syncs = 0;
  let operations = 0;
  const pendingLoads: OfficeMockObject[] = [];

  const rangeApi = (run: FakeRun): WordRange => ({
    font: {
      get italic() {
        return run.italic;
      },
      set italic(v: boolean) {
        operations++;
        run.italic = v;
      },
      get bold() {
        return run.bold;
      },
      set bold(v: boolean) {
        operations++;
        run.bold = v;
      },
      get color() {
        return run.color ?? '#000000';
      },
      set color(v: string) {
        operations++;
        run.color = v;
      },
    },
  });

  const paragraphApi = (p: FakeParagraph): WordParagraph => ({
    get styleBuiltIn() {
      return p.style;
    },
    set styleBuiltIn(v: string) {
      operations++;
      p.style = v;
    },
    insertText(text: string, location: 'End' | 'Start') {
      operations++;
      const run: FakeRun = { text, italic: false, bold: false };
      if (location === 'Start') p.runs.unshift(run);
      else p.runs.push(run);
      return rangeApi(run);
    },
  });

  const controlApi = (c: FakeControl): WordContentControl => ({
    get tag() {
      return c.tag;
    },
    set tag(v: string) {
      operations++;
      c.tag = v;
    },
    get title() {
      return c.title;
    },
    set title(v: string) {
      operations++;
      c.title = v;
    },
    get appearance() {
      return c.appearance;
    },
    set appearance(v: string) {
      operations++;
      c.appearance = v;
    },
    paragraphs: {
      getFirst() {
        operations++;
        let first = c.content.find((x): x is FakeParagraph => x.kind === 'paragraph');
        if (!first) {
          first = { kind: 'paragraph', style: 'Normal', runs: [] };
          c.content.unshift(first);
        }
        return paragraphApi(first);
      },
    },
    clear() {
      operations++;
      // Word leaves one empty paragraph in a cleared block-level content control
      c.content = [{ kind: 'paragraph', style: 'Normal', runs: [] }];
    },
    insertParagraph(text: string, location: 'End') {
      operations++;
      const p: FakeParagraph = { kind: 'paragraph', style: 'Normal', runs: text ? [{ text, italic: false, bold: false }] : [] };
      if (location !== 'End') throw new Error(`unexpected location ${location}`);
      c.content.push(p);
      return paragraphApi(p);
    },
    insertTable(rowCount: number, columnCount: number, location: 'End', values: string[][]): WordTable {
      operations++;
      if (values.length !== rowCount || values.some((row) => row.length !== columnCount)) {
        throw new Error(`insertTable: values are not ${rowCount}×${columnCount}`);
      }
      const t: FakeTable = { kind: 'table', style: 'TableGrid', headerRowCount: 0, values: values.map((r) => [...r]) };
      if (location !== 'End') throw new Error(`unexpected location ${location}`);
      c.content.push(t);
      return {
        get styleBuiltIn() {
          return t.style;
        },
        set styleBuiltIn(v: string) {
          operations++;
          t.style = v;
        },
        get headerRowCount() {
          return t.headerRowCount;
        },
        set headerRowCount(v: number) {
          operations++;
          t.headerRowCount = v;
        },
      };
    },
  });

  const context = new OfficeMockObject({ document: { contentControls: {} } }) as unknown as WordContext & OfficeMockObject;
  const mockSync = context.sync.bind(context);
  Object.assign(context, {
    async sync() {
      syncs++;
      await mockSync();
      for (const collection of pendingLoads.splice(0)) await collection.sync();
    },
  });
  Object.assign(context.document, { getSelection: () => ({
    insertParagraph(text: string, location: 'After') {
      operations++;
      if (location !== 'After') throw new Error(`unexpected location ${location}`);
      const p = userParagraph(text);
      p.runs = text ? p.runs : [];
      const at = cursor + 1;
      body.splice(at, 0, p);
      return Object.assign(paragraphApi(p), {
        insertContentControl(): WordContentControl {
          operations++;
          const control: FakeControl = { kind: 'control', tag: '', title: '', appearance: 'Tags', content: [p] };
          body[at] = control;
          cursor = at;
          return controlApi(control);
        },
      });
    },
  }) });
  Object.assign(context.document.contentControls, { getByTag: (tag: string): WordContentControlCollection => {
    operations++;
    const found = body.filter((b): b is FakeControl => b.kind === 'control' && b.tag === tag).map(controlApi);
    const collection = new OfficeMockObject({ items: found });
    pendingLoads.push(collection);
    return collection as unknown as WordContentControlCollection;
  } });

  return {
    context,
    body,
    get syncs() {
      return syncs;
    },
    get operations() {
      return operations;
    },
    controls: (tag) => body.filter((b): b is FakeControl => b.kind === 'control' && (tag === undefined || b.tag === tag)),
    text() {
      const lines: string[] = [];
      for (const item of body) {
        if (item.kind === 'paragraph') lines.push(paragraphText(item));
        else
          for (const inner of item.content) {
            if (inner.kind === 'paragraph') lines.push(`  ${paragraphText(inner)}`);
            else lines.push(...inner.values.map((row) => `  | ${row.join(' | ')} |`));
          }
      }
      return lines;
    },
  };
}
