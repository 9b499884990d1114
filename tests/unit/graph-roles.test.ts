import { GraphRoleSource } from '../../bot/graph-roles';
import { APP_ROLE_VALUES } from '../../src/domain/authorization';
import { GraphApi } from '../../src/store/graph/graph-api';
import { createGraphClient } from '../../src/store/graph/client';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';

/**
 * Register roles for the bot from Entra ID app role assignments, read through the Graph SDK from the Graph fake
 * (service principal by appId, appRoleAssignedTo paged, memberOf paged): as a token's `roles` claim would say.
 */

const APP_ID = '6c6c6c6c-1111-4222-8333-444444444444';
let graph: GraphFake;
let now = 0;
let sp: { id: string };

function source(ttlMs = 60_000): GraphRoleSource {
  const client = createGraphClient({
    baseUrl: graph.url,
    authProvider: { getAccessToken: async () => 'app-token' },
    userAgent: 'test',
    retry: { maxRetries: 0 },
  });
  return new GraphRoleSource(new GraphApi(client, graph.url), { appId: APP_ID, ttlMs, now: () => now });
}

beforeAll(async () => {
  graph = await startGraphFake();
  const d = graph.directory;
  d.addServicePrincipal('other-app', [{ value: APP_ROLE_VALUES.admin }]);
  sp = d.addServicePrincipal(APP_ID, [...Object.values(APP_ROLE_VALUES).map((value) => ({ value })), { value: 'Register.Retired', isEnabled: false }]);
  for (const [id, name] of [
    ['ann', 'Ann'],
    ['bert', 'Bert'],
    ['claire', 'Claire'],
    ['dave', 'Dave'],
    ['eve', 'Eve'],
  ])
    d.addUser(id, name);
  d.addGroup('g-secretariat', 'Secretariaat', ['bert', 'eve']);
  d.addGroup('g-nested', 'Nested', ['claire']);
  d.addGroup('g-council', 'Raad', ['g-nested']);
  d.addGroup('g-admins', 'Beheer', ['eve']);
  // Eve is in 120 other groups: her memberOf takes two pages
  for (let i = 0; i < 120; i++) d.addGroup(`g-other-${i}`, `Other ${i}`, ['eve']);
  // 1 200 other people with a role: the assignments take two pages of 999
  for (let i = 0; i < 1200; i++) {
    d.addUser(`u-${i}`, `User ${i}`);
    d.assign(sp.id, APP_ROLE_VALUES.reader, `u-${i}`);
  }
  d.assign(sp.id, APP_ROLE_VALUES.editor, 'ann');
  d.assign(sp.id, APP_ROLE_VALUES.secretary, 'g-secretariat');
  d.assign(sp.id, APP_ROLE_VALUES.secretary, 'g-council');
  d.assign(sp.id, APP_ROLE_VALUES.reader, 'eve');
  d.assign(sp.id, APP_ROLE_VALUES.admin, 'g-admins');
  d.assign(sp.id, 'Register.Retired', 'dave');
});

afterAll(() => graph?.close());

test('roles assigned to the person or to a group they are a direct member of; nested groups, disabled roles and other apps give none', async () => {
  const roles = source();
  expect(await roles.rolesOf('ann')).toEqual(['editor']);
  expect(await roles.rolesOf('bert')).toEqual(['secretary']);
  expect(await roles.rolesOf('claire')).toEqual([]);
  expect(await roles.rolesOf('dave')).toEqual([]);
  expect(await roles.rolesOf('eve')).toEqual(['reader', 'secretary', 'admin']);
  expect(await roles.rolesOf('u-1199')).toEqual(['reader']);
  // someone the directory does not know has no role (memberOf answers 404)
  expect(await roles.rolesOf('stranger')).toEqual([]);
});

test('the assignments are read once per time-to-live, with every page; a change shows after it', async () => {
  const roles = source(30_000);
  graph.directory.calls.length = 0;
  expect(await roles.rolesOf('ann')).toEqual(['editor']);
  expect(await roles.rolesOf('bert')).toEqual(['secretary']);
  expect(graph.directory.calls.filter((c) => c !== 'memberOf.list')).toEqual(['servicePrincipal.get', 'appRoleAssignedTo.list', 'appRoleAssignedTo.list']);

  graph.directory.unassign('ann');
  now += 10_000;
  expect(await roles.rolesOf('ann')).toEqual(['editor']);
  now += 25_000;
  expect(await roles.rolesOf('ann')).toEqual([]);
  expect(graph.directory.calls.filter((c) => c === 'servicePrincipal.get')).toHaveLength(2);
  graph.directory.assign(sp.id, APP_ROLE_VALUES.editor, 'ann');
});

test('Graph refusing (no permission) is an error, not "no role"', async () => {
  graph.failNext(1, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  await expect(source().rolesOf('ann')).rejects.toThrow(/403 Authorization_RequestDenied/);
});
