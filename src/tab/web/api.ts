/** The register's JSON API, with the SSO token (in Teams) on every call. */

export interface ApiIssue {
  field: string;
  reason: string;
}

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

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, etag?: string): Promise<T>;
}

export function createApi(getToken: TokenProvider, base = ''): Api {
  async function call<T>(method: string, path: string, body: unknown, etag: string | undefined, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = await getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (etag) headers['if-match'] = etag;
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers,
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal,
      credentials: 'same-origin',
    });
    if (res.status === 204) return undefined as T;
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string; issues?: ApiIssue[] }; current?: unknown } | undefined) ?? {};
      throw new ApiError(res.status, err.error?.code ?? `http_${res.status}`, err.error?.message ?? res.statusText, err.error?.issues ?? [], err.current);
    }
    return json as T;
  }
  return {
    get: (path, signal) => call('GET', path, undefined, undefined, signal),
    send: (method, path, body, etag) => call(method, path, body, etag),
  };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
