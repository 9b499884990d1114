import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isLoopbackHost as isLoopback, isSafeLink } from '../domain';
import { ROLES, type Role } from '../domain';
import type { StoreSettings } from '../store';
import { DEFAULT_LANGUAGE, type Language, languageCode } from '../domain';
import type { TranslatorSettings } from '../domain';

/**
 * Configuration: code defaults < env/.env.local (committed, no secrets; the fresh machine's local mode, read
 * only when neither ENV_NAME nor NODE_ENV=production is set) < env/.env.<ENV_NAME> (e.g. env/.env.tenant,
 * never committed) < the process environment. Secrets only ever come from the last two. The code defaults
 * are the safe ones: tenant sign-in, no demo data.
 */

const boolean = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID (8-4-4-4-12 hexadecimal digits)');

/** Teams and Word load pages over https only: http is for this machine. */
const publicUrl = z.string().url('must be an absolute URL').refine(isSafeLink, { message: 'must start with https:// (http:// only for this machine)' });

const rawConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: publicUrl.optional(),
  STORE: z.enum(['local', 'graph']).default('local'),
  DATA_DIR: z.string().default('./data'),
  DEMO_DATA: boolean.default('false'),
  AUTH_MODE: z.enum(['entra', 'local']).default('entra'),
  LOCAL_USER_NAME: z.string().default('Lokale ontwikkelaar (local mode)'),
  LOCAL_USER_EMAIL: z.string().email().default('developer@localhost.localdomain'),
  /** the local identity's role (admin: everything); lower it to see the app as a reader, an editor or a secretary does */
  LOCAL_ROLE: z.enum(ROLES).default('admin'),
  TENANT_ID: guid.optional(),
  CLIENT_ID: guid.optional(),
  CLIENT_SECRET: z.string().optional(),
  AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
  APPLICATION_ID_URI: z.string().optional(),
  ENTRA_JWKS_URI: z.string().url().optional(),
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_SITE_ID: z.string().optional(),
  GRAPH_LIST_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*$/)
    .default('SynergyRegister'),
  GRAPH_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  GRAPH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  TEAMS_APP_ID: guid.default('6f1f5c2e-3d0a-4a57-9c57-7a1b2c3d4e5f'),
  WORD_ADDIN_ID: guid.optional(),
  /** the bot's app id when it is not CLIENT_ID: in Azure, the client id of the bot's user-assigned managed identity */
  BOT_ID: guid.optional(),
  /** how the bot proves who it is: the app's client secret (SingleTenant) or the web app's managed identity (UserAssignedMsi) */
  BOT_TYPE: z.enum(['SingleTenant', 'UserAssignedMsi']).default('SingleTenant'),
  DEFAULT_LANGUAGE: languageCode.default(DEFAULT_LANGUAGE),
  MUNICIPALITY_NL: z.string().default('Sint-Jans-Molenbeek'),
  MUNICIPALITY_FR: z.string().default('Molenbeek-Saint-Jean'),
  DIGESTS: boolean.default('true'),
  /** ISO weekday of the weekly overdue-action digests: 1 = Monday … 7 = Sunday */
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  /** Brussels time of the digests, HH:MM */
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('08:00'),
  /** the bot's register roles as `objectId=role` pairs, instead of reading the app role assignments in Entra ID */
  ROLE_ASSIGNMENTS: z.string().optional(),
  /** how long the bot keeps a person's roles read from Entra ID */
  ROLE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** the e-mail address of the administration's data protection officer, shown on the privacy statement */
  PRIVACY_CONTACT: z.string().trim().email('must be an e-mail address').optional(),
  /** Azure AI Translator: without all three, translation suggestions are hidden */
  TRANSLATOR_ENDPOINT: publicUrl.optional(),
  TRANSLATOR_REGION: z
    .string()
    .regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope')
    .optional(),
  TRANSLATOR_KEY: z.string().optional(),
  /** instead of a key: the web app's managed identity, with the Translator resource's id (…/providers/Microsoft.CognitiveServices/accounts/…) */
  TRANSLATOR_RESOURCE_ID: z
    .string()
    .regex(/^\/subscriptions\/[^/]+\/resourceGroups\/.+\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+$/i, 'must be the Translator resource id')
    .optional(),
  /** a user-assigned managed identity's client id (none: the system-assigned identity) */
  TRANSLATOR_IDENTITY_CLIENT_ID: guid.optional(),
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
  /** the Word add-in's own GUID, when set (addin/manifest.ts has the default) */
  wordAddinId?: string;
  /** the bot's identity: its app id (BOT_ID, else CLIENT_ID) and how it proves it */
  bot: { id?: string; type: 'SingleTenant' | 'UserAssignedMsi' };
  defaultLanguage: Language;
  municipality: { nl: string; fr: string };
  /** the weekly overdue-action digests (Brussels time) */
  digests: { enabled: boolean; weekday: number; time: string };
  /** where the bot reads people's register roles (Teams gives it no roles claim): see bot/roles.ts */
  roles: { assignments?: string; cacheSeconds: number; graphBaseUrl: string };
  /** Azure AI Translator for translation suggestions; absent: the feature is hidden */
  translator?: TranslatorSettings;
  /** the data protection officer's e-mail address, when the administration gives it */
  privacyContact?: string;
}

