import {
  type AuthenticationProvider,
  Client,
  type Context,
  GraphClientError,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
  type ShouldRetry,
} from '@microsoft/microsoft-graph-client';

export interface RetryPolicy {
  /** Retries of one request after 429/503/504; the wait is the server's Retry-After. */
  maxRetries: number;
  /** Seconds to wait when the server gives no Retry-After. */
  delaySeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 5, delaySeconds: 2 };

export interface GraphClientOptions {
  baseUrl: string;
  authProvider: AuthenticationProvider;
  userAgent: string;
  retry?: Partial<RetryPolicy>;
  /** when a person waits for the answer: the time (ms since epoch) by which it is due, else undefined */
  deadline?: () => number | undefined;
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  if (options.headers instanceof Headers) options.headers.set(name, value);
  else options.headers = { ...(options.headers as Record<string, string> | undefined), [name]: value };
}

/**
 * Adds the bearer token on every request. The SDK's AuthenticationHandler only does so for https Graph hosts,
 * which would leave requests to a local Graph (tests, benchmarks) anonymous.
 */
export class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly provider: AuthenticationProvider) {}

  async execute(context: Context): Promise<void> {
    let token: string;
    try {
      token = await this.provider.getAccessToken();
    } catch (error) {
      // The client wraps every other error in a GraphError and loses its type; GraphClientError passes through.
      const wrapped = new GraphClientError(error instanceof Error ? error.message : String(error));
      wrapped.customError = error;
      throw wrapped;
    }
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Splits `https://graph.microsoft.com/v1.0` into the host part and the version segment the client wants apart. */
export function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  if (cut <= trimmed.indexOf('//') + 1) throw new RangeError(`Graph base URL ${baseUrl} lacks a version segment`);
  return { host: trimmed.slice(0, cut), version: trimmed.slice(cut + 1) };
}

const MAY_HAVE_BEEN_APPLIED = new Set(['POST', 'PATCH']);

function methodOf(request: RequestInfo, options: { method?: string } | undefined): string {
  return (options?.method ?? (typeof request === 'object' && 'method' in request ? request.method : 'GET')).toUpperCase();
}

/**
 * Which throttled or failed answers the SDK's RetryHandler may retry: a POST or PATCH answered 504 (the gateway
 * timed out, SharePoint may have done it) is never sent again, and while a person waits (the request's deadline)
 * a Retry-After that would end past it is not waited for: the caller hears at once that SharePoint is busy.
 */
export const graphShouldRetry =
  (deadlineOf: () => number | undefined): ShouldRetry =>
  (delay, _attempt, request, options, response) => {
    if (response.status === 504 && MAY_HAVE_BEEN_APPLIED.has(methodOf(request, options))) return false;
    const deadline = deadlineOf();
    if (deadline === undefined) return true;
    const retryAfter = Number(response.headers.get('Retry-After'));
    const waitMs = (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : delay) * 1000;
    return Date.now() + waitMs < deadline;
  };

/** auth → retry (honours Retry-After on 429/503/504) → fetch; the User-Agent rides on every request's fetch options. */
export function createGraphClient(options: GraphClientOptions): Client {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const { host, version } = splitBaseUrl(options.baseUrl);
  return Client.initWithMiddleware({
    baseUrl: host,
    defaultVersion: version,
    middleware: [
      new BearerTokenHandler(options.authProvider),
      new RetryHandler(new RetryHandlerOptions(retry.delaySeconds, retry.maxRetries, graphShouldRetry(options.deadline ?? (() => undefined)))),
      new HTTPMessageHandler(),
    ],
    fetchOptions: { headers: { 'User-Agent': options.userAgent } },
  });
}
