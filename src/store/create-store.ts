import type { AppConfig } from '../server/config';
import { createLocalStore } from './local/local-store';
import type { RegisterStore } from './store';

/** The store the configuration asks for: the embedded one by default, SharePoint lists in a tenant. */
export async function createStore(config: AppConfig): Promise<RegisterStore> {
  if (config.store.kind === 'local') return createLocalStore(config.store.dataDir);
  throw new Error('The SharePoint (Graph) store is not wired yet');
}
