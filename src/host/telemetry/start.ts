import { consoleLogger, type Logger } from '../logger';

export interface Telemetry {
  /** where telemetry goes: 'Azure Monitor' or 'console' */
  readonly destination: string;
  /** the logger that also sends its lines to the telemetry destination */
  logger(console: Logger): Logger;
  /** sends what is buffered (before the process exits) */
  flush(): Promise<void>;
}

/**
 * Telemetry for this process, chosen once at start: with APPLICATIONINSIGHTS_CONNECTION_STRING (App Service
 * sets it when Application Insights is connected) requests, dependencies, logs and exceptions go to Azure
 * Monitor through OpenTelemetry; without it everything stays in the console. Azure Monitor's modules load only
 * when used, before the server's own (main.ts imports this first), so its instrumentation sees http and fetch.
 */
export function startTelemetry(env: Record<string, string | undefined> = process.env): Telemetry {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (!connectionString) return { destination: 'console', logger: (logger) => logger, flush: () => Promise.resolve() };
  // loaded only when configured: 130 MB of modules otherwise unused
  const { startAzureMonitor } = require('./azure-monitor') as typeof import('./azure-monitor');
  const monitor = startAzureMonitor(connectionString, consoleLogger());
  return { destination: 'Azure Monitor', logger: monitor.wrap, flush: monitor.flush };
}

export const telemetry = startTelemetry();
