import { randomUUID } from 'node:crypto';

/** What one fake Graph call answers, before it becomes an HTTP response or an inner batch response. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph's documented error body (concepts/errors.md). */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeResponse {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
      },
    },
  };
}

export function ok(body: unknown, status = 200): FakeResponse {
  return { status, body };
}
