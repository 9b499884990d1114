import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ResourceBudget, type ResourceBudgetOptions } from './graph/budget';
import { FakeDirectory } from './graph/directory';
import { type FakeResponse, graphError, ok } from './graph/responses';
import { FakeSite, type ItemQuery } from './graph/site';

/**
 * A local Microsoft Graph for SharePoint lists, built from the documented request/response examples
 * (listitem-*.md, list-create.md, columndefinition-post.md, json-batching.md, paging.md, errors.md, throttling.md).
 * Tests and the benchmark only: never imported by src/.
 */

export interface GraphFakeOptions {
  /** Delay before each top-level request is answered, as a network round trip would. */
  latencyMs?: number;
  /** Largest $top honoured; larger asks are clamped. */
  maxTop?: number;
  /** Page size when the client sends no $top. */
  defaultTop?: number;
  /** Order in which $batch requests are run and answered (json-batching.md: any order). */
  batchOrder?: 'request' | 'reverse' | 'random';
  /** How inner batch responses spell the header; Graph sends `Content-Type`. */
  batchContentTypeHeader?: string;
  /**
   * What each bearer token may do on the site (Sites.Selected roles: read < write < manage < fullcontrol; none).
   * Tokens not named get `defaultPermission` (fullcontrol). A user's on-behalf-of token typically has none.
   */
  permissions?: Record<string, SitePermission>;
  defaultPermission?: SitePermission;
  /** How SharePoint refuses a duplicate in a unique column: 409, or 400/500 with "duplicate values" (all seen). */
  duplicateKeyStatus?: 400 | 409 | 500;
  /** Creates columns without their index, as an older release or an ignored `indexed` flag left them. */
  ignoreIndexedOnCreate?: boolean;
  /** SharePoint's per-minute resource-unit budget: requests over it get 429 with Retry-After (graph/budget.ts) */
  resourceBudget?: ResourceBudgetOptions;
}

export type SitePermission = 'none' | 'read' | 'write' | 'manage' | 'fullcontrol';
const PERMISSION_RANK: Record<SitePermission, number> = { none: 0, read: 1, write: 2, manage: 3, fullcontrol: 4 };

/** What a request needs (permissions-selected-overview.md): reads, item writes, list and column changes. */
function permissionNeeded(kind: string): SitePermission {
  if (kind === 'directory') return 'none'; // directory permissions are the app's, not the site's
  if (kind === 'lists.get' || kind === 'items.list' || kind === 'item.get') return 'read';
  if (kind === 'item.create' || kind === 'item.update' || kind === 'item.delete') return 'write';
  return 'manage';
}

export type FailureTarget = 'request' | 'batchItem';

/** Which requests an injected failure hits: a kind (e.g. item.create) and/or a list (its name). */
export interface FailureMatch {
  kind?: string;
  list?: string;
}

interface InjectedFailure {
  target: FailureTarget;
  remaining: number;
  response: () => FakeResponse;
  match?: FailureMatch;
}

export interface GraphFakeStats {
  /** Top-level HTTP requests, $batch included. */
  requests: number;
  /** Top-level requests by kind (e.g. items.list, batch, lists.get). */
  byKind: Record<string, number>;
  /** Requests carried inside $batch calls, by kind. */
  innerByKind: Record<string, number>;
  innerRequests: number;
  throttled: number;
  authorizations: string[];
  userAgents: string[];
  preferHeaders: string[];
  /** Seconds since the fake started at which each top-level request arrived, with its kind. */
  arrivals: Array<{ kind: string; at: number }>;
  /** Requests held without an answer (hangNext), and how many of those the client gave up on (closed). */
  hung: number;
  abandoned: number;
}

export interface GraphFake {
  url: string;
  siteId: string;
  stats: GraphFakeStats;
  resetStats(): void;
  /** The next `count` requests of `target` answer 429 (or `status`) with Retry-After. */
  throttleNext(count: number, retryAfterSeconds: number, options?: { target?: FailureTarget; status?: 429 | 503 }): void;
  /** The next `count` requests of `target` (matching `match`, if given) answer this Graph error. */
  failNext(count: number, status: number, code: string, message: string, target?: FailureTarget, match?: FailureMatch): void;
  /**
   * The next `count` top-level requests (matching `match`) are never answered, as a stuck SharePoint front end
   * does; `applied`: the request is carried out first and only its answer is held back.
   */
  hangNext(count: number, match?: FailureMatch, options?: { applied?: boolean }): void;
  setBatchOrder(order: NonNullable<GraphFakeOptions['batchOrder']>): void;
  /** Adds items straight into a list (by name or id), as if written earlier; no request is counted. */
  seedItems(list: string, items: Array<Record<string, unknown>>): string[];
  itemCount(list: string): number;
  /** Entra ID as Graph shows it: service principals, app role assignments, users and groups (graph/directory.ts). */
  directory: FakeDirectory;
  listNames(): string[];
  close(): Promise<void>;
}

