import { z } from 'zod';
import { type Role, rolesFromClaim } from '../src/domain';
import type { RoleSource } from '../src/register';
import { type GraphApi, statusOf } from '../src/store/graph';

/** servicePrincipal (the app's enterprise application): its id and the app roles it declares. */
const servicePrincipal = z.object({
  id: z.string(),
  appRoles: z.array(z.object({ id: z.string(), value: z.string().nullable().optional(), isEnabled: z.boolean().optional() }).passthrough()).default([]),
});

/** appRoleAssignment: who (a user, a group, a service principal) was given which of the app's roles. */
const assignmentsPage = z.object({
  value: z.array(z.object({ appRoleId: z.string(), principalId: z.string(), principalType: z.string().nullable().optional() }).passthrough()),
  '@odata.nextLink': z.string().optional(),
});

/** directoryObject collection (memberOf): groups, directory roles, administrative units. */
const memberOfPage = z.object({
  value: z.array(z.object({ id: z.string(), '@odata.type': z.string().optional() }).passthrough()),
  '@odata.nextLink': z.string().optional(),
});

interface Snapshot {
  at: number;
  /** role values per user, from direct assignments */
  users: Map<string, Set<string>>;
  /** role values per group (assigned to the group's direct members) */
  groups: Map<string, Set<string>>;
}

export interface GraphRoleSourceOptions {
  /** the app registration's client id (the service principal holds the role assignments) */
  appId: string;
  /** how long the app's assignments are kept before they are read again */
  ttlMs: number;
  now?: () => number;
}

/**
 * Register roles from Entra ID, as the `roles` claim of a token would carry them: the app roles assigned
 * to the person, or to a group the person is a direct member of (Entra ID does not pass app roles on to
 * members of nested groups), on the app's service principal. Needs the application permissions
 * Application.Read.All and GroupMember.Read.All (admin consent). Reads:
 * GET /servicePrincipals(appId='…') for the role definitions, GET /servicePrincipals/{id}/appRoleAssignedTo
 * (all pages) for the assignments — kept `ttlMs` — and, when groups hold roles, GET /users/{id}/memberOf.
 */
export class GraphRoleSource implements RoleSource {
  private snapshot?: Promise<Snapshot>;

  constructor(
    private readonly graph: GraphApi,
    private readonly options: GraphRoleSourceOptions,
  ) {}

  async rolesOf(objectId: string): Promise<Role[]> {
    const { users, groups } = await this.assignments();
    const values = new Set(users.get(objectId) ?? []);
    if (groups.size > 0) for (const id of await this.groupsOf(objectId)) for (const v of groups.get(id) ?? []) values.add(v);
    return rolesFromClaim([...values]);
  }

  /** The groups the person is a direct member of; none for someone the directory does not know (404). */
  private async groupsOf(objectId: string): Promise<string[]> {
    const ids: string[] = [];
    try {
      for await (const page of this.graph.pages(`/users/${encodeURIComponent(objectId)}/memberOf?$select=id`, memberOfPage)) {
        for (const member of page) if (member['@odata.type'] === '#microsoft.graph.group') ids.push(member.id);
      }
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    return ids;
  }

  private assignments(): Promise<Snapshot> {
    const now = this.options.now ?? Date.now;
    const current = this.snapshot;
    if (current) {
      // A snapshot being read, or read less than ttlMs ago, serves; an old or failed one is read again.
      const settled = current.then(
        (s) => now() - s.at < this.options.ttlMs,
        () => false,
      );
      return settled.then((fresh) => (fresh ? current : this.read(now)));
    }
    return this.read(now);
  }

  private read(now: () => number): Promise<Snapshot> {
    const reading = this.readSnapshot(now());
    this.snapshot = reading;
    reading.catch(() => this.snapshot === reading && (this.snapshot = undefined));
    return reading;
  }

  private async readSnapshot(at: number): Promise<Snapshot> {
    const sp = await this.graph.get(`/servicePrincipals(appId='${encodeURIComponent(this.options.appId)}')?$select=id,appRoles`, servicePrincipal);
    const valueOf = new Map(sp.appRoles.filter((r) => r.isEnabled !== false && r.value).map((r) => [r.id, r.value!]));
    const users = new Map<string, Set<string>>();
    const groups = new Map<string, Set<string>>();
    for await (const page of this.graph.pages(`/servicePrincipals/${encodeURIComponent(sp.id)}/appRoleAssignedTo?$top=999`, assignmentsPage)) {
      for (const a of page) {
        const value = valueOf.get(a.appRoleId);
        const into = a.principalType === 'User' ? users : a.principalType === 'Group' ? groups : undefined;
        if (!value || !into) continue;
        into.set(a.principalId, (into.get(a.principalId) ?? new Set()).add(value));
      }
    }
    return { at, users, groups };
  }
}
