import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/host/config';

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

  it('layers env/.env.local, env/.env.<ENV_NAME> and the environment, in that order', () => {
    writeFileSync(path.join(root, 'env', '.env.local'), 'AUTH_MODE=local\nPORT=4000\nDATA_DIR=./local-data\n');
    writeFileSync(path.join(root, 'env', '.env.tenant'), `AUTH_MODE=entra\nTENANT_ID=${tenant.TENANT_ID}\nCLIENT_ID=${tenant.CLIENT_ID}\nPORT=4100\n`);
    const local = loadConfig({}, root);
    expect([local.port, local.auth.mode, local.store]).toEqual([4000, 'local', { kind: 'local', dataDir: path.join(root, 'local-data') }]);
    const tenantConfig = loadConfig({ ENV_NAME: 'tenant', PORT: '4200' }, root);
    expect([tenantConfig.port, tenantConfig.auth.mode]).toEqual([4200, 'entra']);
    expect(() => loadConfig({ ENV_NAME: 'missing' }, root)).toThrow(/env\/.env.missing does not exist/);
  });

  it('needs the site and credentials for the SharePoint store, and says which', () => {
    expect(() => loadConfig({ ...tenant, STORE: 'graph' }, root)).toThrow(/GRAPH_SITE_ID, TENANT_ID, CLIENT_ID and CLIENT_SECRET/);
    const config = loadConfig({ ...tenant, STORE: 'graph', GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b', CLIENT_SECRET: 'from-the-environment' }, root);
    expect(config.store).toEqual({ kind: 'graph', siteId: 'contoso.sharepoint.com,a,b', baseUrl: 'https://graph.microsoft.com/v1.0', listPrefix: 'SynergyRegister', pageSize: 200, cacheSeconds: 30 });
  });

  it('names bad values', () => {
    expect(() => loadConfig({ AUTH_MODE: 'local', PORT: 'eighty' }, root)).toThrow(/PORT/);
    expect(() => loadConfig({ AUTH_MODE: 'sometimes' }, root)).toThrow(/AUTH_MODE/);
  });
});
