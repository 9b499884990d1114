import type { CollectionName } from '../collections';
import { specOf } from '../collections';
import { ConflictError, DuplicateKeyError, NotFoundError, StoreUnavailableError, UnsupportedQueryError } from '../errors';
import { randomUUID } from 'node:crypto';
import { assertWritable } from '../collections';
import { checkFilter, checkPageQuery, fieldValue } from '../paging';
import { type Collection, type CreatedOnce, type FieldFilter, type Page, type PageQuery, type Replacement, SCAN_PAGE, type Stored } from '../store';
import { type Cursor, decodeCursor, encodeCursor } from './cursor';
import { type BatchRunOptions, runInBatches } from './batch-runner';
import { type BatchedContext, createManyOnce, updateMany } from './batched-writes';
import { CREATE_KEY_COLUMN, type ListSpec, RECORD_COLUMN, columnValueOf, fieldsOf, newItemFieldsOf } from './columns';
import { type GraphApi, GraphCallError, type InnerResponse, statusOf } from './graph-api';
import { failureFromBody, isDuplicateValue, unavailable } from './graph-errors';
import { ItemRecords } from './item-records';
import { encodeQuery, fieldEquals } from './odata';
import { idsPage, itemsPage, listItem, updatedFields } from './wire';

export interface CollectionContext {
  api: GraphApi;
  siteId: string;
  list: ListSpec;
  pageSize: number;
  /** items per request when a task reads a whole query (SharePoint answers at most 5 000 list items a request) */
  bulkPageSize: number;
  /** The list id, known once the store is initialised. */
  listId(): string;
  batch?: BatchRunOptions;
  /** where skipped foreign items are reported */
  warn?: (message: string) => void;
}

const ITEM_ID = /^\d+$/;
const EXPAND_RECORD = `fields($select=${RECORD_COLUMN})`;

/** One collection as one SharePoint list: the record lives in RecordJson, indexed fields in their own columns. */
export class GraphCollection<T extends object> implements Collection<T> {
  private readonly spec;
  private readonly name: CollectionName;

  private readonly records: ItemRecords<T>;

  constructor(private readonly ctx: CollectionContext) {
    this.name = ctx.list.collection;
    this.spec = specOf(this.name);
    this.records = new ItemRecords(ctx.list.listName, this.spec, ctx.warn);
  }

  private get itemsPath(): string {
    return `/sites/${this.ctx.siteId}/lists/${this.ctx.listId()}/items`;
  }

  /** `$filter` on the field's indexed column, or undefined for every item. */
  private odataFilter(filter: FieldFilter<T> | undefined): string | undefined {
    checkFilter(this.name, filter);
    if (!filter) return undefined;
    const column = this.ctx.list.columns.find((c) => c.field === filter.field)!;
    return fieldEquals(column.name, columnValueOf(column.kind, filter.equals));
  }

  /** SharePoint compares text case-insensitively; the record is the truth, so equality is checked exactly here. */
  private exact(filter: FieldFilter<T> | undefined): (record: Stored<T>) => boolean {
    return filter ? (record) => fieldValue(record, filter.field) === filter.equals : () => true;
  }

