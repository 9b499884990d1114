import { randomUUID } from 'node:crypto';
import { FilterSyntaxError, type Literal, parseEqualityFilter } from './odata-filter';
import { type FakeResponse, graphError, ok } from './responses';

/** One SharePoint site's lists as Graph shows them, in memory. */

type ColumnKind = 'text' | 'multiLineText' | 'number' | 'boolean' | 'dateTime';

interface Column {
  id: string;
  name: string;
  kind: ColumnKind;
  indexed: boolean;
  unique: boolean;
  readOnly: boolean;
  /** multi-line text only: SharePoint's default is rich text, which it may rewrite as HTML */
  textType?: 'plain' | 'richText';
  linesForEditing?: number;
}

export interface FakeSiteOptions {
  duplicateKeyStatus: 400 | 409 | 500;
  ignoreIndexedOnCreate: boolean;
}

/** SharePoint's list view threshold: a query a list this large cannot answer from an index fails. */
export const LIST_VIEW_THRESHOLD = 5000;
/** Multiple lines of text hold at most this many characters. */
export const MULTILINE_TEXT_MAX = 63_999;

interface Item {
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: Record<string, Literal>;
}

interface List {
  id: string;
  name: string;
  displayName: string;
  created: string;
  columns: Map<string, Column>;
  items: Map<number, Item>;
  nextId: number;
}

export interface ItemQuery {
  top: number;
  filter?: string;
  skiptoken?: string;
  select?: string[];
  honorNonIndexed: boolean;
}

const TEXT_MAX = 255;

function builtInColumns(): Column[] {
  const col = (name: string, kind: ColumnKind, indexed: boolean, readOnly: boolean): Column => ({
    id: randomUUID(),
    name,
    kind,
    indexed,
    unique: false,
    readOnly,
  });
  return [col('Title', 'text', false, false), col('ID', 'number', true, true), col('Created', 'dateTime', true, true), col('Modified', 'dateTime', true, true)];
}

/** columnDefinition (resources/columndefinition.md): the type is the facet that is present. */
function columnFrom(definition: Record<string, unknown>, ignoreIndexed = false): Column | string {
  const name = definition.name;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'a column needs a valid name';
  const text = definition.text as { allowMultipleLines?: boolean; textType?: string; linesForEditing?: number } | undefined;
  const kind: ColumnKind | undefined = text
    ? text.allowMultipleLines
      ? 'multiLineText'
      : 'text'
    : definition.number
      ? 'number'
      : definition.boolean
        ? 'boolean'
        : definition.dateTime
          ? 'dateTime'
          : undefined;
  if (!kind) return `column ${name} has no supported type facet`;
  const indexed = definition.indexed === true || definition.enforceUniqueValues === true;
  if (indexed && kind === 'multiLineText') return `column ${name}: multi-line text columns cannot be indexed`;
  const unique = definition.enforceUniqueValues === true;
  return {
    id: randomUUID(),
    name,
    kind,
    indexed: indexed && !(ignoreIndexed && !unique),
    unique,
    readOnly: false,
    ...(kind === 'multiLineText' ? { textType: text?.textType === 'plain' ? 'plain' : 'richText', linesForEditing: text?.linesForEditing ?? 6 } : {}),
  };
}

function normalise(column: Column, value: unknown): { value: Literal } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  switch (column.kind) {
    case 'text':
      if (typeof value !== 'string') return { error: `Field '${column.name}' expects text` };
      if (value.length > TEXT_MAX) return { error: `Field '${column.name}' exceeds ${TEXT_MAX} characters` };
      return { value };
    case 'multiLineText':
      if (typeof value !== 'string') return { error: `Field '${column.name}' expects text` };
      if (value.length > MULTILINE_TEXT_MAX) return { error: `Field '${column.name}' exceeds ${MULTILINE_TEXT_MAX} characters` };
      return { value };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: `Field '${column.name}' expects a number` };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: `Field '${column.name}' expects a boolean` };
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return { error: `Field '${column.name}' expects a date` };
      return { value: new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
}

