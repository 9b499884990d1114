import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Seconds a client is told to wait before asking again while the server starts (or its store does not answer). */
export const RETRY_AFTER_SECONDS = 5;

/** Liveness: the process answers. Readiness: the app is built and its store answers (App Service's health check). */
export const LIVENESS_PATH = '/api/health';
export const READINESS_PATH = '/api/health/ready';

/** How long one readiness answer is reused: an unauthenticated probe must not become a stream of store reads. */
export const READINESS_REUSE_MS = 10_000;

function send(res: ServerResponse, status: number, body: Record<string, unknown>, retry: boolean): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (retry) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.end(JSON.stringify(body));
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0].replace(/\/+$/, '') || '/';
}

export interface StartupGate {
  /** the server's one request listener, from before it listens until it closes */
  readonly listener: RequestListener;
  /** from now on requests go to `app`; readiness asks `probe` (rejects when the store does not answer) */
  serve(app: RequestListener, probe: () => Promise<unknown>): void;
}

/**
 * Answers every request from the moment the server listens: while the store opens and the app is built,
 * liveness says "starting" and everything else gets 503 with Retry-After (a load balancer's probe, App
 * Service's warm-up and a user's reload are answered, never left waiting). Once serving, the readiness path
 * answers 200 only while the store answers, so the platform takes an instance whose store is gone out of
 * rotation. `now` is injectable for tests.
 */
export function startupGate(now: () => number = Date.now): StartupGate {
  let app: RequestListener | undefined;
  let probe: (() => Promise<unknown>) | undefined;
  let lastProbe: { at: number; answer: Promise<boolean> } | undefined;

  const ready = (): Promise<boolean> => {
    if (!lastProbe || now() - lastProbe.at >= READINESS_REUSE_MS) {
      lastProbe = {
        at: now(),
        answer: probe!().then(
          () => true,
          () => false,
        ),
      };
    }
    return lastProbe.answer;
  };

  const listener: RequestListener = (req, res) => {
    const path = pathOf(req);
    if (path === READINESS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!app) return send(res, 503, { status: 'starting' }, true);
      void ready().then((ok) => send(res, ok ? 200 : 503, { status: ok ? 'ready' : 'store unavailable' }, !ok));
      return;
    }
    if (app) return app(req, res);
    if (path === LIVENESS_PATH) return send(res, 200, { status: 'starting' }, false);
    send(res, 503, { error: { code: 'starting', message: 'The server is starting: try again in a few seconds.' } }, true);
  };

  return {
    listener,
    serve(next, storeProbe) {
      probe = storeProbe;
      app = next;
    },
  };
}