  async list(filter?: FieldFilter<T>): Promise<Stored<T>[]> {
    const out = await this.read(this.odataFilter(filter));
    return out.filter(this.exact(filter)).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /**
   * One `$top` request for a page of an indexed query; a `keep` condition reads further pages (of the list's page
   * size) until the page is full. The cursor is Graph's own nextLink with how much of that page was used.
   */
  async page(query: PageQuery<T>): Promise<Page<T>> {
    checkPageQuery(this.name, query);
    const filter = this.odataFilter(query.where);
    const exact = this.exact(query.where);
    const top = query.keep ? Math.max(query.top, this.ctx.pageSize, SCAN_PAGE) : query.top;
    const first: Cursor = { link: `${this.itemsPath}${encodeQuery({ $expand: EXPAND_RECORD, $top: top, $filter: filter })}`, skip: 0, filter };
    // an id (a page the read cache served) continues after that id: SharePoint's pages are in id order too
    const afterId = query.after !== undefined && /^\d{1,15}$/.test(query.after) ? Number(query.after) : 0;
    let at: Cursor = query.after && !afterId ? this.ownCursor(query.after, filter) : first;
    const items: Stored<T>[] = [];
    try {
      for (;;) {
        const page = await this.ctx.api.get(at.link, itemsPage);
        for (let index = at.skip; index < page.value.length; index++) {
          if (items.length === query.top) return { items, next: encodeCursor({ ...at, skip: index }) };
          if (Number(page.value[index].id) <= afterId) continue;
          const record = this.records.own(page.value[index]);
          if (record && exact(record) && (!query.keep || query.keep(record))) items.push(record);
        }
        const next = page['@odata.nextLink'];
        if (!next) return { items };
        at = { link: next, skip: 0, filter };
        if (items.length === query.top) return { items, next: encodeCursor(at) };
      }
    } catch (error) {
      throw this.translate(error, 'a page of the list read');
    }
  }

  /** A cursor this collection handed out for this query: a link to this list's items with the same `$filter`, nothing else. */
  private ownCursor(after: string, filter: string | undefined): Cursor {
    const cursor = decodeCursor(after);
    const ours = cursor && (cursor.link.startsWith(`${this.itemsPath}?`) || this.ctx.api.isLinkTo(cursor.link, this.itemsPath));
    const linkFilter = ours ? (new URLSearchParams(cursor.link.slice(cursor.link.indexOf('?') + 1)).get('$filter') ?? undefined) : undefined;
    // Graph may carry the query in its skip token instead: only a link naming another filter is refused
    if (!cursor || !ours || cursor.filter !== filter || (linkFilter !== undefined && linkFilter !== filter)) {
      throw new UnsupportedQueryError(`this is not a page cursor of ${this.name} for this query`);
    }
    return cursor;
  }

  /** Without `keep`, only the item ids are read (a thousand a request); with it, the records. */
  async count(where?: FieldFilter<T>, keep?: (record: Stored<T>) => boolean): Promise<number> {
    const filter = this.odataFilter(where);
    if (keep || where) return (await this.read(filter)).filter((r) => this.exact(where)(r) && (!keep || keep(r))).length;
    let n = 0;
    try {
      for await (const ids of this.ctx.api.pages(`${this.itemsPath}${encodeQuery({ $select: 'id', $top: 1000 })}`, idsPage)) n += ids.length;
    } catch (error) {
      throw this.translate(error, 'the count of the list');
    }
    return n;
  }

  private async read(filter: string | undefined): Promise<Stored<T>[]> {
    const query = encodeQuery({ $expand: EXPAND_RECORD, $top: this.ctx.bulkPageSize, $filter: filter });
    const out: Stored<T>[] = [];
    try {
      for await (const items of this.ctx.api.pages(`${this.itemsPath}${query}`, itemsPage)) {
        for (const item of items) {
          const stored = this.records.own(item);
          if (stored) out.push(stored);
        }
      }
    } catch (error) {
      throw this.translate(error, 'the list read');
    }
    return out;
  }

  async get(id: string): Promise<Stored<T> | undefined> {
    if (!ITEM_ID.test(id)) return undefined;
    try {
      return this.records.own(await this.ctx.api.get(`${this.itemsPath}/${id}${encodeQuery({ $expand: EXPAND_RECORD })}`, listItem));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.translate(error, `the read of item ${id}`);
    }
  }

  create(value: T): Promise<Stored<T>> {
    return this.createWithKey(value, randomUUID());
  }

  private async createWithKey(value: T, createKey: string): Promise<Stored<T>> {
    assertWritable(this.name, value);
    try {
      const item = await this.ctx.api.post(this.itemsPath, { fields: newItemFieldsOf(this.ctx.list, value, createKey) }, listItem);
      return this.records.withIdentity(value, item.id, item.eTag);
    } catch (error) {
      throw this.translate(error, 'the new item', value);
    }
  }

  /** The unique create-key column arbitrates: of two racing retries one creates, the other finds its item. */
  async createOnce(value: T, requestKey: string): Promise<CreatedOnce<T>> {
    const [existing] = await this.read(fieldEquals(CREATE_KEY_COLUMN, requestKey));
    if (existing) return { record: existing, created: false };
    try {
      return { record: await this.createWithKey(value, requestKey), created: true };
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const [holder] = await this.read(fieldEquals(CREATE_KEY_COLUMN, requestKey));
      if (holder) return { record: holder, created: false };
      throw error;
    }
  }

  /** Not atomic (SharePoint has no transactions): on a failure the items before it may exist. */
  async createMany(values: readonly T[]): Promise<Stored<T>[]> {
    this.rejectRepeatedKeys(values);
    for (const value of values) assertWritable(this.name, value);
    const path = this.itemsPath;
    const responses = await this.translateAsync(
      () =>
        runInBatches(
          this.ctx.api,
          values.map((value) => ({ method: 'POST', url: path, body: { fields: newItemFieldsOf(this.ctx.list, value, randomUUID()) } })),
          this.ctx.batch,
        ),
      'the batch of new items',
    );
    return responses.map((response, index) => this.createdFrom(response, values[index]));
  }

  /** Batched creates by create key and conditional replaces (batched-writes.ts): one request per 20 records. */
  createManyOnce = (values: readonly T[], requestKeys: readonly string[]) => createManyOnce(this.batched(), values, requestKeys);
  updateMany = (changes: readonly Replacement<T>[]) => updateMany(this.batched(), changes);
  private batched = (): BatchedContext<T> => ({ ...this.ctx, itemsPath: this.itemsPath, records: this.records, translate: this.translate.bind(this) });
  async update(id: string, value: T, ifMatch: string): Promise<Stored<T>> {
    if (!ITEM_ID.test(id)) throw new NotFoundError(this.name, id);
    assertWritable(this.name, value);
    try {
      // The PATCH answers with the fieldValueSet, whose @odata.etag is the item's new eTag: no second request.
      const fields = await this.ctx.api.patch(`${this.itemsPath}/${id}/fields`, fieldsOf(this.ctx.list, value), updatedFields, ifMatchHeader(ifMatch));
      return this.records.withIdentity(value, id, fields['@odata.etag']);
    } catch (error) {
      throw await this.translateWrite(error, id, value);
    }
  }

  async remove(id: string, ifMatch: string): Promise<void> {
    if (!ITEM_ID.test(id)) throw new NotFoundError(this.name, id);
    try {
      await this.ctx.api.delete(`${this.itemsPath}/${id}`, ifMatchHeader(ifMatch));
    } catch (error) {
      throw await this.translateWrite(error, id);
    }
  }

  /** Create first and let the unique column arbitrate: concurrent upserts of different keys never meet. */
  async upsertByKey(value: T): Promise<Stored<T>> {
    const field = this.spec.uniqueKey;
    if (!field) throw new UnsupportedQueryError(`${this.name} has no unique key to upsert on`);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.create(value);
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
      }
      const key = (value as Record<string, unknown>)[field] as string;
      const [holder] = await this.list({ field: field as keyof T & string, equals: key });
      // The holder may have been removed since the 409; then the create is worth another try.
      if (!holder) continue;
      try {
        return await this.update(holder.id, value, holder.etag);
      } catch (error) {
        // Removed, or replaced by a racing upsert of the same key: start over from the create.
        if (!(error instanceof NotFoundError) && !(error instanceof ConflictError)) throw error;
      }
    }
    throw new StoreUnavailableError(`${this.name}: the record with ${field} kept appearing and disappearing; try again`);
  }

  private createdFrom(response: InnerResponse, value: T): Stored<T> {
    if (response.status === 201 || response.status === 200) {
      const item = listItem.safeParse(response.body);
      if (item.success) return this.records.withIdentity(value, item.data.id, item.data.eTag);
      throw new StoreUnavailableError(`Microsoft Graph answered a batched create in ${this.ctx.list.listName} without an item id and eTag`);
    }
    throw this.translate(new GraphCallError(failureFromBody(response.status, response.body)), 'a batched new item', value);
  }

  private rejectRepeatedKeys(values: readonly T[]): void {
    const field = this.spec.uniqueKey;
    if (!field) return;
    const seen = new Set<string>();
    for (const value of values) {
      const key = String((value as Record<string, unknown>)[field]);
      if (seen.has(key)) throw new DuplicateKeyError(this.name, field, key);
      seen.add(key);
    }
  }

  /** 412 and 404 on an item write: the caller gets the current version, or learns the item is gone. */
  private async translateWrite(error: unknown, id: string, value?: T): Promise<Error> {
    if (statusOf(error) === 404) return new NotFoundError(this.name, id);
    if (statusOf(error) === 412) {
      const current = await this.get(id);
      return current ? new ConflictError(this.name, id, current) : new NotFoundError(this.name, id);
    }
    return this.translate(error, `item ${id}`, value);
  }

  private async translateAsync<R>(run: () => Promise<R>, what: string): Promise<R> {
    try {
      return await run();
    } catch (error) {
      throw this.translate(error, what);
    }
  }

  private translate(error: unknown, what: string, value?: T): Error {
    if (!(error instanceof GraphCallError)) return error instanceof Error ? error : new Error(String(error));
    if (isDuplicateValue(error.failure)) {
      const field = this.spec.uniqueKey;
      return field
        ? new DuplicateKeyError(this.name, field, String((value as Record<string, unknown> | undefined)?.[field]))
        : new DuplicateKeyError(this.name, CREATE_KEY_COLUMN, '(request key)');
    }
    return unavailable(error.failure, this.ctx.siteId, `${what} in list ${this.ctx.list.listName}`);
  }
}

function ifMatchHeader(ifMatch: string): Record<string, string> {
  return { 'If-Match': ifMatch };
}
