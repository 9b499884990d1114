import { ROLES, type Role } from '../domain';

/**
 * Who has which register role, by Entra object id: what the bot asks, since Teams gives it no `roles` claim
 * (the API and the tab read the claim of the caller's token). Adapters: the app role assignments in Entra ID
 * (bot/graph-roles.ts), a fixed list from the configuration, everyone as admin in local mode.
 */
export interface RoleSource {
  /** The person's register roles (none: they may not use the register). Throws when the source cannot answer. */
  rolesOf(objectId: string): Promise<Role[]>;
}

/** Everyone has these roles: local mode, where the one developer on this machine acts as admin. */
export function fixedRoles(roles: readonly Role[]): RoleSource {
  return { rolesOf: async () => [...roles] };
}

export class RoleAssignmentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleAssignmentsError';
  }
}

/**
 * `objectId=role` pairs separated by commas, semicolons or new lines (ROLE_ASSIGNMENTS), e.g.
 * `0b1c…=editor, 7f2e…=reader`. A person may be named more than once. Throws on anything else.
 */
export function parseRoleAssignments(text: string): Map<string, Role[]> {
  const map = new Map<string, Role[]>();
  for (const part of text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, role, extra] = part.split('=').map((s) => s.trim());
    if (!id || extra !== undefined || !(ROLES as readonly string[]).includes(role?.toLowerCase() ?? '')) {
      throw new RoleAssignmentsError(`ROLE_ASSIGNMENTS: "${part}" is not objectId=role with a role among ${ROLES.join(', ')}`);
    }
    map.set(id, [...new Set([...(map.get(id) ?? []), role.toLowerCase() as Role])]);
  }
  return map;
}

/** The roles the configuration names; anyone else has none. */
export function configuredRoles(assignments: ReadonlyMap<string, readonly Role[]>): RoleSource {
  return { rolesOf: async (objectId) => [...(assignments.get(objectId) ?? [])] };
}

export interface RoleCacheOptions {
  ttlMs: number;
  now?: () => number;
}

/**
 * Keeps each person's roles for a short while (a card action should not wait for Entra ID each time; a change
 * of assignment shows within `ttlMs`). Concurrent lookups of one person share one; a failed lookup is not kept.
 */
export function cachedRoles(source: RoleSource, options: RoleCacheOptions): RoleSource {
  const now = options.now ?? (() => Date.now());
  const kept = new Map<string, { at: number; roles: Promise<Role[]> }>();
  return {
    async rolesOf(objectId) {
      const hit = kept.get(objectId);
      if (hit && now() - hit.at < options.ttlMs) return [...(await hit.roles)];
      const entry = { at: now(), roles: source.rolesOf(objectId) };
      kept.set(objectId, entry);
      entry.roles.catch(() => kept.get(objectId) === entry && kept.delete(objectId));
      return [...(await entry.roles)];
    },
  };
}
