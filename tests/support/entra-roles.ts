import { roleSourceFor } from '../../bot/roles';
import { APP_ROLE_VALUES, type Role } from '../../src/domain/authorization';
import { loadConfig } from '../../src/host/config';
import { consoleLogger } from '../../src/host/logger';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';

/** A person as Teams names them in an activity: their Teams id, name and Entra object id. */
export interface TeamsPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

/** The people the role suites act as: an editor, a reader and a secretary. */
export const ANN: TeamsPerson = { id: '29:ann', name: 'Ann Peeters', aadObjectId: 'aad-ann' };
export const RITA: TeamsPerson = { id: '29:rita', name: 'Rita Lemaire', aadObjectId: 'aad-rita' };
export const SAM: TeamsPerson = { id: '29:sam', name: 'Sam Secretaris', aadObjectId: 'aad-sam' };

/**
 * Entra ID as an administrator set it up (in the Graph fake): the app's service principal with the register's app
 * roles, these people, and each assignment — to a person, or to a group of them (`members`).
 */
export async function directoryWithRoles(
  appId: string,
  people: readonly TeamsPerson[],
  assignments: ReadonlyArray<{ role: Role; to: TeamsPerson } | { role: Role; group: string; members: readonly TeamsPerson[] }>,
): Promise<GraphFake> {
  const graph = await startGraphFake();
  const d = graph.directory;
  const sp = d.addServicePrincipal(
    appId,
    Object.values(APP_ROLE_VALUES).map((value) => ({ value })),
  );
  for (const who of people) d.addUser(who.aadObjectId, who.name);
  for (const a of assignments) {
    if ('to' in a) d.assign(sp.id, APP_ROLE_VALUES[a.role], a.to.aadObjectId);
    else {
      d.addGroup(
        a.group,
        a.group,
        a.members.map((m) => m.aadObjectId),
      );
      d.assign(sp.id, APP_ROLE_VALUES[a.role], a.group);
    }
  }
  return graph;
}

/** The production wiring of the bot's roles for a tenant (roleSourceFor with tenant settings), with a fixed app-only token. */
export function tenantRoleSource(graph: GraphFake, appId: string, tenantId: string): ReturnType<typeof roleSourceFor> {
  const tenant = loadConfig({ AUTH_MODE: 'entra', TENANT_ID: tenantId, CLIENT_ID: appId, GRAPH_BASE_URL: graph.url, ROLE_CACHE_SECONDS: '60' });
  return roleSourceFor(tenant, consoleLogger('silent'), { appOnly: async () => 'app-token', onBehalfOf: async () => 'never' });
}
