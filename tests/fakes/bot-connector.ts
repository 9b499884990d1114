import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A local stand-in for the Bot Connector service the bot replies to (the activity's serviceUrl):
 * records POST /v3/conversations/{id}/activities[/{replyTo}] and PUT …/activities/{id}, answers
 * like the real one ({ id }), lists a team's channels, and publishes a JWKS so tests can sign
 * Bot Framework tokens the SDK validates (through its cloud-environment overrides).
 */

export interface RecordedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** POST …/activities/{replyTo} */
  replyToId?: string;
  /** PUT …/activities/{activityId} */
  activityId?: string;
  /** the id this fake gave the activity */
  id: string;
  authorization?: string;
  body: {
    type?: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
    [key: string]: unknown;
  };
}

export interface FakeConnector {
  url: string;
  /** everything the bot sent, in order */
  activities: RecordedActivity[];
  /** Adaptive Cards the bot sent (new messages and updates) */
  cards(filter?: (a: RecordedActivity) => boolean): Array<Record<string, unknown>>;
  waitFor(predicate: (a: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  clear(): void;
  /** channels returned for GET /v3/teams/{teamId}/conversations */
  teams: Map<string, Array<{ id: string; name?: string }>>;
  /** members returned for GET /v3/conversations/{id}/members (by conversation id) */
  members: Map<string, Array<{ id: string; name: string; aadObjectId?: string }>>;
  /** conversations (ids) where Teams refuses the bot's posts with 403, as when the bot was removed or the user left */
  refuse: Set<string>;
  /** POST /v3/conversations bodies (1:1 chats the bot opened) */
  created: Array<Record<string, unknown>>;
  /** the public key set the fake publishes at /v1/.well-known/keys */
  issuer: string;
  openIdMetadataUrl: string;
  /** signs a Bot Framework-style service token with the fake's key */
  signToken(claims: { aud: string; serviceurl: string; iss?: string; expiresInSeconds?: number }): string;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }) as { privateKey: KeyObject; publicKey: KeyObject };
  const kid = `fake-${randomUUID()}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const activities: RecordedActivity[] = [];
  const waiters: Array<{ predicate: (a: RecordedActivity) => boolean; resolve: (a: RecordedActivity) => void }> = [];
  const teams = new Map<string, Array<{ id: string; name?: string }>>();
  const members = new Map<string, Array<{ id: string; name: string; aadObjectId?: string }>>();
  const refuse = new Set<string>();
  const created: Array<Record<string, unknown>> = [];
  let counter = 0;
  let url = '';

  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && path === '/v1/.well-known/keys') return send(200, { keys: [jwk] });
      if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
        return send(200, { issuer: 'https://api.botframework.com', jwks_uri: `${url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      }
      const team = /^\/v3\/teams\/([^/]+)\/conversations$/.exec(path);
      if (req.method === 'GET' && team) {
        const channels = teams.get(team[1]);
        return channels ? send(200, { conversations: channels }) : send(404, { error: { code: 'NotFound', message: 'team not found' } });
      }
      const memberList = /^\/v3\/conversations\/(.+)\/members$/.exec(path);
      if (req.method === 'GET' && memberList) return send(200, members.get(memberList[1]) ?? []);
      if (req.method === 'POST' && path === '/v3/conversations') {
        const body = (await readJson(req)) as { members?: Array<{ id: string }> };
        created.push(body as Record<string, unknown>);
        const user = body.members?.[0]?.id ?? 'unknown';
        if (refuse.has(`a:chat-${user}`)) return send(403, { error: { code: 'Forbidden', message: 'The user has left the organisation' } });
        return send(201, { id: `a:chat-${user}` });
      }
      const m = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(path);
      if (m && (req.method === 'POST' || req.method === 'PUT')) {
        if (refuse.has(m[1].split(';')[0]))
          return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
        const body = (await readJson(req)) as RecordedActivity['body'];
        const id = req.method === 'PUT' ? m[2]! : `activity-${++counter}`;
        const record: RecordedActivity = {
          method: req.method,
          conversationId: m[1],
          ...(req.method === 'POST' && m[2] ? { replyToId: m[2] } : {}),
          ...(req.method === 'PUT' ? { activityId: m[2] } : {}),
          id,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          body,
        };
        activities.push(record);
        for (const w of [...waiters]) {
          if (w.predicate(record)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(record);
          }
        }
        return send(req.method === 'PUT' ? 200 : 201, { id });
      }
      send(404, { error: { code: 'NotFound', message: `fake connector has no ${req.method} ${path}` } });
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'InternalError', message: String(error) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    activities,
    teams,
    members,
    refuse,
    created,
    issuer: 'https://api.botframework.com',
    openIdMetadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    cards(filter = () => true) {
      return activities
        .filter(filter)
        .flatMap((a) => a.body.attachments ?? [])
        .filter((att) => att.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((att) => att.content);
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = activities.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (a: RecordedActivity) => (clearTimeout(timer), resolve(a)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake connector: no matching activity within ${timeoutMs} ms (got ${activities.length})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    clear() {
      activities.length = 0;
    },
    signToken({ aud, serviceurl, iss = 'https://api.botframework.com', expiresInSeconds = 600 }) {
      return jwt.sign({ serviceurl }, privateKey, { algorithm: 'RS256', keyid: kid, audience: aud, issuer: iss, expiresIn: expiresInSeconds });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ------------------------------------------------------------------ activities as Teams sends them

export interface Who {
  id: string;
  name: string;
  aadObjectId?: string;
}

export interface Where {
  conversationId: string;
  /** team channel: channelData.team / channel */
  teamId?: string;
  channelId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
}

/** The tenant every activity comes from: the one the authenticated test servers are configured for (TENANT_ID). */
export const TEAMS_TENANT_ID = '0b0b0b0b-1111-4222-8333-444444444444';

export const BOT = { id: '28:synergy-bot', name: 'Synergy Register', role: 'bot' as const };

function base(serviceUrl: string, from: Who, where: Where, locale: string) {
  return {
    id: `in-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale,
    from: { ...from, role: 'user' },
    recipient: BOT,
    conversation: {
      id: where.conversationId,
      conversationType: where.conversationType ?? (where.channelId ? 'channel' : 'personal'),
      tenantId: TEAMS_TENANT_ID,
      isGroup: Boolean(where.channelId),
    },
    channelData: {
      tenant: { id: TEAMS_TENANT_ID },
      ...(where.teamId ? { team: { id: where.teamId } } : {}),
      ...(where.channelId ? { channel: { id: where.channelId } } : {}),
    },
  };
}

export function messageActivity(serviceUrl: string, text: string, from: Who, where: Where, locale = 'en-US', value?: Record<string, unknown>) {
  return { ...base(serviceUrl, from, where, locale), type: 'message', text, ...(value ? { value } : {}) };
}

/** adaptiveCard/action invoke, as Teams sends it for Action.Execute (inputs merged into data). */
export function executeActivity(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  from: Who,
  where: Where,
  options: { locale?: string; replyToId?: string; trigger?: 'manual' | 'automatic' } = {},
) {
  return {
    ...base(serviceUrl, from, where, options.locale ?? 'en-US'),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    value: { action: { type: 'Action.Execute', id: '', verb, data }, trigger: options.trigger ?? 'manual' },
  };
}

export function botInstalledInTeam(serviceUrl: string, teamId: string, by: Who, teamName = 'Team') {
  return {
    ...base(serviceUrl, by, { conversationId: teamId, teamId, channelId: teamId, conversationType: 'channel' }, 'en-US'),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TEAMS_TENANT_ID }, team: { id: teamId, name: teamName }, eventType: 'teamMemberAdded' },
  };
}

export function channelEvent(serviceUrl: string, teamId: string, channel: { id: string; name?: string }, eventType: string, by: Who) {
  return {
    ...base(serviceUrl, by, { conversationId: teamId, teamId, channelId: channel.id, conversationType: 'channel' }, 'en-US'),
    type: 'conversationUpdate',
    channelData: { tenant: { id: TEAMS_TENANT_ID }, team: { id: teamId }, channel, eventType },
  };
}

/** POSTs an activity to the bot's /api/messages as the Bot Connector would. */
export async function postActivity(serverUrl: string, activity: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

// ------------------------------------------------------------------ Adaptive Card validation

let AC: any;
function adaptiveCards(): any {
  if (AC) return AC;
  // adaptivecards' lib/ is bundler-only ESM; its UMD build wants a `window` to load. Parsing and
  // validating touch no DOM (only rendering does), and jsdom 29 cannot load under Jest on Node 20
  // (ESM-only dependencies), so a bare window object is enough here.
  const g = globalThis as { window?: unknown };
  g.window ??= {};
  AC = require('adaptivecards/dist/adaptivecards.js');
  return AC;
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/**
 * Problems with a card, as Teams would meet them: the adaptivecards library's parse events at schema
 * 1.5 and its property validation, plus our rules — version 1.5, size ≤ 28 KB, every Action.Execute
 * with a verb and an Action.Submit fallback, refresh.userIds ≤ 60. Empty when the card is fine.
 */
export function validateCard(input: object): string[] {
  const card = input as Record<string, unknown>;
  const lib = adaptiveCards();
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, Teams renders 1.5`);
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size > 28 * 1024) problems.push(`card is ${size} bytes, over 28 KB`);
  const context = new lib.SerializationContext(lib.Versions.v1_5);
  const parsed = new lib.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  walk(card, (o) => {
    if (o.type === 'Action.Execute') {
      if (typeof o.verb !== 'string' || !o.verb) problems.push('Action.Execute without a verb');
      const fb = o.fallback as Record<string, unknown> | undefined;
      if (!fb || fb.type !== 'Action.Submit') problems.push(`Action.Execute "${String(o.verb)}" without an Action.Submit fallback`);
    }
  });
  const refresh = card.refresh as { userIds?: unknown[]; action?: { type?: string } } | undefined;
  if (refresh) {
    if (refresh.action?.type !== 'Action.Execute') problems.push('refresh without an Action.Execute');
    if ((refresh.userIds?.length ?? 0) > 60) problems.push(`refresh.userIds has ${refresh.userIds?.length} ids, Teams allows 60`);
  }
  return problems;
}

/** All TextBlock texts of a card, for assertions. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (o) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
  });
  return out;
}

/** The card's buttons (Action.Execute, Action.OpenUrl…), without the refresh action and the Submit fallbacks. */
export function cardActions(card: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const refreshAction = (card as { refresh?: { action?: unknown } }).refresh?.action;
  walk(card, (o) => {
    if (o === refreshAction) return;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && o.type !== 'Action.Submit') out.push(o);
  });
  return out;
}
