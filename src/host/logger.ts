/** One-line JSON-free logger: readable in a terminal, quiet in tests unless LOG_LEVEL asks otherwise. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function consoleLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const quiet = level === 'silent';
  return {
    info: (m) => !quiet && level !== 'warn' && console.log(`[synergy-register] ${m}`),
    warn: (m) => !quiet && console.warn(`[synergy-register] WARNING: ${m}`),
    error: (m, e) => !quiet && console.error(`[synergy-register] ERROR: ${m}`, e instanceof Error ? e.stack : (e ?? '')),
  };
}
