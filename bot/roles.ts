import { APP_ROLE_VALUES, type Capability, CAPABILITIES, can, highestRole, type Role } from '../src/domain';
import { cachedRoles, configuredRoles, fixedRoles, parseRoleAssignments, type RoleSource } from '../src/register';
import type { AppConfig } from '../src/host';
import type { Logger } from '../src/host';
import { createGraphAuthProvider, DEFAULT_USER_AGENT, MsalTokenSource, type TokenSource } from '../src/store/graph';
import { createGraphClient } from '../src/store/graph';
import { GraphApi } from '../src/store/graph';
import { GraphRoleSource } from './graph-roles';
import type { Turn } from './turn';

/**
 * Where the bot learns people's register roles (Teams gives it no `roles` claim): ROLE_ASSIGNMENTS when set;
 * in local mode everyone acts as admin, as the API does; in a tenant, the app role assignments in Entra ID
 * through Graph (app-only token), kept ROLE_CACHE_SECONDS.
 */
export function roleSourceFor(config: AppConfig, logger: Logger, tokenSource?: TokenSource): RoleSource {
  if (config.roles.assignments) return configuredRoles(parseRoleAssignments(config.roles.assignments));
  if (config.auth.mode === 'local') return fixedRoles(['admin']);
  const { tenantId, clientId, clientSecret, authorityHost } = config.entra;
  if (!clientId || (!clientSecret && !tokenSource) || !tenantId) {
    logger.warn(
      'The bot cannot read app role assignments without CLIENT_ID, CLIENT_SECRET and TENANT_ID: nobody may use it (set ROLE_ASSIGNMENTS, or the credentials)',
    );
    return configuredRoles(new Map());
  }
  const tokens = tokenSource ?? new MsalTokenSource({ tenantId, clientId, clientSecret: clientSecret!, authorityHost });
  const baseUrl = config.roles.graphBaseUrl;
  const client = createGraphClient({ baseUrl, authProvider: createGraphAuthProvider(tokens), userAgent: DEFAULT_USER_AGENT });
  const ttlMs = config.roles.cacheSeconds * 1000;
  return cachedRoles(new GraphRoleSource(new GraphApi(client, baseUrl), { appId: clientId, ttlMs }), { ttlMs });
}

/** The roles' names as people read them. */
const ROLE_KEYS = { reader: 'role.reader', editor: 'role.editor', secretary: 'role.secretary', admin: 'role.admin' } as const;

/**
 * The same rules as the API's route policy, for the bot: each command and card button needs a capability
 * (src/register/authorization.ts); the person's roles come from the RoleSource. A refusal says, in the
 * person's language, what role it takes and what to do.
 */
export class RoleGate {
  constructor(
    private readonly source: RoleSource,
    private readonly logger: Logger,
  ) {}

  /** The turn with the person's roles, or the reply that refuses. `needs` null: anyone (help). */
  async admit(turn: Turn, needs: Capability | null): Promise<{ turn: Turn } | { refusal: string }> {
    let roles: Role[];
    try {
      roles = await this.source.rolesOf(turn.user.id);
    } catch (error) {
      this.logger.warn(`could not read the register roles of ${turn.user.id}: ${(error as Error)?.message ?? error}`);
      return { refusal: turn.t('error.rolesUnavailable') };
    }
    const admitted = { ...turn, user: { ...turn.user, roles } };
    if (needs === null || can(roles, needs)) return { turn: admitted };
    const top = highestRole(roles);
    const needed = CAPABILITIES[needs];
    if (!top) return { refusal: turn.t('error.noRole', { role: turn.t(ROLE_KEYS.reader), value: APP_ROLE_VALUES.reader }) };
    return { refusal: turn.t('error.needsRole', { needed: turn.t(ROLE_KEYS[needed]), role: turn.t(ROLE_KEYS[top]) }) };
  }
}
