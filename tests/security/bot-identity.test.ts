import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { identityProblem } from '../../bot/identity';
import { createBotSurface } from '../../bot/surface';
import {
  cardTexts,
  executeActivity,
  type FakeConnector,
  messageActivity,
  postActivity,
  startFakeConnector,
  TEAMS_TENANT_ID,
  type Where,
} from '../fakes/bot-connector';
import type { GraphFake } from '../fakes/graph-fake';
import { ANN, directoryWithRoles, RITA, SAM, tenantRoleSource } from '../support/entra-roles';
import { startTestServer, type TestServer } from '../support/server';

/**
 * A valid Bot Framework token proves the Bot Connector sent the activity, not who is in its `from`: the bot acts
 * only on Teams-channel activities carrying the person's Entra object id (aadObjectId) from the configured tenant.
 * Each forged case below comes with a valid token; the reader Rita tries to pass as the secretary Sam to close
 * the editor Ann's poll, and is refused politely with nothing changed.
 */

const APP_ID = '7e7e7e7e-1111-4222-8333-444444444444';
const where: Where = { conversationId: '19:identity@thread.tacv2', teamId: 'team-identity', channelId: '19:identity@thread.tacv2' };

let graph: GraphFake;
let connector: FakeConnector;
let server: TestServer;
let token: string;
let pollId: string;

beforeAll(async () => {
  graph = await directoryWithRoles(
    APP_ID,
    [ANN, RITA, SAM],
    [
      { role: 'reader', to: RITA },
      { role: 'editor', to: ANN },
      { role: 'secretary', to: SAM },
    ],
  );
  connector = await startFakeConnector();
  const outgoing = connector.signToken({ aud: 'https://api.botframework.com', serviceurl: connector.url });
  token = connector.signToken({ aud: APP_ID, serviceurl: connector.url });
  const roles = tenantRoleSource(graph, APP_ID, TEAMS_TENANT_ID);
  server = await startTestServer({
    demoData: false,
    env: { CLIENT_ID: APP_ID, CLIENT_SECRET: 'not-a-real-secret', TENANT_ID: TEAMS_TENANT_ID, DIGESTS: 'false' },
    surfaces: [
      createBotSurface({
        cloud: withOverrides(PUBLIC, { openIdMetadataUrl: connector.openIdMetadataUrl }),
        token: () => outgoing,
        sweepIntervalMs: 60_000,
        roles,
      }),
    ],
  });
  await server.register.focusGroups.create({ domain: 'ICT', name: { nl: 'Focusgroep ICT', fr: 'Groupe de travail TIC' } });
  expect((await postActivity(server.url, messageActivity(connector.url, 'poll Which day? | Monday | Tuesday', ANN, where), token)).status).toBe(200);
  pollId = (await server.register.store.polls.list())[0].id;
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
  await graph?.close();
});

/** Rita's button press, claiming to be Sam in the way each forged case does. */
function forgedClose(change: (activity: ReturnType<typeof executeActivity>) => void, locale = 'en-US') {
  const activity = executeActivity(connector.url, 'poll.close', { verb: 'poll.close', pollId }, { id: SAM.aadObjectId, name: SAM.name }, where, { locale });
  change(activity);
  return postActivity(server.url, activity, token);
}

const pollStatus = async () => (await server.register.store.polls.get(pollId))!.status;

test.each([
  ['Direct Line, from.id set to the secretary’s object id, no aadObjectId', 'directline', 'person'],
  ['Web Chat, the same', 'webchat', 'person'],
  ['Teams, the same', 'msteams', 'person'],
])('%s → refused, the poll stays open', async (_case, channelId, problem) => {
  const res = await forgedClose((a) => Object.assign(a, { channelId }));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'identity_not_vouched', innerHttpError: { statusCode: 403 } },
  });
  expect(res.body.value.message).toBe(
    channelId === 'msteams' && problem === 'person'
      ? 'Sorry, Teams did not tell me who you are (no Microsoft account came with this message), so I cannot act on it. Nothing was changed.'
      : 'Sorry, I only work in Microsoft Teams, where I know who you are. Nothing was changed.',
  );
  expect(await pollStatus()).toBe('open');
});

test('Direct Line even with an aadObjectId, and Teams from another tenant, are refused in the person’s language', async () => {
  const directLine = await forgedClose((a) => Object.assign(a, { channelId: 'directline', from: { ...SAM, role: 'user' } }), 'fr-BE');
  expect(directLine.body.value.message).toBe(
    'Désolé, je ne fonctionne que dans Microsoft Teams\u00a0: c’est là que je sais qui vous êtes. Rien n’a été modifié.',
  );
  const otherTenant = await forgedClose((a) => {
    Object.assign(a, { from: { ...SAM, role: 'user' }, channelData: { ...a.channelData, tenant: { id: 'ffffffff-1111-4222-8333-444444444444' } } });
    a.conversation.tenantId = 'ffffffff-1111-4222-8333-444444444444';
  }, 'nl-BE');
  expect(otherTenant.body.value.message).toBe(
    'Sorry, ik werk alleen voor de organisatie waarvoor ik ben ingesteld, en dit bericht komt van een andere. Er werd niets gewijzigd.',
  );
  expect(await pollStatus()).toBe('open');
});

test('a forged typed command gets a reply saying why, and starts nothing', async () => {
  const before = connector.activities.length;
  const forged = {
    ...messageActivity(connector.url, 'poll Forged? | Yes | No', { id: SAM.aadObjectId, name: SAM.name }, where, 'fr-BE'),
    channelId: 'webchat',
  };
  expect((await postActivity(server.url, forged, token)).status).toBe(200);
  expect(connector.activities.slice(before).map((a) => a.body.text)).toEqual([
    'Désolé, je ne fonctionne que dans Microsoft Teams\u00a0: c’est là que je sais qui vous êtes. Rien n’a été modifié.',
  ]);
  expect(await server.register.store.polls.list()).toHaveLength(1);
});

test('the real secretary, as Teams sends her, closes the poll (the check lets through who Teams vouches for)', async () => {
  const res = await postActivity(server.url, executeActivity(connector.url, 'poll.close', { verb: 'poll.close', pollId }, SAM, where), token);
  expect(cardTexts(res.body.value).join('\n')).toMatch(/Closed on/);
  expect(await pollStatus()).toBe('closed');
});

test('the rule itself: channel, then person, then tenant (any case of the GUID)', () => {
  const teams = {
    channelId: 'msteams',
    from: { id: '29:x', name: 'X', aadObjectId: 'aad-x' },
    conversation: { id: 'c', tenantId: TEAMS_TENANT_ID },
    channelData: {},
  } as never;
  expect(identityProblem(teams, TEAMS_TENANT_ID.toUpperCase())).toBeUndefined();
  expect(identityProblem({ ...(teams as object), channelId: 'emulator' } as never, TEAMS_TENANT_ID)).toBe('channel');
  expect(identityProblem({ ...(teams as object), from: { id: 'aad-x', name: 'X' } } as never, TEAMS_TENANT_ID)).toBe('person');
  expect(identityProblem({ ...(teams as object), conversation: { id: 'c' } } as never, TEAMS_TENANT_ID)).toBe('tenant');
  // no tenant configured: the channel and the person still count
  expect(identityProblem({ ...(teams as object), conversation: { id: 'c' } } as never, undefined)).toBeUndefined();
});
