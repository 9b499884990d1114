import type { AppConfig } from '../server/config';
import { createGraphAuthProvider, createGraphStore, MsalTokenSource, type TokenSource } from './graph';
import { createLocalStore } from './local/local-store';
import { withReadCache } from './read-cache';
import type { RegisterStore } from './store';

/**
 * The store the configuration asks for: the embedded one by default, SharePoint lists in a tenant.
 * `tokenSource` replaces msal (tests; Entra ID is unreachable here).
 */
export function createStore(config: AppConfig, options: { tokenSource?: TokenSource } = {}): RegisterStore {
  if (config.store.kind === 'local') return createLocalStore(config.store.dataDir);
  const { tenantId, clientId, clientSecret, authorityHost } = config.entra;
  const tokenSource = options.tokenSource ?? new MsalTokenSource({ tenantId: tenantId!, clientId: clientId!, clientSecret: clientSecret!, authorityHost });
  const graph = createGraphStore({
    siteId: config.store.siteId,
    baseUrl: config.store.baseUrl,
    listPrefix: config.store.listPrefix,
    pageSize: config.store.pageSize,
    authProvider: createGraphAuthProvider(tokenSource),
  });
  return config.store.cacheSeconds > 0 ? withReadCache(graph, { ttlMs: config.store.cacheSeconds * 1000 }) : graph;
}
