import { loadDemoDataIfEmpty } from '../seed/demo-data';
import { FolderLockedError } from '../store/local/folder-lock';
import { startServer } from './app';
import { ConfigError, loadConfig } from '../host/config';
import { consoleLogger } from '../host/logger';
import { serverStore } from './store';
import { defaultSurfaces } from './surfaces';

async function main(): Promise<void> {
  const logger = consoleLogger();
  const config = loadConfig();
  const store = serverStore(config);
  const running = await startServer(config, store, logger, defaultSurfaces, {
    async beforeServing() {
      if (!config.demoData) return;
      const loaded = await loadDemoDataIfEmpty(store, config);
      if (loaded) logger.info(`demo data loaded: ${loaded.entries} entries, ${loaded.meetings} meetings, ${loaded.actions} actions (Molenbeek 2023, Ukkel 2026)`);
    },
  });
  const storeText = config.store.kind === 'local' ? `embedded store in ${config.store.dataDir}` : `SharePoint lists on site ${config.store.siteId}`;
  const cpu = process.cpuUsage();
  logger.info(`Synergy Register is running (${storeText}; started in ${(process.uptime()).toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU)`);
  for (const [label, url] of Object.entries(running.urls)) logger.info(`  ${label}: ${url}`);
  const stop = async () => {
    logger.info('stopping…');
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof FolderLockedError) {
    console.error(`[synergy-register] cannot start: ${error.message}`);
  } else {
    console.error('[synergy-register] cannot start:', error);
  }
  process.exit(1);
});
