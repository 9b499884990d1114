import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isLoopbackHost as isLoopback } from '../domain/links';
import { ROLES, type Role } from '../domain/authorization';
import type { StoreSettings } from '../store/create-store';

/**
 * Configuration: code defaults < env/.env.local (committed, no secrets) < env/.env.<ENV_NAME> (e.g.
 * env/.env.tenant, never committed) < the process environment. Secrets only ever come from the last two.
 */

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const rawConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  STORE: z.enum(['local', 'graph']).default('local'),
  DATA_DIR: z.string().default('./data'),
  DEMO_DATA: boolean.default('true'),
  AUTH_MODE: z.enum(['entra', 'local']).default('entra'),
  LOCAL_USER_NAME: z.string().default('Lokale ontwikkelaar (local mode)'),
  LOCAL_USER_EMAIL: z.string().email().default('developer@localhost.localdomain'),
  /** the local identity's role (admin: everything); lower it to see the app as a reader, an editor or a secretary does */
  LOCAL_ROLE: z.enum(ROLES).default('admin'),
  TENANT_ID: z.string().optional(),
  CLIENT_ID: z.string().optional(),
  CLIENT_SECRET: z.string().optional(),
  AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
  APPLICATION_ID_URI: z.string().optional(),
  ENTRA_JWKS_URI: z.string().url().optional(),
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_SITE_ID: z.string().optional(),
  GRAPH_LIST_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/).default('SynergyRegister'),
  GRAPH_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  GRAPH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  TEAMS_APP_ID: z.string().uuid().default('6f1f5c2e-3d0a-4a57-9c57-7a1b2c3d4e5f'),
  DEFAULT_LANGUAGE: z.enum(['nl', 'fr', 'en']).default('nl'),
  MUNICIPALITY_NL: z.string().default('Sint-Jans-Molenbeek'),
  MUNICIPALITY_FR: z.string().default('Molenbeek-Saint-Jean'),
  DIGESTS: boolean.default('true'),
  /** ISO weekday of the weekly overdue-action digests: 1 = Monday … 7 = Sunday */
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  /** Brussels time of the digests, HH:MM */
  DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('08:00'),
  /** the bot's register roles as `objectId=role` pairs, instead of reading the app role assignments in Entra ID */
  ROLE_ASSIGNMENTS: z.string().optional(),
  /** how long the bot keeps a person's roles read from Entra ID */
  ROLE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});

export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  store: StoreSettings;
  demoData: boolean;
  auth:
    | { mode: 'local'; user: { id: string; name: string; email: string }; role: Role }
    | { mode: 'entra'; tenantId: string; clientId: string; audiences: string[]; issuers: string[]; jwksUri: string };
  entra: { tenantId?: string; clientId?: string; clientSecret?: string; authorityHost: string; applicationIdUri?: string };
  teamsAppId: string;
  defaultLanguage: 'nl' | 'fr' | 'en';
  municipality: { nl: string; fr: string };
  /** the weekly overdue-action digests (Brussels time) */
  digests: { enabled: boolean; weekday: number; time: string };
  /** where the bot reads people's register roles (Teams gives it no roles claim): see bot/roles.ts */
  roles: { assignments?: string; cacheSeconds: number; graphBaseUrl: string };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export { isLoopbackHost as isLoopback } from '../domain/links';

/**
 * Local mode answers only this machine: serving it at a public address (a tunnel, a proxy) is refused at start.
 * Building manifests for such an address (npm run package, addin:manifest) stays possible.
 */
export function assertServable(config: AppConfig): void {
  if (config.auth.mode !== 'local') return;
  const publicHost = new URL(config.publicUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isLoopback(publicHost)) {
    throw new ConfigError(
      `AUTH_MODE=local relaxes authentication and only serves this machine, but PUBLIC_URL is ${config.publicUrl}: ` +
        'behind a tunnel or proxy use tenant mode (AUTH_MODE=entra, see "Running against a real tenant" in README.md)',
    );
  }
}

