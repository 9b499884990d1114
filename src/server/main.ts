// First: telemetry instruments http, Express and the Graph SDK's fetch only if it loads before them.
import { telemetry } from '../host/telemetry';
import { loadDemoDataIfEmpty } from '../seed';
import { FolderLockedError } from '../store/local';
import { startServer } from './start';
import { assertServable, ConfigError, loadConfig } from '../host';
import { consoleLogger } from '../host';
import { serverStore } from './store';
import { defaultSurfaces } from './surfaces';
import { startFailureLine } from './start-failure';

const PREFIX = '[synergy-register] cannot start:';

async function main(): Promise<void> {
  const logger = telemetry.logger(consoleLogger());
  const config = loadConfig();
  // the credentials the surfaces that run here need (a test composes its own surfaces and credentials)
  assertServable(
    config,
    defaultSurfaces.map((surface) => surface.name),
  );
  if (config.demoData && config.auth.mode === 'entra') logger.warn('DEMO_DATA=true in tenant mode: demo measures are loaded into an empty register');
  const store = serverStore(config);
  const running = await startServer(config, store, logger, defaultSurfaces, {
    async beforeServing() {
      if (!config.demoData) return;
      const loaded = await loadDemoDataIfEmpty(store, config);
      if (loaded)
        logger.info(`demo data loaded: ${loaded.entries} entries, ${loaded.meetings} meetings, ${loaded.actions} actions (Molenbeek 2023, Ukkel 2026)`);
    },
  }).catch((error: unknown) => {
    const line = startFailureLine(error, config);
    throw line ? new ConfigError(line) : error;
  });
  const storeText = config.store.kind === 'local' ? `embedded store in ${config.store.dataDir}` : `SharePoint lists on site ${config.store.siteId}`;
  const cpu = process.cpuUsage();
  logger.info(
    `Synergy Register is running (${storeText}; started in ${process.uptime().toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU; telemetry: ${telemetry.destination})`,
  );
  for (const [label, url] of Object.entries(running.urls)) logger.info(`  ${label}: ${url}`);
  const stop = async () => {
    logger.info('stopping…');
    await running.close();
    await telemetry.flush();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) console.error(`${PREFIX} ${problem}`);
  } else if (error instanceof FolderLockedError) {
    console.error(`${PREFIX} ${error.message}`);
  } else {
    console.error(PREFIX, error);
  }
  await telemetry.flush();
  process.exit(1);
});
