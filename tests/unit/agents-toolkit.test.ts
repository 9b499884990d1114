import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { APP_ROLE_VALUES } from '../../src/domain/authorization';
import { placeholdersOf } from '../../scripts/package-app';
import { READINESS_PATH } from '../../src/server/startup-gate';
import { DIALOG_PATH } from '../../addin/web/dialog-sign-in';

/**
 * The Microsoft 365 Agents Toolkit project, checked offline as far as it can be: both lifecycle files
 * against the toolkit's own YAML schema (v1.11, as shipped in @microsoft/teamsfx-core 3.1.3, kept in
 * tests/fixtures), every ${{VARIABLE}} a step or a file it reads uses set before that step (by env/.env.dev,
 * the toolkit, or an earlier action's output), the Entra manifest against the rules aadApp/update warns
 * about and the app roles the API checks, and the Azure template's settings against the server's.
 */

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const schema = JSON.parse(read('tests/fixtures/agents-toolkit/yaml.schema.v1.11.json'));
const validateYaml = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Action = { uses: string; with?: Record<string, any>; writeToEnvironmentFile?: Record<string, string> };
const lifecycle = (file: string) => yaml.load(read(file)) as { version: string; provision: Action[]; deploy: Action[]; publish?: Action[] };

/** Variables the toolkit sets itself: the environment's name, the Azure target it asks for, the scope id aadApp/update generates. */
const TOOLKIT_VARIABLES = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];

/** Outputs of an action: what it writes to the environment file (arm/deploy: the Bicep template's outputs). */
function outputsOf(action: Action): string[] {
  if (action.uses === 'arm/deploy') {
    return action.with!.templates.flatMap((t: { path: string }) => [...read(t.path).matchAll(/^output (\w+) /gm)].map((m) => m[1]));
  }
  if (action.uses === 'file/createOrUpdateEnvironmentFile') return Object.keys(action.with!.envs);
  return Object.values(action.writeToEnvironmentFile ?? {});
}

/** Placeholders an action uses: in its parameters and in the files whose placeholders the toolkit fills. */
function inputsOf(action: Action): string[] {
  const text = [JSON.stringify(action.with ?? {})];
  if (action.uses === 'arm/deploy') for (const t of action.with!.templates) if (t.parameters) text.push(read(t.parameters));
  if (action.with?.manifestPath) text.push(read(action.with.manifestPath));
  return placeholdersOf(text.join('\n'));
}

describe.each(['m365agents.yml', 'm365agents.local.yml'])('%s', (file) => {
  test('is valid against the toolkit’s YAML schema v1.11', () => {
    const doc = lifecycle(file);
    expect(doc.version).toBe('v1.11');
    expect(validateYaml(doc) ? [] : validateYaml.errors).toEqual([]);
  });

  test('uses every variable only after it is set', () => {
    const environment = file === 'm365agents.yml' ? 'dev' : 'local';
    const fromFile = Object.keys(parseEnv(read(`env/.env.${environment}`)));
    // for the local environment the developer puts the tunnel's address in env/.env.local.user (m365agents.local.yml says so)
    const known = new Set([...TOOLKIT_VARIABLES, ...fromFile, 'APP_NAME_SUFFIX', ...(environment === 'local' ? ['APP_ENDPOINT', 'APP_DOMAIN'] : [])]);
    const doc = lifecycle(file);
    const missing: string[] = [];
    for (const stage of ['provision', 'deploy', 'publish'] as const) {
      for (const action of doc[stage] ?? []) {
        for (const name of inputsOf(action)) if (!known.has(name)) missing.push(`${stage} ${action.uses}: ${name}`);
        for (const name of outputsOf(action)) known.add(name);
      }
    }
    expect(missing).toEqual([]);
  });
});

test('the schema check can fail: an unknown action or a missing parameter is reported', () => {
  const doc = lifecycle('m365agents.yml');
  const wrongName = { ...doc, provision: [{ uses: 'teamsApp/createApp', with: { name: 'x' } }, ...doc.provision] };
  expect(validateYaml(wrongName)).toBe(false);
  const missingParameter = { ...doc, deploy: [{ uses: 'azureAppService/zipDeploy', with: { artifactFolder: '.' } }] };
  expect(validateYaml(missingParameter)).toBe(false);
});

