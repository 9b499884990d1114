import type { TokenSource } from './graph';
import { createLocalStore } from './local';
import { withReadCache } from './read-cache';
import type { RegisterStore } from './store';
import { withTallies } from './tally';

/** Which store to open: the embedded one in a data folder, or the SharePoint lists of one site. */
export type StoreSettings =
  { kind: 'local'; dataDir: string } | { kind: 'graph'; siteId: string; baseUrl: string; listPrefix: string; pageSize: number; cacheSeconds: number };

/** The app registration the SharePoint store asks Microsoft Entra ID for Graph tokens with. */
export interface GraphCredentials {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  authorityHost?: string;
}

export interface CreateStoreOptions {
  /** when a person waits for the answer: the time (ms since epoch) by which it is due (Graph retries stop short of it) */
  deadline: () => number | undefined;
  /** replaces msal (tests; Entra ID is unreachable here) */
  tokenSource?: TokenSource;
}

/** The store the settings ask for: the embedded one by default, SharePoint lists in a tenant. */
export function createStore(settings: { store: StoreSettings; entra: GraphCredentials }, options: CreateStoreOptions): RegisterStore {
  const { store } = settings;
  if (store.kind === 'local') return createLocalStore(store.dataDir);
  // loaded only for SharePoint: msal and the Graph client would slow down every start on the embedded store
  const { createGraphAuthProvider, createGraphStore, MsalTokenSource } = require('./graph') as typeof import('./graph');
  const { tenantId, clientId, clientSecret, authorityHost } = settings.entra;
  const tokenSource = options.tokenSource ?? new MsalTokenSource({ tenantId: tenantId!, clientId: clientId!, clientSecret: clientSecret!, authorityHost });
  const graph = createGraphStore({
    siteId: store.siteId,
    baseUrl: store.baseUrl,
    listPrefix: store.listPrefix,
    pageSize: store.pageSize,
    authProvider: createGraphAuthProvider(tokenSource),
    deadline: options.deadline,
  });
  const cached = store.cacheSeconds > 0 ? withReadCache(graph, { ttlMs: store.cacheSeconds * 1000, deadline: options.deadline }) : graph;
  // on SharePoint a register page reads its counts from the tally instead of reading every entry
  return withTallies(cached);
}
