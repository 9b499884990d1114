import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { describeStoreContract } from './store-contract';

describeStoreContract('local', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'synergy-contract-'));
  const open: RegisterStore[] = [];
  const start = async () => {
    const store = createLocalStore(dir);
    await store.init();
    open.push(store);
    return store;
  };
  return {
    store: await start(),
    reopen: start,
    cleanup: async () => {
      for (const store of open) await store.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
});
