import { BatchRequestContent, type BatchResponseBody, BatchResponseContent, type Client, GraphClientError } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import { StoreUnavailableError } from '../errors';
import { splitBaseUrl } from './client';
import { type CallBudget, callSignal, timedOut } from './deadline';
import { type GraphFailure, failureOf } from './graph-errors';

/** A Graph call that failed with an HTTP status; the collections decide what each status means for them. */
export class GraphCallError extends Error {
  constructor(readonly failure: GraphFailure) {
    super(`${failure.status} ${failure.code}: ${failure.message}`);
    this.name = 'GraphCallError';
  }
}

export function statusOf(error: unknown): number | undefined {
  return error instanceof GraphCallError ? error.failure.status : undefined;
}

export interface InnerRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root and without it: `/sites/…` (the SDK would keep `/v1.0`, which Graph rejects). */
  url: string;
  body?: unknown;
  /** e.g. If-Match on a conditional write */
  headers?: Record<string, string>;
}

export interface InnerResponse {
  status: number;
  retryAfterSeconds: number | undefined;
  body: unknown;
}

/** Graph's JSON $batch limit. */
export const BATCH_LIMIT = 20;

/** The Graph client behind a few typed calls: errors unwrapped, responses validated, nextLinks followed. */
export class GraphApi {
  private readonly root: string;
  private readonly origin: string;

  /** `budget`: how long one call may take (see callSignal) */
  constructor(
    private readonly client: Client,
    baseUrl: string,
    private readonly budget: CallBudget = {},
  ) {
    const { host, version } = splitBaseUrl(baseUrl);
    this.root = `${host}/${version}`;
    this.origin = new URL(baseUrl).origin;
  }

  async get<S extends z.ZodTypeAny>(path: string, schema: S, headers: Record<string, string> = {}): Promise<z.output<S>> {
    return this.parse(path, schema, await this.call((signal) => this.client.api(this.relative(path)).option('signal', signal).headers(headers).get()));
  }

  async post<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.parse(path, schema, await this.call((signal) => this.client.api(path).option('signal', signal).post(body)));
  }

  async patch<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S, headers: Record<string, string> = {}): Promise<z.output<S>> {
    return this.parse(path, schema, await this.call((signal) => this.client.api(path).option('signal', signal).headers(headers).patch(body)));
  }

  async delete(path: string, headers: Record<string, string> = {}): Promise<void> {
    await this.call((signal) => this.client.api(path).option('signal', signal).headers(headers).delete());
  }

  /** Every page of a collection: follows @odata.nextLink until Graph stops sending one, whatever the page size. */
  async *pages<S extends z.ZodType<{ value: unknown[]; '@odata.nextLink'?: string }>>(path: string, schema: S): AsyncGenerator<z.output<S>['value']> {
    let next: string | undefined = path;
    while (next) {
      const page: z.output<S> = await this.get(next, schema);
      yield page.value;
      next = page['@odata.nextLink'];
    }
  }

  /** One POST /$batch (at most 20 requests); the responses are returned in request order, whatever order Graph used. */
  async batch(requests: readonly InnerRequest[]): Promise<InnerResponse[]> {
    if (requests.length === 0) return [];
    if (requests.length > BATCH_LIMIT) throw new RangeError(`a Graph batch holds at most ${BATCH_LIMIT} requests`);
    const content = new BatchRequestContent(
      requests.map((request, index) => ({
        id: String(index + 1),
        request: new Request(`${this.origin}${request.url}`, {
          method: request.method,
          headers: { ...request.headers, ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        }),
      })),
    );
    const payload = await content.getContent();
    const raw = (await this.call((signal) => this.client.api('/$batch').option('signal', signal).post(payload))) as BatchResponseBody;
    if (!raw || !Array.isArray(raw.responses)) throw this.malformed('/$batch', 'no responses array');
    const responses = new BatchResponseContent({ responses: raw.responses.map(withCanonicalContentType) });
    return Promise.all(
      requests.map(async (_, index) => {
        const response = responses.getResponseById(String(index + 1));
        if (!response) throw this.malformed('/$batch', `no response for request ${index + 1}`);
        return {
          status: response.status,
          retryAfterSeconds: retryAfterOf(response.headers.get('Retry-After')),
          body: await bodyOf(response),
        };
      }),
    );
  }

  /** Whether `link` (a nextLink a client handed back) is a query of `path` on this Graph: no other URL is ever followed. */
  isLinkTo(link: string, path: string): boolean {
    return link.startsWith(`${this.root}${path}?`) && !link.includes('#');
  }

  /** nextLinks are absolute; the client only strips https hosts itself, so make ours relative to the version root. */
  private relative(path: string): string {
    return path.startsWith(`${this.root}/`) ? path.slice(this.root.length) : path;
  }

  /** One call, cut when its time is up (a hung SharePoint front end never holds a person or a server task). */
  private async call<R>(send: (signal: AbortSignal | undefined) => Promise<R>): Promise<R> {
    const { signal, ms, interactive } = callSignal(this.budget);
    try {
      return await send(signal);
    } catch (error) {
      // whatever shape the SDK gives the abort (a GraphError with code -1, a TypeError from fetch)
      if (signal?.aborted) throw timedOut(ms, interactive);
      if (error instanceof GraphClientError && error.customError !== undefined) throw error.customError;
      const failure = failureOf(error);
      if (failure) throw new GraphCallError(failure);
      throw error;
    }
  }

  private parse<S extends z.ZodTypeAny>(path: string, schema: S, body: unknown): z.output<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw this.malformed(path, parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
    return parsed.data;
  }

  private malformed(path: string, why: string): StoreUnavailableError {
    return new StoreUnavailableError(`Microsoft Graph answered ${path.split('?')[0]} with an unexpected shape: ${why}`);
  }
}

/** BatchResponseContent only decodes JSON bodies when the header is spelled exactly `Content-Type`. */
function withCanonicalContentType(response: Record<string, unknown>): Record<string, unknown> {
  const headers = (response.headers ?? {}) as Record<string, string>;
  const canonical: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) canonical[name.toLowerCase() === 'content-type' ? 'Content-Type' : name] = value;
  return { ...response, headers: canonical };
}

function retryAfterOf(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
