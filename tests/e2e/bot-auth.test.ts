import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { createBotSurface } from '../../bot/surface';
import { type FakeConnector, messageActivity, postActivity, startFakeConnector, TEAMS_TENANT_ID, validateCard } from '../fakes/bot-connector';
import { startTestServer, type TestServer } from '../support/server';

/**
 * With bot credentials configured, the Teams SDK authenticates /api/messages: no token or a bad one is
 * 401; a token signed by the (fake) Bot Framework key for our app id is accepted. The SDK reads the
 * JWKS through its cloud-environment overrides, which point at the fake connector: nothing goes online.
 */

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
let connector: FakeConnector;
let server: TestServer;
const user = { id: '29:eve', name: 'Eve', aadObjectId: 'aad-eve' };
const where = { conversationId: 'a:eve' };
/** the bot's own outgoing token (the SDK parses it as a JWT) */
let outgoing: string;

beforeAll(async () => {
  connector = await startFakeConnector();
  outgoing = connector.signToken({ aud: 'https://api.botframework.com', serviceurl: connector.url });
  const surface = createBotSurface({
    cloud: withOverrides(PUBLIC, { openIdMetadataUrl: connector.openIdMetadataUrl }),
    token: () => outgoing,
  });
  server = await startTestServer({
    demoData: false,
    env: { CLIENT_ID, CLIENT_SECRET: 'not-a-real-secret', TENANT_ID: TEAMS_TENANT_ID },
    surfaces: [surface],
  });
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

test('no Authorization header → 401, and nothing is sent', async () => {
  const res = await postActivity(server.url, messageActivity(connector.url, 'help', user, where));
  expect(res.status).toBe(401);
  expect(connector.activities).toHaveLength(0);
});

test('a token that is not a valid JWT → 401', async () => {
  const res = await postActivity(server.url, messageActivity(connector.url, 'help', user, where), 'not.a.jwt');
  expect(res.status).toBe(401);
});

test('a token signed by another key, or for another app, or another service URL → 401', async () => {
  const other = await startFakeConnector();
  try {
    const foreign = other.signToken({ aud: CLIENT_ID, serviceurl: connector.url });
    expect((await postActivity(server.url, messageActivity(connector.url, 'help', user, where), foreign)).status).toBe(401);
  } finally {
    await other.close();
  }
  const wrongAudience = connector.signToken({ aud: 'someone-else', serviceurl: connector.url });
  expect((await postActivity(server.url, messageActivity(connector.url, 'help', user, where), wrongAudience)).status).toBe(401);
  const wrongServiceUrl = connector.signToken({ aud: CLIENT_ID, serviceurl: 'https://smba.example.org' });
  expect((await postActivity(server.url, messageActivity(connector.url, 'help', user, where), wrongServiceUrl)).status).toBe(401);
  const expired = connector.signToken({ aud: CLIENT_ID, serviceurl: connector.url, expiresInSeconds: -3600 });
  expect((await postActivity(server.url, messageActivity(connector.url, 'help', user, where), expired)).status).toBe(401);
  expect(connector.activities).toHaveLength(0);
});

test('a valid Bot Framework token → 200; the reply carries the bot token', async () => {
  const token = connector.signToken({ aud: CLIENT_ID, serviceurl: connector.url });
  const res = await postActivity(server.url, messageActivity(connector.url, 'help', user, where), token);
  expect(res.status).toBe(200);
  expect(connector.activities).toHaveLength(1);
  expect(connector.activities[0].authorization).toBe(`Bearer ${outgoing}`);
  expect(validateCard(connector.cards()[0])).toEqual([]);
});
