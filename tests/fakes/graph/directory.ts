import { randomUUID } from 'node:crypto';
import { type FakeResponse, graphError, ok } from './responses';

/**
 * The part of Entra ID that Graph shows for app roles, after the documented contract
 * (api/serviceprincipal-get.md with the appId alternate key, api/serviceprincipal-list-approleassignedto.md,
 * api/user-list-memberof.md, resources/approleassignment.md, concepts/paging.md, concepts/errors.md):
 * - GET /servicePrincipals(appId='{appId}') and GET /servicePrincipals/{id} → the servicePrincipal with appRoles;
 * - GET /servicePrincipals/{id}/appRoleAssignedTo → appRoleAssignment objects, paged ($top up to 999,
 *   100 by default) with an opaque $skiptoken in @odata.nextLink;
 * - GET /users/{id}/memberOf → the groups (directoryObjects with @odata.type) the user is a DIRECT member of, paged;
 * - an unknown object → 404 Request_ResourceNotFound.
 * $select is accepted and, as Graph does, @odata.type and id are always returned.
 */

export interface FakeAppRole {
  id: string;
  value: string;
  displayName?: string;
  isEnabled?: boolean;
}

interface Assignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: 'User' | 'Group' | 'ServicePrincipal';
  principalDisplayName: string;
  resourceId: string;
  createdDateTime: string;
}

const DEFAULT_TOP = 100;
const MAX_TOP = 999;

export class FakeDirectory {
  private readonly principals = new Map<string, { id: string; appId: string; displayName: string; appRoles: FakeAppRole[] }>();
  private readonly assignments: Assignment[] = [];
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, { name: string; members: Set<string> }>();
  /** requests answered, by kind: what a test checks to see what a cache saved */
  readonly calls: string[] = [];

  /** The enterprise application of an app registration, with the app roles its manifest declares. */
  addServicePrincipal(appId: string, appRoles: ReadonlyArray<Omit<FakeAppRole, 'id'> & { id?: string }>): { id: string; appRoles: FakeAppRole[] } {
    const id = randomUUID();
    const roles = appRoles.map((r) => ({ isEnabled: true, displayName: r.value, ...r, id: r.id ?? randomUUID() }));
    this.principals.set(id, { id, appId, displayName: `App ${appId}`, appRoles: roles });
    return { id, appRoles: roles };
  }

  addUser(id: string, name: string): void {
    this.users.set(id, name);
  }

  addGroup(id: string, name: string, memberIds: readonly string[] = []): void {
    this.groups.set(id, { name, members: new Set(memberIds) });
  }

  /** Assigns the app role (by its value) of the service principal to a user or a group. */
  assign(servicePrincipalId: string, roleValue: string, principalId: string): void {
    const sp = this.principals.get(servicePrincipalId);
    const role = sp?.appRoles.find((r) => r.value === roleValue);
    if (!sp || !role) throw new Error(`the fake directory has no service principal ${servicePrincipalId} with the role ${roleValue}`);
    const group = this.groups.get(principalId);
    const user = this.users.get(principalId);
    if (!group && !user) throw new Error(`the fake directory has no user or group ${principalId}`);
    this.assignments.push({
      id: randomUUID(),
      appRoleId: role.id,
      principalId,
      principalType: group ? 'Group' : 'User',
      principalDisplayName: group ? group.name : user!,
      resourceId: sp.id,
      createdDateTime: new Date().toISOString(),
    });
  }

  unassign(principalId: string): void {
    for (let i = this.assignments.length - 1; i >= 0; i--) if (this.assignments[i].principalId === principalId) this.assignments.splice(i, 1);
  }

  /** Answers a directory call, or undefined when the path is not one of the directory's. */
  route(method: string, segments: readonly string[], query: URLSearchParams, pathUrl: string): FakeResponse | undefined {
    const [head, id, relation, ...rest] = segments;
    const alternateKey = /^servicePrincipals\(appId='([^']*)'\)$/.exec(head ?? '');
    if (head !== 'servicePrincipals' && head !== 'users' && !alternateKey) return undefined;
    if (method !== 'GET') return graphError(405, 'Request_BadRequest', `${method} is not supported by this fake on /${segments.join('/')}`);
    if (alternateKey) {
      this.calls.push('servicePrincipal.get');
      if (id !== undefined) return graphError(400, 'Request_BadRequest', 'Unsupported segment after the alternate key.');
      const sp = [...this.principals.values()].find((p) => p.appId === alternateKey[1]);
      return sp ? ok(this.servicePrincipalBody(sp)) : notFound(alternateKey[1]);
    }
    if (head === 'servicePrincipals') {
      const sp = id ? this.principals.get(id) : undefined;
      if (!sp) return notFound(id ?? '');
      if (relation === undefined) {
        this.calls.push('servicePrincipal.get');
        return ok(this.servicePrincipalBody(sp));
      }
      if (relation === 'appRoleAssignedTo' && rest.length === 0) {
        this.calls.push('appRoleAssignedTo.list');
        return this.page(
          this.assignments.filter((a) => a.resourceId === sp.id).map((a) => ({ ...a, deletedDateTime: null, resourceDisplayName: sp.displayName })),
          query,
          pathUrl,
          "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('" + sp.id + "')/appRoleAssignedTo",
        );
      }
    }
    if (head === 'users' && id && relation === 'memberOf' && rest.length === 0) {
      this.calls.push('memberOf.list');
      if (!this.users.has(id)) return notFound(id);
      const groups = [...this.groups.entries()]
        .filter(([, g]) => g.members.has(id))
        .map(([gid, g]) => ({ '@odata.type': '#microsoft.graph.group', id: gid, displayName: g.name }));
      return this.page(groups, query, pathUrl, 'https://graph.microsoft.com/v1.0/$metadata#directoryObjects');
    }
    return graphError(400, 'Request_BadRequest', `Unsupported resource path /${segments.join('/')}`);
  }

  private servicePrincipalBody(sp: { id: string; appId: string; displayName: string; appRoles: FakeAppRole[] }) {
    return {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity',
      id: sp.id,
      appId: sp.appId,
      displayName: sp.displayName,
      appRoles: sp.appRoles.map((r) => ({ allowedMemberTypes: ['User', 'Application'], description: r.displayName, origin: 'Application', ...r })),
    };
  }

  /** paging.md: a page of at most $top, and a nextLink carrying an opaque skip token while more remain. */
  private page(all: readonly object[], query: URLSearchParams, pathUrl: string, context: string): FakeResponse {
    const asked = Number(query.get('$top') ?? DEFAULT_TOP);
    if (!Number.isInteger(asked) || asked < 1 || asked > MAX_TOP)
      return graphError(400, 'Request_BadRequest', `Invalid page size specified: '${query.get('$top')}'. Must be between 1 and ${MAX_TOP} inclusive.`);
    const skip = query.get('$skiptoken') ? Number(Buffer.from(query.get('$skiptoken')!, 'base64url').toString()) : 0;
    const value = all.slice(skip, skip + asked);
    const body: Record<string, unknown> = { '@odata.context': context, value };
    if (skip + asked < all.length) {
      const next = new URLSearchParams(query);
      next.set('$skiptoken', Buffer.from(String(skip + asked)).toString('base64url'));
      body['@odata.nextLink'] = `${pathUrl}?${next.toString()}`;
    }
    return ok(body);
  }
}

function notFound(id: string): FakeResponse {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}
