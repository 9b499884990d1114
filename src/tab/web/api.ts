/** The register's JSON API, with the SSO token (in Teams) on every call. */
import type { ApiErrorBody } from '../../domain';

/** One field's problem: a key under "validation." in the message catalogue, with its parameters, that the page words in its language. */
export type ApiIssue = NonNullable<ApiErrorBody['error']['issues']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly current: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Gives a fresh token for each call (Teams SSO), or undefined in local mode. Never cached here. */
export type TokenProvider = () => Promise<string | undefined>;

export interface SendOptions {
  /** the Idempotency-Key of a POST: one per submission of a form, so sending it again returns the first result */
  idempotencyKey?: string;
}

/** A fresh Idempotency-Key (a form keeps one for as long as it is on screen). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** a POST always carries an Idempotency-Key: the one given, or a fresh one for this call */
  send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, etag?: string, options?: SendOptions): Promise<T>;
  /** POSTs a file as the request body (an import), answered with JSON */
  upload<T>(path: string, file: Blob, signal?: AbortSignal): Promise<T>;
  /** GETs a file the API produces (an export) */
  download(path: string): Promise<Blob>;
  /** GETs a file with the name the server gives it (Content-Disposition), for saving under that name */
  file(path: string): Promise<{ blob: Blob; fileName: string | undefined }>;
}

export function createApi(getToken: TokenProvider, base = ''): Api {
  async function request(
    method: string,
    path: string,
    body: unknown,
    etag: string | undefined,
    signal?: AbortSignal,
    options: SendOptions = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
    const token = await getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const file = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = file ? body.type || 'application/octet-stream' : 'application/json';
    if (etag) headers['if-match'] = etag;
    return fetch(`${base}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  }
  async function call<T>(method: string, path: string, body: unknown, etag: string | undefined, signal?: AbortSignal, options?: SendOptions): Promise<T> {
    const res = await request(method, path, body, etag, signal, options);
    if (res.status === 204) return undefined as T;
    return readJson<T>(res);
  }
  async function readJson<T>(res: Response): Promise<T> {
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const err = (json as Partial<ApiErrorBody> | undefined) ?? {};
      throw new ApiError(res.status, err.error?.code ?? `http_${res.status}`, err.error?.message ?? res.statusText, err.error?.issues ?? [], err.current);
    }
    return json as T;
  }
  return {
    get: (path, signal) => call('GET', path, undefined, undefined, signal),
    send: (method, path, body, etag, options) => call(method, path, body, etag, undefined, options),
    upload: (path, file, signal) => call('POST', path, file, undefined, signal),
    async download(path) {
      const res = await request('GET', path, undefined, undefined);
      if (!res.ok) await readJson(res);
      return res.blob();
    },
    async file(path) {
      const res = await request('GET', path, undefined, undefined);
      if (!res.ok) await readJson(res);
      const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      return { blob: await res.blob(), fileName };
    },
  };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
