import type { IncomingMessage } from 'node:http';
import { SeverityNumber, logs } from '@opentelemetry/api-logs';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import type { Logger } from '../logger';
import { privacySpanProcessor, withoutQuery } from './privacy';

const AZURE_METADATA_HOST = '169.254.169.254';

/** Probes answer every few seconds all day: not worth a request record each. */
const PROBES = /^\/api\/health(\/ready)?$/;

/**
 * Azure Monitor through OpenTelemetry: incoming requests (Node's http), dependencies (Graph and Entra ID calls
 * made with fetch, traced by the undici instrumentation, with status and duration), log lines and exceptions
 * (OpenTelemetry log records), every span scrubbed of personal data (privacy.ts).
 */
export function startAzureMonitor(connectionString: string, warnings: Logger): { wrap(logger: Logger): Logger; flush(): Promise<void> } {
  // the role name Application Insights groups the telemetry under (OpenTelemetry's standard variable wins)
  process.env.OTEL_SERVICE_NAME ??= 'synergy-register';
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // the register's own traffic is small: keep every request rather than 5 traces a second
    tracesPerSecond: 0,
    samplingRatio: 1,
    instrumentationOptions: {
      http: {
        enabled: true,
        ignoreIncomingRequestHook: (req: IncomingMessage) => PROBES.test(withoutQuery(req.url ?? '')),
        // the resource detectors' own look-ups of Azure's instance metadata are not the register's dependencies
        ignoreOutgoingRequestHook: (options: { hostname?: string | null; host?: string | null }) => (options.hostname ?? options.host) === AZURE_METADATA_HOST,
      } as object,
      azureSdk: { enabled: false },
    },
    spanProcessors: [privacySpanProcessor],
  });
  registerInstrumentations({ instrumentations: [new UndiciInstrumentation()] });
  const otel = logs.getLogger('synergy-register');
  const emit = (severityNumber: SeverityNumber, severityText: string, body: string, error?: unknown) =>
    otel.emit({
      severityNumber,
      severityText,
      body,
      // an exception record: Azure Monitor shows it under Failures › Exceptions with its type and stack
      attributes: error instanceof Error ? { 'exception.type': error.name, 'exception.message': error.message, 'exception.stacktrace': error.stack ?? '' } : {},
    });
  return {
    wrap: (logger) => ({
      info(message) {
        logger.info(message);
        emit(SeverityNumber.INFO, 'INFO', message);
      },
      warn(message) {
        logger.warn(message);
        emit(SeverityNumber.WARN, 'WARN', message);
      },
      error(message, error) {
        logger.error(message, error);
        emit(SeverityNumber.ERROR, 'ERROR', message, error);
      },
    }),
    // a telemetry endpoint that cannot be reached must not turn a clean stop into a crash
    flush: () =>
      shutdownAzureMonitor().catch((error: unknown) => {
        warnings.warn(`telemetry could not be sent to Azure Monitor: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }),
  };
}
