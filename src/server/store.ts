import { createStore } from '../store';
import type { TokenSource } from '../store/graph';
import type { RegisterStore } from '../store';
import type { AppConfig } from '../host';
import { currentDeadline } from '../host';

/** The store as the server uses it: Graph retries made while a person waits give up at the request's deadline. */
export function serverStore(config: AppConfig, options: { tokenSource?: TokenSource } = {}): RegisterStore {
  return createStore(config, { ...options, deadline: currentDeadline });
}
