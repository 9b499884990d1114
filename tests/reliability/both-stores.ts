import { serverStore } from '../../src/server/store';
import type { TokenSource } from '../../src/store/graph';
import { type GraphFake, type GraphFakeOptions, startGraphFake } from '../fakes/graph-fake';
import { startTestServer, type TestServer } from '../support/server';

/** The real server on each store: the embedded one, and SharePoint through the Graph fake (read cache on, as in production). */
export interface ServerOnStore {
  server: TestServer;
  fake?: GraphFake;
  stop(): Promise<void>;
}

const tokens: TokenSource = { appOnly: async () => 'app-token', onBehalfOf: async () => 'obo-token' };

export const STORE_KINDS = ['local', 'graph'] as const;

export async function startServerOn(
  kind: (typeof STORE_KINDS)[number],
  env: Record<string, string> = {},
  fakeOptions: GraphFakeOptions = {},
): Promise<ServerOnStore> {
  if (kind === 'local') {
    const server = await startTestServer({ demoData: false, env });
    return { server, stop: () => server.stop() };
  }
  const fake = await startGraphFake({ batchOrder: 'random', ...fakeOptions });
  const server = await startTestServer({
    demoData: false,
    env: {
      STORE: 'graph',
      GRAPH_BASE_URL: fake.url,
      GRAPH_SITE_ID: fake.siteId,
      TENANT_ID: '11111111-1111-1111-1111-111111111111',
      CLIENT_ID: '22222222-2222-2222-2222-222222222222',
      CLIENT_SECRET: 'not-a-real-secret',
      ...env,
    },
    store: (config) => serverStore(config, { tokenSource: tokens }),
  });
  return {
    server,
    fake,
    async stop() {
      await server.stop();
      await fake.close();
    },
  };
}
