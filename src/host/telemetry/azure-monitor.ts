import type { IncomingMessage } from 'node:http';
import { SeverityNumber, logs } from '@opentelemetry/api-logs';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import type { Logger } from '../logger';
import { privacySpanProcessor, withoutQuery } from './privacy';

/** Probes answer every few seconds all day: not worth a request record each. */
const PROBES = /^\/api\/health(\/ready)?$/;

/**
 * Azure Monitor through OpenTelemetry: incoming requests (Node's http), dependencies (Graph and Entra ID calls
 * made with fetch, traced by the undici instrumentation, with status and duration), log lines and exceptions
 * (OpenTelemetry log records), every span scrubbed of personal data (privacy.ts).
 */
export function startAzureMonitor(connectionString: string): { wrap(logger: Logger): Logger; flush(): Promise<void> } {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // the register's own traffic is small: keep every request rather than 5 traces a second
    tracesPerSecond: 0,
    samplingRatio: 1,
    instrumentationOptions: {
      http: { enabled: true, ignoreIncomingRequestHook: (req: IncomingMessage) => PROBES.test(withoutQuery(req.url ?? '')) } as object,
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
      attributes:
        error instanceof Error ? { 'exception.type': error.name, 'exception.message': error.message, 'exception.stacktrace': error.stack ?? '' } : {},
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
    flush: () => shutdownAzureMonitor(),
  };
}