const SITE_ID = 'contoso.sharepoint.com,2c5e43bd-3f6e-4b7c-9a44-6c1f0cb7a001,9d2f1b0e-8e5a-4c3f-b7d2-3a1e5f6c7b02';
const BATCH_LIMIT = 20;

interface Call {
  method: string;
  /** Path below the version segment, e.g. /sites/x/lists. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

function emptyStats(): GraphFakeStats {
  return {
    requests: 0,
    byKind: {},
    innerByKind: {},
    innerRequests: 0,
    throttled: 0,
    authorizations: [],
    userAgents: [],
    preferHeaders: [],
    arrivals: [],
    hung: 0,
    abandoned: 0,
  };
}

function lowerKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

/** `fields($select=A,B)` → ['A','B']; `fields` → undefined (all fields). */
function fieldSelection(expand: string | null): { expanded: boolean; select?: string[] } {
  if (!expand) return { expanded: false };
  const match = /(?:^|,)\s*fields(?:\((?:\$?select=([^)]*))?\))?/.exec(expand);
  if (!match) return { expanded: false };
  return { expanded: true, select: match[1] ? match[1].split(',').map((s) => s.trim()) : undefined };
}

function shuffled<T>(items: T[], order: GraphFakeOptions['batchOrder']): T[] {
  if (order === 'request') return items;
  if (order === 'reverse') return [...items].reverse();
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function bearerOf(authorization: string | undefined): string {
  return (authorization ?? '').replace(/^Bearer\s+/i, '');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGraphFake(options: GraphFakeOptions = {}): Promise<GraphFake> {
  let baseUrl = '';
  const directory = new FakeDirectory();
  const site = new FakeSite(SITE_ID, () => baseUrl, {
    duplicateKeyStatus: options.duplicateKeyStatus ?? 409,
    ignoreIndexedOnCreate: options.ignoreIndexedOnCreate ?? false,
  });

  /** 403 as Graph answers a token without the site role the request needs. */
  function denied(call: Call, token: string): FakeResponse | undefined {
    const kind = kindOf(call);
    if (kind === 'batch') return undefined; // each inner request is checked
    const has = options.permissions?.[token] ?? options.defaultPermission ?? 'fullcontrol';
    if (PERMISSION_RANK[has] >= PERMISSION_RANK[permissionNeeded(kind)]) return undefined;
    return graphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
  }
  const failures: InjectedFailure[] = [];
  const hangs: Array<{ remaining: number; match?: FailureMatch; applied: boolean }> = [];
  let batchOrder = options.batchOrder ?? 'random';
  let stats = emptyStats();
  const started = Date.now();
  const maxTop = options.maxTop ?? 5000;
  const budget = options.resourceBudget ? new ResourceBudget(options.resourceBudget) : undefined;
  /** 429 with Retry-After when the request's resource units do not fit in the budget. */
  function overBudget(kind: string): FakeResponse | undefined {
    const taken = budget?.take(kind);
    if (!taken || taken.ok) return undefined;
    stats.throttled += 1;
    return graphError(429, 'TooManyRequests', 'The request has been throttled.', { 'Retry-After': String(taken.retryAfterSeconds) });
  }
  const defaultTop = options.defaultTop ?? 200;

  function matches(call: Call, match: FailureMatch | undefined): boolean {
    if (!match) return true;
    if (match.kind && kindOf(call) !== match.kind) return false;
    if (match.list) {
      const listSegment = decodeURIComponent(call.path.split('/').filter(Boolean)[3] ?? '');
      const list = site.list(listSegment);
      if (!list || (list.name !== match.list && list.displayName !== match.list)) return false;
    }
    return true;
  }

  function injected(target: FailureTarget, call: Call): FakeResponse | undefined {
    const failure = failures.find((f) => f.target === target && f.remaining > 0 && matches(call, f.match));
    if (!failure) return undefined;
    failure.remaining -= 1;
    const response = failure.response();
    if (response.status === 429 || response.status === 503) stats.throttled += 1;
    return response;
  }

  function kindOf(call: Call): string {
    const parts = call.path.split('/').filter(Boolean);
    if (parts[0] === '$batch') return 'batch';
    if (/^(users|servicePrincipals)\b/.test(parts[0] ?? '')) return 'directory';
    if (parts[0] !== 'sites') return 'other';
    if (parts.length === 3) return call.method === 'GET' ? 'lists.get' : 'lists.create';
    if (parts[4] === 'columns') return call.method === 'PATCH' ? 'columns.update' : 'columns.create';
    if (parts[4] === 'items' && parts.length === 5) return call.method === 'GET' ? 'items.list' : 'item.create';
    if (parts[4] === 'items') return { GET: 'item.get', PATCH: 'item.update', DELETE: 'item.delete' }[call.method] ?? 'other';
    return 'other';
  }

  function route(call: Call): FakeResponse {
    const parts = call.path.split('/').filter(Boolean).map(decodeURIComponent);
    const fromDirectory = directory.route(call.method, parts, call.query, `${baseUrl}${call.path}`);
    if (fromDirectory) return fromDirectory;
    if (parts[0] !== 'sites' || parts.length < 3 || parts[2] !== 'lists')
      return graphError(400, 'invalidRequest', `Resource not found for the segment '${parts[0] ?? ''}'.`);
    if (parts[1] !== SITE_ID) return graphError(404, 'itemNotFound', 'Requested site could not be found');
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (parts.length === 3) {
      if (call.method === 'GET') return ok({ value: site.allLists(/columns/.test(call.query.get('$expand') ?? '')) });
      if (call.method === 'POST') return site.createList(body);
    }
    const list = site.list(parts[3]);
    if (!list) return graphError(404, 'itemNotFound', 'List not found');
    if (parts[4] === 'columns' && parts.length === 5 && call.method === 'POST') return site.createColumn(list, body);
    if (parts[4] === 'columns' && parts.length === 6 && call.method === 'PATCH') return site.updateColumn(list, parts[5], body);
    if (parts[4] === 'items' && parts.length === 5) {
      if (call.method === 'POST') return site.createItem(list, call.body);
      if (call.method === 'GET') return listItems(call, list);
    }
    if (parts[4] === 'items' && parts.length === 6) {
      if (call.method === 'GET') return site.getItem(list, parts[5], fieldSelection(call.query.get('$expand')).select);
      if (call.method === 'DELETE') return site.deleteItem(list, parts[5], call.headers['if-match']);
    }
    if (parts[4] === 'items' && parts[6] === 'fields' && parts.length === 7 && call.method === 'PATCH') {
      return site.updateFields(list, parts[5], call.body, call.headers['if-match']);
    }
    return graphError(405, 'invalidRequest', `${call.method} is not supported on ${call.path}`);
  }

  function listItems(call: Call, list: NonNullable<ReturnType<FakeSite['list']>>): FakeResponse {
    const top = Math.min(Number(call.query.get('$top') ?? defaultTop) || defaultTop, maxTop);
    const query: ItemQuery = {
      top,
      filter: call.query.get('$filter') ?? undefined,
      skiptoken: call.query.get('$skiptoken') ?? undefined,
      select: fieldSelection(call.query.get('$expand')).select,
      honorNonIndexed: /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(call.headers.prefer ?? ''),
    };
    return site.listItems(list, query, (skiptoken) => {
      const next = new URLSearchParams(call.query);
      next.set('$top', String(top));
      next.set('$skiptoken', skiptoken);
      return `${baseUrl}${call.path}?${next.toString()}`;
    });
  }

  /** json-batching.md: ≤ 20 requests, unique ids, relative URLs, Content-Type with a body, answers in any order. */
  function batch(body: unknown, token: string): FakeResponse {
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload: a requests array is required.');
    if (requests.length > BATCH_LIMIT) return graphError(400, 'BadRequest', `The number of requests in the batch exceeds the limit of ${BATCH_LIMIT}.`);
    const ids = new Set(requests.map((r: { id?: unknown }) => String(r.id).toLowerCase()));
    if (ids.size !== requests.length) return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
    const answered = shuffled(requests as Array<Record<string, unknown>>, batchOrder).map((request) => ({
      id: String(request.id),
      ...innerAnswer(request, token),
    }));
    return ok({
      responses: answered.map(({ id, status, headers, body: innerBody }) => ({
        id,
        status,
        headers: { ...(innerBody === undefined ? {} : { [options.batchContentTypeHeader ?? 'Content-Type']: 'application/json' }), ...headers },
        ...(innerBody === undefined ? {} : { body: innerBody }),
      })),
    });
  }

  function innerAnswer(request: Record<string, unknown>, token: string): FakeResponse {
    const url = String(request.url ?? '');
    const method = String(request.method ?? '').toUpperCase();
    const headers = lowerKeys(request.headers as Record<string, unknown> | undefined);
    if (/^https?:\/\//.test(url) || /^\/?(v1\.0|beta)\//.test(url)) {
      return graphError(400, 'BadRequest', `Invalid request URL ${url}: batch URLs are relative to the version root, e.g. /sites/…`);
    }
    if (request.body !== undefined && !headers['content-type'])
      return graphError(400, 'BadRequest', 'Write request id: ' + String(request.id) + ' does not contain Content-Type header or body.');
    const [path, search = ''] = (url.startsWith('/') ? url : `/${url}`).split('?');
    const call: Call = { method, path, query: new URLSearchParams(search), headers, body: request.body };
    stats.innerRequests += 1;
    const kind = kindOf(call);
    stats.innerByKind[kind] = (stats.innerByKind[kind] ?? 0) + 1;
    return injected('batchItem', call) ?? overBudget(kind) ?? denied(call, token) ?? route(call);
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (options.latencyMs) await sleep(options.latencyMs);
    const url = new URL(req.url ?? '/', baseUrl);
    const headers = lowerKeys(req.headers as Record<string, unknown>);
    const path = url.pathname.replace(/^\/v1\.0/, '');
    let body: unknown;
    let answer: FakeResponse;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      answer = graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    const call: Call = { method: req.method ?? 'GET', path, query: url.searchParams, headers, body };
    const kind = kindOf(call);
    stats.requests += 1;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    stats.arrivals.push({ kind, at: (Date.now() - started) / 1000 });
    stats.authorizations.push(headers.authorization ?? '');
    stats.userAgents.push(headers['user-agent'] ?? '');
    if (headers.prefer) stats.preferHeaders.push(headers.prefer);
    const hang = hangs.find((h) => h.remaining > 0 && matches(call, h.match));
    if (hang) {
      hang.remaining -= 1;
      stats.hung += 1;
      res.on('close', () => (stats.abandoned += 1));
      if (hang.applied) route(call);
      return;
    }
    answer ??= !/^Bearer \S+/.test(headers.authorization ?? '')
      ? graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.')
      : (injected('request', call) ??
        overBudget(kind) ??
        denied(call, bearerOf(headers.authorization)) ??
        (kind === 'batch'
          ? call.method === 'POST'
            ? batch(body, bearerOf(headers.authorization))
            : graphError(405, 'BadRequest', 'Use POST for $batch')
          : route(call)));
    const responseHeaders: Record<string, string> = { ...(answer.headers ?? {}) };
    if (answer.body !== undefined) responseHeaders['Content-Type'] = 'application/json';
    res.writeHead(answer.status, responseHeaders);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  });
  // Graph keeps idle connections open longer than a client does; a fake that drops them after Node's 5 s
  // default races the client reusing one under load (ECONNRESET, "fetch failed").
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;

  const listOrThrow = (name: string) => {
    const list = site.list(name);
    if (!list) throw new Error(`the fake has no list ${name}`);
    return list;
  };

  return {
    url: baseUrl,
    siteId: SITE_ID,
    get stats() {
      return stats;
    },
    resetStats() {
      stats = emptyStats();
    },
    throttleNext(count, retryAfterSeconds, opts = {}) {
      const status = opts.status ?? 429;
      failures.push({
        target: opts.target ?? 'request',
        remaining: count,
        response: () =>
          status === 429
            ? graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': String(retryAfterSeconds) })
            : graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', { 'Retry-After': String(retryAfterSeconds) }),
      });
    },
    failNext(count, status, code, message, target = 'request', match) {
      failures.push({ target, remaining: count, response: () => graphError(status, code, message), match });
    },
    hangNext(count, match, opts = {}) {
      hangs.push({ remaining: count, match, applied: opts.applied ?? false });
    },
    setBatchOrder(order) {
      batchOrder = order;
    },
    seedItems(list, items) {
      const target = listOrThrow(list);
      return items.map((fields) => site.seed(target, fields));
    },
    directory,
    itemCount(list) {
      return site.itemCount(listOrThrow(list));
    },
    listNames() {
      return site.allLists(false).map((l) => String(l.displayName));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
