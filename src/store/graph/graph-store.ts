import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { inSharedRead } from '../call-scope';
import { COLLECTION_NAMES, type CollectionName, type CollectionRecord } from '../collections';
import { StoreUnavailableError } from '../errors';
import { BULK_PAGE, type Collection, type RegisterStore } from '../store';
import type { BatchRunOptions } from './batch-runner';
import { type RetryPolicy, createGraphClient } from './client';
import { listSpecOf } from './columns';
import { GraphApi, GraphCallError } from './graph-api';
import { unavailable } from './graph-errors';
import { GraphCollection } from './graph-collection';
import { provisionLists } from './provisioning';

export interface GraphStoreOptions {
  /** `{hostname},{site-collection-id},{web-id}` of the one site the app holds a Sites.Selected grant on. */
  siteId: string;
  authProvider: AuthenticationProvider;
  baseUrl?: string;
  pageSize?: number;
  /** items per request of a whole-query read (a task that needs every open action, the annex); at most 5 000 */
  bulkPageSize?: number;
  listPrefix?: string;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  /** when a person waits for the answer: the time (ms since epoch) by which it is due; retries stop short of it */
  deadline?: () => number | undefined;
  batch?: BatchRunOptions;
  /** the longest one call may take when no person waits (while one does: the request's deadline); no limit by default */
  backgroundCallMs?: number;
  /** where skipped items (not written by this app) are reported; console.warn by default */
  warn?: (message: string) => void;
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_USER_AGENT = 'NONISV|SynergyRegister|SynergyRegister/0.1.0';

/**
 * The register kept in SharePoint lists of one site, through Microsoft Graph.
 *
 * - One list per collection; the record is the JSON in RecordJson (validated with the collection's schema on
 *   read), indexed fields are mirrored into typed, indexed columns so `$filter` stays on indexed columns only.
 * - Ids are the list item ids; eTags are the item eTags. After a PATCH of the fields, the new eTag is read from
 *   the returned fieldValueSet's `@odata.etag` (the same value as the item's eTag), which saves a follow-up GET.
 * - Retries of whole requests belong to the SDK's RetryHandler; only throttled requests inside a $batch are
 *   re-queued by hand (see batch-runner.ts).
 */
export function createGraphStore(options: GraphStoreOptions): RegisterStore {
  const baseUrl = options.baseUrl ?? DEFAULT_GRAPH_BASE_URL;
  const prefix = options.listPrefix ?? 'SynergyRegister';
  const pageSize = options.pageSize ?? 200;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be a positive integer');
  // SharePoint's largest page of list items: a whole-list read of 50 000 costs 10 requests, not 250
  const bulkPageSize = Math.max(pageSize, options.bulkPageSize ?? BULK_PAGE);
  // A read shared by several requests runs on its own budget, never the deadline of the request that started it.
  const deadline = () => (inSharedRead() ? undefined : options.deadline?.());
  const client = createGraphClient({
    baseUrl,
    authProvider: options.authProvider,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    retry: options.retry,
    deadline,
  });
  const api = new GraphApi(client, baseUrl, { deadline, backgroundCallMs: options.backgroundCallMs });
  const lists = COLLECTION_NAMES.map((name) => listSpecOf(name, prefix));
  let listIds: Map<CollectionName, string> | undefined;

  const listIdOf = (name: CollectionName) => () => {
    const id = listIds?.get(name);
    if (!id) throw new StoreUnavailableError('The SharePoint store is not initialised: call init() first');
    return id;
  };
  const collections = Object.fromEntries(
    lists.map((list) => [
      list.collection,
      new GraphCollection({
        api,
        siteId: options.siteId,
        list,
        pageSize,
        bulkPageSize,
        listId: listIdOf(list.collection),
        batch: options.batch,
        warn: options.warn ?? ((m) => console.warn(`[synergy-register] ${m}`)),
      }),
    ]),
  ) as unknown as { [K in CollectionName]: Collection<CollectionRecord<K>> };

  return {
    ...collections,
    kind: 'graph',
    async init() {
      try {
        listIds = await provisionLists(api, options.siteId, lists);
      } catch (error) {
        if (error instanceof GraphCallError) throw unavailable(error.failure, options.siteId, `the set-up of the register lists on site ${options.siteId}`);
        throw error;
      }
    },
    async close() {
      listIds = undefined;
    },
  };
}
