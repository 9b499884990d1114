import { assertWritable } from '../collections';
import { enterCreated, firstOfEachKey, inInputOrder } from '../create-once';
import { StoreUnavailableError } from '../errors';
import type { CreatedOnce, Replacement, Stored } from '../store';
import { type BatchRunOptions, runInBatches } from './batch-runner';
import { CREATE_KEY_COLUMN, fieldsOf, type ListSpec, newItemFieldsOf, RECORD_COLUMN } from './columns';
import type { ItemRecords } from './item-records';
import { type GraphApi, GraphCallError, type InnerResponse } from './graph-api';
import { failureFromBody, isDuplicateValue } from './graph-errors';
import { encodeQuery, fieldEquals } from './odata';
import { itemsPage, listItem, updatedFields } from './wire';

/** A create refused because a unique column already holds the value. */
interface Refused {
  position: number;
  refusal: InnerResponse;
}

/** What the batched writes need of their collection. */
export interface BatchedContext<T extends object> {
  api: GraphApi;
  batch?: BatchRunOptions;
  list: ListSpec;
  itemsPath: string;
  records: ItemRecords<T>;
  /** a Graph failure as the store's error (a duplicate of the collection's own unique key, unavailable…) */
  translate(error: GraphCallError, what: string, value?: T): Error;
}

/**
 * Creates the records whose create key no item holds yet, in `$batch` requests of 20, and finds the others.
 * The create goes first and the unique create-key column arbitrates: a first confirmation of an import costs exactly
 * one request per 20 records, with no read at all. An item that already holds its key (written by an earlier call cut
 * short, or by a racing call on another server, even inside the same batch round) is refused as a duplicate; only
 * those keys are then read, 20 `$filter` queries per `$batch`. Nothing is ever written twice.
 */
export async function createManyOnce<T extends object>(
  ctx: BatchedContext<T>,
  values: readonly T[],
  requestKeys: readonly string[],
): Promise<CreatedOnce<T>[]> {
  const firsts = firstOfEachKey(values, requestKeys);
  for (const position of firsts) assertWritable(ctx.list.collection, values[position]);
  const byKey = new Map<string, CreatedOnce<T>>();
  const posted = await send(
    ctx,
    firsts.map((position) => ({
      method: 'POST' as const,
      url: ctx.itemsPath,
      body: { fields: newItemFieldsOf(ctx.list, values[position], requestKeys[position]) },
    })),
    'the batch of new items',
  );
  const created: number[] = [];
  const records: Stored<T>[] = [];
  const taken: Refused[] = [];
  let failure: Error | undefined;
  posted.forEach((response, n) => {
    const position = firsts[n];
    if (response.status === 201 || response.status === 200) {
      created.push(position);
      records.push(identityOf(ctx, response, values[position]));
    } else if (isDuplicateValue(failureFromBody(response.status, response.body))) taken.push({ position, refusal: response });
    else failure ??= ctx.translate(new GraphCallError(failureFromBody(response.status, response.body)), 'a batched new item', values[position]);
  });
  // what was created is kept either way: the same call again finds it by its key
  if (failure) throw failure;
  enterCreated(byKey, requestKeys, created, records);
  await findHolders(ctx, values, requestKeys, taken, byKey);
  return inInputOrder(requestKeys, byKey);
}

/** The items holding the keys that were refused as duplicates: one `$filter` on the create-key column each, batched. */
async function findHolders<T extends object>(
  ctx: BatchedContext<T>,
  values: readonly T[],
  requestKeys: readonly string[],
  taken: readonly Refused[],
  byKey: Map<string, CreatedOnce<T>>,
): Promise<void> {
  if (taken.length === 0) return;
  const reads = await send(
    ctx,
    taken.map(({ position }) => ({
      method: 'GET' as const,
      url: `${ctx.itemsPath}${encodeQuery({ $expand: `fields($select=${RECORD_COLUMN})`, $filter: fieldEquals(CREATE_KEY_COLUMN, requestKeys[position]) })}`,
    })),
    'the read of items by their create key',
  );
  reads.forEach((response, n) => {
    const { position, refusal } = taken[n];
    if (response.status !== 200) throw ctx.translate(new GraphCallError(failureFromBody(response.status, response.body)), 'an item read by its create key');
    const page = itemsPage.safeParse(response.body);
    const holder = page.success ? page.data.value.map((item) => ctx.records.own(item)).find((record) => record !== undefined) : undefined;
    if (!holder) {
      // no item holds the key: the duplicate was the collection's own unique key (or the holder was removed since)
      throw ctx.translate(new GraphCallError(failureFromBody(refusal.status, refusal.body)), 'a batched new item', values[position]);
    }
    byKey.set(requestKeys[position], { record: holder, created: false });
  });
}

async function send<T extends object>(ctx: BatchedContext<T>, requests: Parameters<typeof runInBatches>[1], what: string): Promise<InnerResponse[]> {
  try {
    return await runInBatches(ctx.api, requests, ctx.batch);
  } catch (error) {
    throw error instanceof GraphCallError ? ctx.translate(error, what) : error;
  }
}

function identityOf<T extends object>(ctx: BatchedContext<T>, response: InnerResponse, value: T): Stored<T> {
  const item = listItem.safeParse(response.body);
  if (!item.success) throw new StoreUnavailableError(`Microsoft Graph answered a batched create at ${ctx.itemsPath} without an item id and eTag`);
  return ctx.records.withIdentity(value, item.data.id, item.data.eTag);
}

/**
 * Conditional replaces in `$batch` requests of 20, each PATCH carrying its own If-Match: SharePoint still refuses one
 * whose item changed since (412) or is gone (404), which answers undefined; the caller decides on the current version.
 */
export async function updateMany<T extends object>(ctx: BatchedContext<T>, changes: readonly Replacement<T>[]): Promise<Array<Stored<T> | undefined>> {
  for (const change of changes) assertWritable(ctx.list.collection, change.value);
  const known = changes.filter((change) => /^\d+$/.test(change.id));
  const responses = await send(
    ctx,
    known.map((change) => ({
      method: 'PATCH' as const,
      url: `${ctx.itemsPath}/${change.id}/fields`,
      body: fieldsOf(ctx.list, change.value),
      headers: { 'If-Match': change.ifMatch },
    })),
    'the batch of item changes',
  );
  const answers = new Map(known.map((change, n) => [change, responses[n]]));
  return changes.map((change) => {
    const response = answers.get(change);
    if (!response || response.status === 412 || response.status === 404) return undefined;
    const fields = updatedFields.safeParse(response.body);
    if (response.status === 200 && fields.success) return ctx.records.withIdentity(change.value, change.id, fields.data['@odata.etag']);
    throw ctx.translate(new GraphCallError(failureFromBody(response.status, response.body)), `item ${change.id}`, change.value);
  });
}
