// First, as in main.ts: with APPLICATIONINSIGHTS_CONNECTION_STRING, OpenTelemetry instruments http and fetch.
import { telemetry } from '../../src/host/telemetry/start';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { createBotSurface } from '../../bot/surface';
import { loadDemoDataIfEmpty } from '../../src/seed/demo-data';
import { startServer } from '../../src/server/start';
import { loadConfig } from '../../src/host/config';
import { consoleLogger } from '../../src/host/logger';
import { defaultSurfaces } from '../../src/server/surfaces';
import { serverStore } from '../../src/server/store';

/**
 * One server process of the multi-instance harness (instances.ts): the composition of src/server/main.ts
 * (configuration from env/ and the environment → store → server with the default surfaces, demo data before serving),
 * with only what no test can reach replaced:
 * - Graph tokens come from a fixed token source (Entra ID is offline; the Graph fake accepts any token);
 * - with TEST_INSTANCE_BOT_OPENID, the bot validates Bot Framework tokens against the fake connector's keys
 *   and signs its replies with TEST_INSTANCE_BOT_TOKEN; TEST_INSTANCE_SWEEP_MS shortens the timetable
 *   (polls opening, closing and reminding; digests).
 * Prints `instance-ready {"url":…}` once it listens; SIGTERM closes it cleanly.
 */

const READY = 'instance-ready';

function numberFromEnv(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

async function main(): Promise<void> {
  const logger = telemetry.logger(consoleLogger(process.env.LOG_LEVEL ?? 'warn'));
  const config = loadConfig();
  const fixedToken = async () => 'instance-test-token';
  const store = serverStore(config, { tokenSource: { appOnly: fixedToken, onBehalfOf: fixedToken } });
  const openIdMetadataUrl = process.env.TEST_INSTANCE_BOT_OPENID;
  const botToken = process.env.TEST_INSTANCE_BOT_TOKEN ?? '';
  // The Teams SDK falls back to CLIENT_SECRET from the environment (and then asks Entra ID for tokens):
  // with the connector's token standing in, the secret must not be seen.
  if (openIdMetadataUrl) delete process.env.CLIENT_SECRET;
  const bot = createBotSurface({
    ...(openIdMetadataUrl ? { cloud: withOverrides(PUBLIC, { openIdMetadataUrl }), token: () => botToken } : {}),
    sweepIntervalMs: numberFromEnv('TEST_INSTANCE_SWEEP_MS'),
  });
  const surfaces = defaultSurfaces.map((surface) => (surface.name === 'bot' ? bot : surface));
  const running = await startServer(config, store, logger, surfaces, {
    beforeServing: async () => {
      if (config.demoData) await loadDemoDataIfEmpty(store, config);
    },
  });
  process.stdout.write(`${READY} ${JSON.stringify({ url: running.url, pid: process.pid })}\n`);
  const stop = async () => {
    await running.close();
    await telemetry.flush();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error('[instance] cannot start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