export function readEnvFiles(root: string, envName: string | undefined): Record<string, string> {
  const files = [path.join(root, 'env', '.env.local')];
  if (envName) files.push(path.join(root, 'env', `.env.${envName}`));
  const merged: Record<string, string> = {};
  for (const file of files) {
    if (!existsSync(file)) {
      if (file !== files[0]) throw new ConfigError(`ENV_NAME=${envName} but ${file} does not exist (copy env/.env.sample)`);
      continue;
    }
    Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  }
  return merged;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, root = process.cwd()): AppConfig {
  const fromFiles = readEnvFiles(root, env.ENV_NAME);
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = rawConfig.safeParse({ ...fromFiles, ...defined });
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://${c.HOST === '127.0.0.1' ? 'localhost' : c.HOST}:${c.PORT}`).replace(/\/$/, '');

  let store: AppConfig['store'];
  if (c.STORE === 'graph') {
    if (!c.GRAPH_SITE_ID || !c.TENANT_ID || !c.CLIENT_ID || !c.CLIENT_SECRET) {
      throw new ConfigError('STORE=graph needs GRAPH_SITE_ID, TENANT_ID, CLIENT_ID and CLIENT_SECRET (see env/.env.sample)');
    }
    store = {
      kind: 'graph',
      siteId: c.GRAPH_SITE_ID,
      baseUrl: c.GRAPH_BASE_URL,
      listPrefix: c.GRAPH_LIST_PREFIX,
      pageSize: c.GRAPH_PAGE_SIZE,
      cacheSeconds: c.GRAPH_CACHE_SECONDS,
    };
  } else {
    store = { kind: 'local', dataDir: path.resolve(root, c.DATA_DIR) };
  }

  let auth: AppConfig['auth'];
  if (c.AUTH_MODE === 'local') {
    if (!isLoopback(c.HOST)) {
      throw new ConfigError(`AUTH_MODE=local relaxes authentication and is only allowed on a loopback HOST, not ${c.HOST}`);
    }

    auth = { mode: 'local', user: { id: 'local-developer', name: c.LOCAL_USER_NAME, email: c.LOCAL_USER_EMAIL }, role: c.LOCAL_ROLE };
  } else {
    if (!c.TENANT_ID || !c.CLIENT_ID) {
      throw new ConfigError('AUTH_MODE=entra needs TENANT_ID and CLIENT_ID (or AUTH_MODE=local on a loopback HOST for development)');
    }
    const idUri = c.APPLICATION_ID_URI ?? `api://${new URL(publicUrl).host}/${c.CLIENT_ID}`;
    auth = {
      mode: 'entra',
      tenantId: c.TENANT_ID,
      clientId: c.CLIENT_ID,
      audiences: [idUri, c.CLIENT_ID],
      issuers: [`${c.AUTHORITY_HOST}/${c.TENANT_ID}/v2.0`, `https://sts.windows.net/${c.TENANT_ID}/`],
      jwksUri: c.ENTRA_JWKS_URI ?? `${c.AUTHORITY_HOST}/${c.TENANT_ID}/discovery/v2.0/keys`,
    };
  }

  return {
    port: c.PORT,
    host: c.HOST,
    publicUrl,
    store,
    demoData: c.DEMO_DATA,
    auth,
    entra: {
      tenantId: c.TENANT_ID,
      clientId: c.CLIENT_ID,
      clientSecret: c.CLIENT_SECRET,
      authorityHost: c.AUTHORITY_HOST,
      applicationIdUri: c.APPLICATION_ID_URI,
    },
    teamsAppId: c.TEAMS_APP_ID,
    defaultLanguage: c.DEFAULT_LANGUAGE,
    municipality: { nl: c.MUNICIPALITY_NL, fr: c.MUNICIPALITY_FR },
    digests: { enabled: c.DIGESTS, weekday: c.DIGEST_WEEKDAY, time: c.DIGEST_TIME },
    roles: { ...(c.ROLE_ASSIGNMENTS?.trim() ? { assignments: c.ROLE_ASSIGNMENTS } : {}), cacheSeconds: c.ROLE_CACHE_SECONDS, graphBaseUrl: c.GRAPH_BASE_URL },
  };
}
