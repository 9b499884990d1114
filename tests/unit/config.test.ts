import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertServable, ConfigError, loadConfig } from '../../src/host/config';

describe('configuration', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'config-'));
    mkdirSync(path.join(root, 'env'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const tenant = { TENANT_ID: '11111111-1111-1111-1111-111111111111', CLIENT_ID: '22222222-2222-2222-2222-222222222222' };

  it('is secure by default: without settings it demands Entra ID', () => {
    expect(() => loadConfig({}, root)).toThrow(/AUTH_MODE=entra needs TENANT_ID and CLIENT_ID/);
    const config = loadConfig({ ...tenant, PUBLIC_URL: 'https://synergy.example.org' }, root);
    expect(config.auth).toMatchObject({
      mode: 'entra',
      audiences: [`api://synergy.example.org/${tenant.CLIENT_ID}`, tenant.CLIENT_ID],
      issuers: [`https://login.microsoftonline.com/${tenant.TENANT_ID}/v2.0`, `https://sts.windows.net/${tenant.TENANT_ID}/`],
      jwksUri: `https://login.microsoftonline.com/${tenant.TENANT_ID}/discovery/v2.0/keys`,
    });
  });

  it('allows the local-development switch only on loopback', () => {
    expect(loadConfig({ AUTH_MODE: 'local', HOST: '127.0.0.1' }, root).auth.mode).toBe('local');
    expect(loadConfig({ AUTH_MODE: 'local', HOST: '::1' }, root).auth.mode).toBe('local');
    expect(() => loadConfig({ AUTH_MODE: 'local', HOST: '0.0.0.0' }, root)).toThrow(ConfigError);
    expect(() => loadConfig({ AUTH_MODE: 'local', HOST: '192.168.1.10' }, root)).toThrow(/only allowed on a loopback HOST/);
  });

  it('layers env/.env.local (only without ENV_NAME), env/.env.<ENV_NAME> and the environment, in that order', () => {
    writeFileSync(path.join(root, 'env', '.env.local'), 'AUTH_MODE=local\nPORT=4000\nDATA_DIR=./local-data\n');
    writeFileSync(path.join(root, 'env', '.env.tenant'), `AUTH_MODE=entra\nTENANT_ID=${tenant.TENANT_ID}\nCLIENT_ID=${tenant.CLIENT_ID}\nPORT=4100\n`);
    const local = loadConfig({}, root);
    expect([local.port, local.auth.mode, local.store]).toEqual([4000, 'local', { kind: 'local', dataDir: path.join(root, 'local-data') }]);
    const tenantConfig = loadConfig({ ENV_NAME: 'tenant', PORT: '4200' }, root);
    expect([tenantConfig.port, tenantConfig.auth.mode]).toEqual([4200, 'entra']);
    expect(() => loadConfig({ ENV_NAME: 'missing' }, root)).toThrow(/env\/.env.missing does not exist/);
  });

  it('needs the site and ids for the SharePoint store, and says which', () => {
    expect(() => loadConfig({ ...tenant, STORE: 'graph' }, root)).toThrow(/GRAPH_SITE_ID, TENANT_ID and CLIENT_ID/);
    const config = loadConfig({ ...tenant, STORE: 'graph', GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b', CLIENT_SECRET: 'from-the-environment' }, root);
    expect(config.store).toEqual({
      kind: 'graph',
      siteId: 'contoso.sharepoint.com,a,b',
      baseUrl: 'https://graph.microsoft.com/v1.0',
      listPrefix: 'SynergyRegister',
      pageSize: 200,
      cacheSeconds: 30,
    });
  });

  it('names bad values', () => {
    expect(() => loadConfig({ AUTH_MODE: 'local', PORT: 'eighty' }, root)).toThrow(/PORT/);
    expect(() => loadConfig({ AUTH_MODE: 'sometimes' }, root)).toThrow(/AUTH_MODE/);
  });

  describe('production settings: each refused with one line naming the setting', () => {
    const production = {
      ...tenant,
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://synergy.example.org',
      TEAMS_APP_ID: '44444444-4444-4444-8444-444444444444',
    };
    const problemsOf = (run: () => unknown): readonly string[] => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
      throw new Error('accepted');
    };

    beforeEach(() => writeFileSync(path.join(root, 'env', '.env.local'), 'AUTH_MODE=local\nDEMO_DATA=true\nSTORE=local\nHOST=127.0.0.1\n'));

    it('a deployment never reads env/.env.local: no local mode, no demo data inherited', () => {
      const config = loadConfig(production, root);
      expect([config.auth.mode, config.demoData]).toEqual(['entra', false]);
      writeFileSync(path.join(root, 'env', '.env.tenant'), `TENANT_ID=${tenant.TENANT_ID}\nCLIENT_ID=${tenant.CLIENT_ID}\n`);
      const tenantRun = loadConfig({ ENV_NAME: 'tenant' }, root);
      expect([tenantRun.auth.mode, tenantRun.demoData]).toEqual(['entra', false]);
      // nor tenant mode asked for in the environment
      const tenantMode = loadConfig({ ...tenant, AUTH_MODE: 'entra' }, root);
      expect([tenantMode.auth.mode, tenantMode.demoData, tenantMode.store.kind]).toEqual(['entra', false, 'local']);
      // demo data only when asked for explicitly
      expect(loadConfig({ ...production, DEMO_DATA: 'true' }, root).demoData).toBe(true);
    });

    it('PUBLIC_URL is required when the server listens beyond this machine', () => {
      const { PUBLIC_URL: _unused, ...withoutUrl } = production;
      expect(problemsOf(() => loadConfig(withoutUrl, root))).toEqual([
        'PUBLIC_URL: required when HOST is 0.0.0.0 (not this machine only): the https address Teams and Word reach',
      ]);
    });

    it('TEAMS_APP_ID is the install’s own, never the code default every copy shares', () => {
      const { TEAMS_APP_ID: _unused, ...withoutId } = production;
      expect(problemsOf(() => loadConfig(withoutId, root))).toEqual([
        'TEAMS_APP_ID: required in production: the id the toolkit’s teamsApp/create wrote, or a GUID of your own',
      ]);
    });

    it('PUBLIC_URL must be https outside this machine', () => {
      expect(problemsOf(() => loadConfig({ ...production, PUBLIC_URL: 'http://synergy.example.org' }, root))).toEqual([
        'PUBLIC_URL: must start with https:// (http:// only for this machine) (is "http://synergy.example.org")',
      ]);
      expect(loadConfig({ ...tenant, PUBLIC_URL: 'http://localhost:3978' }, root).publicUrl).toBe('http://localhost:3978');
    });

    it.each(['TENANT_ID', 'CLIENT_ID', 'TEAMS_APP_ID', 'WORD_ADDIN_ID', 'BOT_ID'])('%s must be a GUID', (name) => {
      expect(problemsOf(() => loadConfig({ ...production, [name]: 'my-app' }, root))).toEqual([
        `${name}: must be a GUID (8-4-4-4-12 hexadecimal digits) (is "my-app")`,
      ]);
    });

    it('several problems: one line each, and a secret is never echoed', () => {
      const problems = problemsOf(() => loadConfig({ ...production, CLIENT_ID: 'x', PUBLIC_URL: 'ftp://a', PORT: 'eighty', CLIENT_SECRET: 'a-secret' }, root));
      expect(problems).toHaveLength(3);
      for (const line of problems) expect(line).not.toMatch(/\n|a-secret/);
    });

    it('the SharePoint store needs the client secret to serve (not to build a manifest)', () => {
      const graph = { ...production, STORE: 'graph', GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b' };
      const config = loadConfig(graph, root);
      expect(problemsOf(() => assertServable(config))).toEqual([
        'CLIENT_SECRET: STORE=graph reads and writes the SharePoint lists as the app and needs its client secret',
      ]);
      expect(() => assertServable(loadConfig({ ...graph, CLIENT_SECRET: 's' }, root))).not.toThrow();
    });

    it('the bot needs its credential: the client secret, or a managed identity', () => {
      const config = loadConfig(production, root);
      expect(problemsOf(() => assertServable(config, ['tab', 'bot']))).toEqual([
        "CLIENT_SECRET: the bot signs its replies with the app's client secret (or set BOT_TYPE=UserAssignedMsi and BOT_ID to use a managed identity)",
      ]);
      expect(() => assertServable(config, ['tab', 'addin'])).not.toThrow();
      const managed = loadConfig({ ...production, BOT_TYPE: 'UserAssignedMsi', BOT_ID: '33333333-3333-3333-3333-333333333333' }, root);
      expect(managed.bot).toEqual({ id: '33333333-3333-3333-3333-333333333333', type: 'UserAssignedMsi' });
      expect(() => assertServable(managed, ['bot'])).not.toThrow();
      expect(loadConfig({ ...production, CLIENT_SECRET: 's' }, root).bot).toEqual({ id: tenant.CLIENT_ID, type: 'SingleTenant' });
    });
  });
});