describe('Entra app manifest (aad.manifest.json)', () => {
  const manifest = JSON.parse(read('aad.manifest.json'));

  test('passes the checks aadApp/update warns about, in the toolkit’s current (Microsoft Graph) format', () => {
    expect(manifest.displayName).toMatch(/^Synergy Register/);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
    expect(manifest.api.requestedAccessTokenVersion).toBe(2);
    expect(manifest.api.oauth2PermissionScopes.map((s: { value: string }) => s.value)).toEqual(['access_as_user']);
    expect(manifest.optionalClaims.accessToken.map((c: { name: string }) => c.name)).toContain('idtyp');
    expect(manifest.requiredResourceAccess.length).toBeGreaterThan(0);
    expect(manifest.id).toBe('${{AAD_APP_OBJECT_ID}}');
  });

  test('asks Microsoft Graph for what the code uses: as the app, Sites.Selected and what the bot reads roles with; as delegated scopes only those Office SSO names', () => {
    const graph = manifest.requiredResourceAccess as Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: 'Role' | 'Scope' }> }>;
    expect(graph.map((r) => r.resourceAppId)).toEqual(['Microsoft Graph']);
    const ofType = (type: 'Role' | 'Scope') => graph[0].resourceAccess.filter((a) => a.type === type).map((a) => a.id);
    // the server writes the lists as the app (never on behalf of a user): no delegated SharePoint permission;
    // the bot reads who holds which app role (service principal's appRoleAssignedTo, a person's groups)
    expect(ofType('Role')).toEqual(['Sites.Selected', 'Application.Read.All', 'GroupMember.Read.All']);
    const addinScopes = [...read('appPackage/word-addin.template.xml').matchAll(/<Scope>([^<]+)<\/Scope>/g)].map((m) => m[1]);
    expect(ofType('Scope').sort()).toEqual([...addinScopes].sort());
  });

  test('pre-authorises Teams (desktop, mobile, web) and Office for the one scope', () => {
    const scopeId = manifest.api.oauth2PermissionScopes[0].id;
    expect(manifest.api.preAuthorizedApplications).toEqual(
      ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e'].map((appId) => ({
        appId,
        delegatedPermissionIds: [scopeId],
      })),
    );
  });

  test('declares exactly the app roles the API checks, each with its own id', () => {
    const roles = manifest.appRoles as Array<{ id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }>;
    expect(roles.map((r) => r.value).sort()).toEqual(Object.values(APP_ROLE_VALUES).sort());
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
    for (const role of roles) {
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(role).toMatchObject({ allowedMemberTypes: ['User', 'Application'], isEnabled: true });
    }
  });

  test('its Application ID URI is the one the Teams manifest asks tokens for, and the consent pop-up may return to the tab', () => {
    const teams = JSON.parse(read('appPackage/manifest.json'));
    expect(manifest.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(manifest.appId).toBe(teams.webApplicationInfo.id);
    expect(manifest.web.redirectUris).toEqual(['${{APP_ENDPOINT}}/tab/auth/end']);
    // the Word pane's sign-in dialog (where Office SSO is not available) redeems its code in the browser: a SPA redirect
    expect(manifest.spa.redirectUris).toEqual([`\${{APP_ENDPOINT}}${DIALOG_PATH}`]);
    expect(manifest.info).toEqual({ privacyStatementUrl: teams.developer.privacyUrl, termsOfServiceUrl: teams.developer.termsOfUseUrl });
  });
});