/** SharePoint compares text without regard to case. */
function sameValue(column: Column, a: Literal, b: Literal): boolean {
  if (a === null || b === null) return a === b;
  if (column.kind === 'dateTime' && typeof b === 'string') {
    const nb = normalise(column, b);
    return 'value' in nb && nb.value === a;
  }
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export class FakeSite {
  private readonly lists = new Map<string, List>();

  constructor(
    readonly siteId: string,
    readonly baseUrl: () => string,
    private readonly options: FakeSiteOptions = { duplicateKeyStatus: 409, ignoreIndexedOnCreate: false },
  ) {}

  listByName(name: string): List | undefined {
    for (const list of this.lists.values()) if (list.name === name || list.displayName === name) return list;
    return undefined;
  }

  listView(list: List, withColumns: boolean): Record<string, unknown> {
    return {
      id: list.id,
      name: list.name,
      displayName: list.displayName,
      createdDateTime: list.created,
      list: { template: 'genericList', hidden: false },
      ...(withColumns ? { columns: [...list.columns.values()].map((c) => this.columnView(c)) } : {}),
    };
  }

  private columnView(column: Column): Record<string, unknown> {
    const facet =
      column.kind === 'multiLineText'
        ? { text: { allowMultipleLines: true, textType: column.textType, linesForEditing: column.linesForEditing } }
        : column.kind === 'text'
          ? { text: { allowMultipleLines: false, maxLength: TEXT_MAX } }
          : { [column.kind]: {} };
    return {
      id: column.id,
      name: column.name,
      displayName: column.name,
      indexed: column.indexed,
      enforceUniqueValues: column.unique,
      readOnly: column.readOnly,
      ...facet,
    };
  }

  allLists(withColumns: boolean): Record<string, unknown>[] {
    return [...this.lists.values()].map((l) => this.listView(l, withColumns));
  }

  createList(body: Record<string, unknown>): FakeResponse {
    const displayName = body.displayName;
    if (typeof displayName !== 'string' || !displayName) return graphError(400, 'invalidRequest', 'A list needs a displayName');
    if (this.listByName(displayName))
      return graphError(
        409,
        'nameAlreadyExists',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site.`,
      );
    const template = (body.list as { template?: string } | undefined)?.template ?? 'genericList';
    if (template !== 'genericList') return graphError(400, 'invalidRequest', `The fake only knows the genericList template, not ${template}`);
    const list: List = {
      id: randomUUID(),
      name: displayName.replace(/\s+/g, ''),
      displayName,
      created: new Date().toISOString(),
      columns: new Map(),
      items: new Map(),
      nextId: 1,
    };
    for (const column of builtInColumns()) list.columns.set(column.name, column);
    for (const definition of (body.columns as Record<string, unknown>[] | undefined) ?? []) {
      const column = columnFrom(definition, this.options.ignoreIndexedOnCreate);
      if (typeof column === 'string') return graphError(400, 'invalidRequest', column);
      list.columns.set(column.name, column);
    }
    this.lists.set(list.id, list);
    return ok(this.listView(list, false), 201);
  }

  /** columndefinition-update.md: the index and the text settings may change; the type may not. */
  updateColumn(list: List, id: string, body: Record<string, unknown>): FakeResponse {
    const column = [...list.columns.values()].find((c) => c.id === id || c.name === id);
    if (!column) return graphError(404, 'itemNotFound', 'Column not found');
    if (typeof body.indexed === 'boolean') {
      if (body.indexed && column.kind === 'multiLineText')
        return graphError(400, 'invalidRequest', `column ${column.name}: multi-line text columns cannot be indexed`);
      column.indexed = body.indexed;
    }
    const text = body.text as { textType?: string; linesForEditing?: number } | undefined;
    if (text && column.kind === 'multiLineText') {
      if (text.textType === 'plain' || text.textType === 'richText') column.textType = text.textType;
      if (typeof text.linesForEditing === 'number') column.linesForEditing = text.linesForEditing;
    }
    return ok(this.columnView(column));
  }

  createColumn(list: List, body: Record<string, unknown>): FakeResponse {
    const column = columnFrom(body, this.options.ignoreIndexedOnCreate);
    if (typeof column === 'string') return graphError(400, 'invalidRequest', column);
    if (list.columns.has(column.name)) return graphError(409, 'nameAlreadyExists', `A duplicate field name "${column.name}" was found.`);
    list.columns.set(column.name, column);
    return ok(this.columnView(column), 201);
  }

  list(id: string): List | undefined {
    return this.lists.get(id) ?? this.listByName(id);
  }

  private itemView(list: List, item: Item, select?: string[]): Record<string, unknown> {
    const all: Record<string, unknown> = { ...item.fields, id: String(item.id), ID: item.id, Created: item.created, Modified: item.modified };
    const fields: Record<string, unknown> = { '@odata.etag': this.etagOf(item) };
    // Graph leaves out the fields an item has no value in (an item made in the SharePoint UI lacks ours).
    for (const [name, value] of Object.entries(all)) if ((!select || select.includes(name)) && value !== null && value !== '') fields[name] = value;
    return {
      '@odata.etag': this.etagOf(item),
      id: String(item.id),
      eTag: this.etagOf(item),
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      webUrl: `https://contoso.sharepoint.com/Lists/${list.name}/DispForm.aspx?ID=${item.id}`,
      fields,
    };
  }

  private etagOf(item: Item): string {
    return `"${item.guid},${item.version}"`;
  }

  private validateFields(list: List, input: unknown, exceptId?: number): { fields: Record<string, Literal> } | FakeResponse {
    if (typeof input !== 'object' || input === null) return graphError(400, 'invalidRequest', 'The request body must hold the fields to set');
    const fields: Record<string, Literal> = {};
    for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
      if (name.startsWith('@odata')) continue;
      const column = list.columns.get(name);
      if (!column) return graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (column.readOnly) return graphError(400, 'invalidRequest', `Field '${name}' is read-only`);
      const normalised = normalise(column, raw);
      if ('error' in normalised) return graphError(400, 'invalidRequest', normalised.error);
      fields[name] = normalised.value;
      if (column.unique && normalised.value !== null) {
        for (const other of list.items.values()) {
          if (other.id !== exceptId && sameValue(column, other.fields[name] ?? null, normalised.value)) {
            const status = this.options.duplicateKeyStatus;
            const code = status === 409 ? 'nameAlreadyExists' : status === 400 ? 'invalidRequest' : 'generalException';
            return graphError(
              status,
              code,
              `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`,
            );
          }
        }
      }
    }
    return { fields };
  }

  /** Seeds an item directly, as if created earlier (no request counted); returns its id. */
  seed(list: List, fields: Record<string, unknown>): string {
    const response = this.createItem(list, { fields });
    if (response.status !== 201) throw new Error(`seed rejected: ${JSON.stringify(response.body)}`);
    return (response.body as { id: string }).id;
  }

  createItem(list: List, body: unknown): FakeResponse {
    const checked = this.validateFields(list, (body as { fields?: unknown } | undefined)?.fields ?? {});
    if (!('fields' in checked)) return checked;
    const now = new Date().toISOString();
    const item: Item = { id: list.nextId++, guid: randomUUID(), version: 1, created: now, modified: now, fields: checked.fields };
    list.items.set(item.id, item);
    return ok(this.itemView(list, item), 201);
  }

  getItem(list: List, id: string, select?: string[]): FakeResponse {
    const item = list.items.get(Number(id));
    if (!/^\d+$/.test(id) || !item) return graphError(404, 'itemNotFound', 'The specified list item was not found.');
    return ok(this.itemView(list, item, select));
  }

  /** 412 when the If-Match eTag is stale (listitem-update.md). */
  private precondition(item: Item, ifMatch: string | undefined): FakeResponse | undefined {
    if (ifMatch === undefined || ifMatch === '*' || ifMatch === this.etagOf(item)) return undefined;
    return graphError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
  }

  updateFields(list: List, id: string, body: unknown, ifMatch: string | undefined): FakeResponse {
    const item = list.items.get(Number(id));
    if (!/^\d+$/.test(id) || !item) return graphError(404, 'itemNotFound', 'The specified list item was not found.');
    const stale = this.precondition(item, ifMatch);
    if (stale) return stale;
    const checked = this.validateFields(list, body, item.id);
    if (!('fields' in checked)) return checked;
    Object.assign(item.fields, checked.fields);
    item.version += 1;
    item.modified = new Date().toISOString();
    const view = this.itemView(list, item).fields as Record<string, unknown>;
    return ok(view);
  }

  deleteItem(list: List, id: string, ifMatch: string | undefined): FakeResponse {
    const item = list.items.get(Number(id));
    if (!/^\d+$/.test(id) || !item) return graphError(404, 'itemNotFound', 'The specified list item was not found.');
    const stale = this.precondition(item, ifMatch);
    if (stale) return stale;
    list.items.delete(item.id);
    return { status: 204 };
  }

  /** Items in id order; the skiptoken carries the last id served, as SharePoint's does (Paged=TRUE&p_ID=n). */
  listItems(list: List, query: ItemQuery, selfUrl: (skiptoken: string) => string): FakeResponse {
    let matches = (_: Item) => true;
    if (query.filter !== undefined) {
      let filter;
      try {
        filter = parseEqualityFilter(query.filter);
      } catch (error) {
        return graphError(400, 'invalidRequest', `Invalid filter clause: ${(error as FilterSyntaxError).message}`);
      }
      const column = list.columns.get(filter.column);
      if (!column) return graphError(400, 'invalidRequest', `Field '${filter.column}' is not recognized`);
      if (!column.indexed && list.items.size > LIST_VIEW_THRESHOLD) {
        return graphError(500, 'generalException', 'The attempted operation is prohibited because it exceeds the list view threshold.');
      }
      if (!column.indexed && !query.honorNonIndexed) {
        return graphError(
          400,
          'invalidRequest',
          `Field '${filter.column}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
      matches = (item) => sameValue(column, item.fields[column.name] ?? null, filter.value);
    }
    const after = query.skiptoken ? Number(/p_ID=(\d+)/.exec(Buffer.from(query.skiptoken, 'base64url').toString())?.[1] ?? 0) : 0;
    const page: Item[] = [];
    let more = false;
    for (const item of [...list.items.values()].sort((a, b) => a.id - b.id)) {
      if (item.id <= after || !matches(item)) continue;
      if (page.length === query.top) {
        more = true;
        break;
      }
      page.push(item);
    }
    const body: Record<string, unknown> = { value: page.map((item) => this.itemView(list, item, query.select)) };
    if (more) body['@odata.nextLink'] = selfUrl(Buffer.from(`Paged=TRUE&p_ID=${page[page.length - 1].id}`).toString('base64url'));
    return ok(body);
  }

  itemCount(list: List): number {
    return list.items.size;
  }
}