/**
 * Translation suggestions need the endpoint, the region and a way in (the key, or the resource id for the managed
 * identity) together; some without the others is a mistake to say.
 */
function translatorOf(c: z.infer<typeof rawConfig>): Pick<AppConfig, 'translator'> {
  const access = c.TRANSLATOR_KEY ?? c.TRANSLATOR_RESOURCE_ID;
  const given = [c.TRANSLATOR_ENDPOINT, c.TRANSLATOR_REGION, access].filter(Boolean).length;
  if (given === 0) return {};
  if (!c.TRANSLATOR_ENDPOINT || !c.TRANSLATOR_REGION || !access) {
    throw new ConfigError(
      'TRANSLATOR_ENDPOINT, TRANSLATOR_REGION and TRANSLATOR_KEY (or TRANSLATOR_RESOURCE_ID for the managed identity): set them together for translation suggestions, or none',
    );
  }
  const place = { endpoint: c.TRANSLATOR_ENDPOINT.replace(/\/$/, ''), region: c.TRANSLATOR_REGION };
  if (c.TRANSLATOR_KEY) return { translator: { ...place, key: c.TRANSLATOR_KEY } };
  const clientId = c.TRANSLATOR_IDENTITY_CLIENT_ID;
  return { translator: { ...place, managedIdentity: { resourceId: c.TRANSLATOR_RESOURCE_ID!, ...(clientId ? { clientId } : {}) } } };
}

/** Settings the server refuses: one line per problem, each naming the setting and what it must be. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.name = 'ConfigError';
    this.problems = list;
  }
}

export { isLoopbackHost as isLoopback } from '../domain';

/**
 * What serving needs beyond what building a manifest needs (npm run package and addin:manifest load the same
 * configuration without secrets): local mode only at a loopback address, the SharePoint store's client secret,
 * and the bot's credential when the bot surface runs in tenant mode.
 */
export function assertServable(config: AppConfig, surfaces: readonly string[] = []): void {
  const problems: string[] = [];
  if (config.auth.mode === 'local') {
    const publicHost = new URL(config.publicUrl).hostname.replace(/^\[(.*)\]$/, '$1');
    if (!isLoopback(publicHost)) {
      problems.push(
        `AUTH_MODE=local relaxes authentication and only serves this machine, but PUBLIC_URL is ${config.publicUrl}: ` +
          'behind a tunnel or proxy use tenant mode (AUTH_MODE=entra, see "Running against a real tenant" in README.md)',
      );
    }
  }
  if (config.store.kind === 'graph' && !config.entra.clientSecret) {
    problems.push('CLIENT_SECRET: STORE=graph reads and writes the SharePoint lists as the app and needs its client secret');
  }
  if (surfaces.includes('bot') && config.auth.mode === 'entra' && config.bot.type === 'SingleTenant' && !config.entra.clientSecret) {
    problems.push(
      "CLIENT_SECRET: the bot signs its replies with the app's client secret (or set BOT_TYPE=UserAssignedMsi and BOT_ID to use a managed identity)",
    );
  }
  if (problems.length) throw new ConfigError(problems);
}