describe('Azure and container hosting', () => {
  const bicep = read('infra/azure.bicep');
  const nodeMajor = /(\d+)/.exec(JSON.parse(read('package.json')).devDependencies.node)![1];

  test('the web app runs the Node LTS the project pins, with settings the server knows', () => {
    expect(bicep).toContain(`linuxFxVersion: 'NODE|${nodeMajor}-lts'`);
    const settings = [...bicep.matchAll(/\{ name: '(\w+)', value:/g)].map((m) => m[1]);
    const platform = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_WARMUP_PATH'];
    // read by the runtime outside the settings schema: Node and Express (NODE_ENV), the telemetry start
    const runtime: Record<string, string> = { NODE_ENV: 'src/host/config.ts', APPLICATIONINSIGHTS_CONNECTION_STRING: 'src/host/telemetry/start.ts' };
    const configKeys = read('src/host/config.ts');
    for (const name of settings.filter((s) => !platform.includes(s))) {
      expect([name, runtime[name] ? read(runtime[name]).includes(name) : configKeys.includes(`${name}:`)]).toEqual([name, true]);
    }
    expect(settings).toEqual(
      expect.arrayContaining(['AUTH_MODE', 'STORE', 'CLIENT_SECRET', 'PUBLIC_URL', 'HOST', 'NODE_ENV', 'APPLICATIONINSIGHTS_CONNECTION_STRING']),
    );
    expect(bicep).toContain("{ name: 'NODE_ENV', value: 'production' }");
  });

  test('App Service probes readiness (200 only once the store answers) for its health check and its warm-up', () => {
    expect(bicep).toContain(`healthCheckPath: '${READINESS_PATH}'`);
    expect(bicep).toContain(`{ name: 'WEBSITE_WARMUP_PATH', value: '${READINESS_PATH}' }`);
  });

  test('the bot is a user-assigned managed identity the web app holds, as in Microsoft’s current templates', () => {
    expect(bicep).toMatch(/resource botIdentity 'Microsoft\.ManagedIdentity\/userAssignedIdentities@[\d-]+'/);
    expect(bicep).toMatch(/userAssignedIdentities: \{\s+'\$\{botIdentity\.id\}': \{\}/);
    const bot = /resource bot 'Microsoft\.BotService\/botServices@[^']+' = \{([^]*?)\n\}/.exec(bicep)![1];
    expect(bot).toContain('msaAppId: botIdentity.properties.clientId');
    expect(bot).toContain('msaAppMSIResourceId: botIdentity.id');
    expect(bot).toContain('msaAppTenantId: botIdentity.properties.tenantId');
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    // the server signs in as that identity (BOT_TYPE, BOT_ID: settings the server knows) and the manifest names it
    expect(bicep).toContain("{ name: 'BOT_ID', value: botIdentity.properties.clientId }");
    expect(bicep).toContain("{ name: 'BOT_TYPE', value: 'UserAssignedMsi' }");
    expect(bicep).toMatch(/^output BOT_ID string = botIdentity\.properties\.clientId$/m);
    expect(JSON.parse(read('appPackage/manifest.json')).bots[0].botId).toBe('${{BOT_ID}}');
    // the Azure Bot carries the Teams app's name and the app's icon
    const parameters = JSON.parse(read('infra/azure.parameters.json')).parameters;
    expect(parameters.botDisplayName.value).toBe(JSON.parse(read('appPackage/manifest.json')).name.short);
    expect(bot).toContain("iconUrl: '${publicUrl}/addin/icon-80.png'");
  });

  test('the Entra app gets its service principal in both environments (a single-tenant bot needs it)', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const create = lifecycle(file).provision.find((a) => a.uses === 'aadApp/create')!;
      expect([file, create.with!.generateServicePrincipal]).toEqual([file, true]);
    }
    const local = lifecycle('m365agents.local.yml').provision.find((a) => a.uses === 'botFramework/create')!;
    expect(local.with!.botId).toBe('${{BOT_ID}}');
  });

  test('deploy installs from the lockfile and runs the bundle the deployment test builds and starts', () => {
    const scripts = JSON.parse(read('package.json')).scripts;
    expect(scripts.bundle).toMatch(/node dist\/scripts\/bundle-deploy\.js$/);
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const npm = lifecycle(file)
        .deploy.filter((a) => a.uses === 'cli/runNpmCommand')
        .map((a) => a.with!.args);
      expect([file, npm[0]]).toEqual([file, 'ci --no-audit --no-fund']);
    }
    const deploy = lifecycle('m365agents.yml').deploy;
    expect(deploy.map((a) => a.with!.args ?? a.uses)).toEqual(['ci --no-audit --no-fund', 'run bundle', 'azureAppService/zipDeploy']);
    expect(deploy[2].with!.artifactFolder).toBe('./build/deploy');
  });

  test('every template parameter without a default gets a value from the parameters file', () => {
    const parameters = Object.keys(JSON.parse(read('infra/azure.parameters.json')).parameters);
    const required = [...bicep.matchAll(/^param (\w+) \w+$/gm)].map((m) => m[1]);
    const declared = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]);
    expect(parameters.filter((p) => !declared.includes(p))).toEqual([]);
    expect(required.filter((p) => !parameters.includes(p))).toEqual([]);
  });

  test('the Dockerfile builds and runs on the same Node major, from the deployment bundle', () => {
    const dockerfile = read('Dockerfile');
    expect([...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => m[1])).toEqual([nodeMajor, nodeMajor]);
    expect(dockerfile).toContain('RUN npm run bundle');
    expect(dockerfile).toMatch(/^RUN npm ci /m);
    expect(dockerfile).toContain(READINESS_PATH);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/server\/main\.js"\]$/m);
  });
});