/**
 * The env files to read: env/.env.local is the fresh machine's local mode, never a deployment's nor tenant
 * mode's (ENV_NAME, NODE_ENV=production or AUTH_MODE=entra in the environment).
 */
export function envFilesFor(root: string, env: Record<string, string | undefined>): string[] {
  const files: string[] = [];
  if (!env.ENV_NAME && env.NODE_ENV !== 'production' && env.AUTH_MODE !== 'entra') files.push(path.join(root, 'env', '.env.local'));
  if (env.ENV_NAME) files.push(path.join(root, 'env', `.env.${env.ENV_NAME}`));
  return files;
}

export function readEnvFiles(root: string, env: Record<string, string | undefined>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const file of envFilesFor(root, env)) {
    if (!existsSync(file)) {
      if (env.ENV_NAME) throw new ConfigError(`ENV_NAME=${env.ENV_NAME} but ${file} does not exist (copy env/.env.sample)`);
      continue;
    }
    Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  }
  return merged;
}

/** A settings problem as one line: the setting, then what it must be. */
function problemLine(issue: z.ZodIssue, values: Record<string, unknown>): string {
  const name = issue.path.join('.');
  const value = values[name];
  const shown = typeof value === 'string' && !/SECRET/.test(name) ? ` (is "${value.length > 60 ? `${value.slice(0, 60)}…` : value}")` : '';
  return `${name}: ${issue.message}${shown}`;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, root = process.cwd()): AppConfig {
  // an empty value (`NAME=` in a file, NAME='' in the environment) is no value: the default applies
  const defined = (from: Record<string, string | undefined>) => Object.fromEntries(Object.entries(from).filter(([, v]) => v !== undefined && v !== ''));
  const values = { ...defined(readEnvFiles(root, env)), ...defined(env) };
  const parsed = rawConfig.safeParse(values);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => problemLine(issue, values)));
  if (values.NODE_ENV === 'production' && !values.TEAMS_APP_ID) {
    // the code default is the same in every copy of this project: Teams would see two installs as one app
    throw new ConfigError('TEAMS_APP_ID: required in production: the id the toolkit’s teamsApp/create wrote, or a GUID of your own');
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://${c.HOST === '127.0.0.1' ? 'localhost' : c.HOST}:${c.PORT}`).replace(/\/$/, '');

  let store: AppConfig['store'];
  if (c.STORE === 'graph') {
    if (!c.GRAPH_SITE_ID || !c.TENANT_ID || !c.CLIENT_ID) {
      throw new ConfigError('STORE=graph needs GRAPH_SITE_ID, TENANT_ID and CLIENT_ID (and CLIENT_SECRET to serve; see env/.env.sample)');
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
    if (!c.PUBLIC_URL && !isLoopback(c.HOST)) {
      // the manifests, the links in cards and the SSO resource are built from it: never from 0.0.0.0
      throw new ConfigError(`PUBLIC_URL: required when HOST is ${c.HOST} (not this machine only): the https address Teams and Word reach`);
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
    ...(c.WORD_ADDIN_ID ? { wordAddinId: c.WORD_ADDIN_ID } : {}),
    bot: { id: c.BOT_ID ?? c.CLIENT_ID, type: c.BOT_TYPE },
    defaultLanguage: c.DEFAULT_LANGUAGE,
    municipality: { nl: c.MUNICIPALITY_NL, fr: c.MUNICIPALITY_FR },
    digests: { enabled: c.DIGESTS, weekday: c.DIGEST_WEEKDAY, time: c.DIGEST_TIME },
    roles: { ...(c.ROLE_ASSIGNMENTS?.trim() ? { assignments: c.ROLE_ASSIGNMENTS } : {}), cacheSeconds: c.ROLE_CACHE_SECONDS, graphBaseUrl: c.GRAPH_BASE_URL },
    ...translatorOf(c),
    ...(c.PRIVACY_CONTACT ? { privacyContact: c.PRIVACY_CONTACT } : {}),
  };
}
