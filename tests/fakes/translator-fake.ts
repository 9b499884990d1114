import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Azure AI Translator's text translation REST contract (POST /translate), as Microsoft
 * documents it: key and region headers, the api-version query, `{ inputs: [{ text, language, targets }] }` in,
 * `{ value: [{ translations: [{ language, text, sourceCharacters }] }] }` out; the documented limits (1 000 texts,
 * 50 000 characters over all targets per request); `{ error: { code, message } }` bodies; 429 with Retry-After.
 *
 * Its "translation" is deterministic so tests can assert it: a dynamic dictionary entry becomes its translation,
 * a few words of the register's Dutch and French swap, and the rest is prefixed with the target language.
 */

export interface FakeRequest {
  apiVersion: string | null;
  key: string | undefined;
  region: string | undefined;
  /** with a managed identity: the bearer token and the resource id sent */
  bearer?: string;
  resourceId?: string;
  texts: string[];
  from: string[];
  to: string[];
  characters: number;
}

const WORDS: Record<string, Record<string, string>> = {
  'nl>fr': {
    gemeenschappelijke: 'commune',
    aankoop: 'achat',
    van: 'de',
    en: 'et',
    dienst: 'service',
    personeel: 'personnel',
    gezamenlijke: 'conjointe',
    opleiding: 'formation',
  },
  'fr>nl': {
    commune: 'gemeenschappelijke',
    achat: 'aankoop',
    de: 'van',
    et: 'en',
    service: 'dienst',
    personnel: 'personeel',
    conjointe: 'gezamenlijke',
    formation: 'opleiding',
  },
};

const DICTIONARY = /<mstrans:dictionary translation="([^"]*)">([\s\S]*?)<\/mstrans:dictionary>/g;

function fakeTranslate(text: string, from: string, to: string): string {
  const kept: string[] = [];
  const marked = text.replace(DICTIONARY, (_m, translation: string) => {
    kept.push(translation.replace(/&quot;/g, '"'));
    return `\u0000${kept.length - 1}\u0000`;
  });
  const words = WORDS[`${from}>${to}`] ?? {};
  const swapped = marked.replace(/\p{L}+/gu, (w) => words[w.toLowerCase()] ?? w);
  return `[${to}] ${swapped.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)]!)}`;
}

export interface TranslatorFake {
  url: string;
  key: string;
  region: string;
  requests: FakeRequest[];
  /** the next `count` requests answer this status (429/503 carry Retry-After `retryAfter`) */
  failNext(count: number, status: number, retryAfter?: string): void;
  close(): Promise<void>;
}

const TRANSLATOR_LIMITS = { texts: 1000, characters: 50_000 };

export async function startTranslatorFake(
  options: {
    key?: string;
    region?: string;
    /** serve https with this certificate (bearer tokens need TLS) */ tls?: { key: string; cert: string };
    /** a managed identity's accepted token and resource id */ identity?: { token: string; resourceId: string };
  } = {},
): Promise<TranslatorFake> {
  const key = options.key ?? 'fake-translator-key';
  const region = options.region ?? 'westeurope';
  const requests: FakeRequest[] = [];
  let failures: Array<{ status: number; retryAfter?: string }> = [];

  const error = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify({ error: { code, message } }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || url.pathname !== '/translate') return error(res, 404, 404001, 'The requested resource was not found.');
    const apiVersion = url.searchParams.get('api-version');
    if (!apiVersion) return error(res, 400, 400021, 'The API version parameter is missing or invalid.');
    const givenKey = req.headers['ocp-apim-subscription-key'] as string | undefined;
    const givenRegion = req.headers['ocp-apim-subscription-region'] as string | undefined;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const resourceId = req.headers['ocp-apim-resourceid'] as string | undefined;
    const byIdentity = options.identity !== undefined && bearer === options.identity.token && resourceId === options.identity.resourceId;
    if (givenKey !== key && !byIdentity) return error(res, 401, 401000, 'The request is not authorized because credentials are missing or invalid.');
    if (givenRegion !== region) return error(res, 401, 401015, 'The credentials provided are for a different region than the one the request was sent to.');
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter !== undefined ? { 'retry-after': failure.retryAfter } : {};
      if (failure.status === 429) return error(res, 429, 429001, 'The server rejected the request because the client has exceeded request limits.', headers);
      return error(res, failure.status, failure.status * 1000, 'The service is temporarily unavailable.', headers);
    }
    let body: { inputs?: Array<{ text?: unknown; language?: unknown; targets?: Array<{ language?: unknown }> }> };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return error(res, 400, 400074, 'The body of the request is not valid JSON.');
    }
    const inputs = body?.inputs;
    if (!Array.isArray(inputs) || inputs.length === 0) return error(res, 400, 400000, 'One of the request inputs is not valid.');
    if (inputs.length > TRANSLATOR_LIMITS.texts) return error(res, 400, 400077, 'The maximum request size has been exceeded: too many array elements.');
    let characters = 0;
    for (const input of inputs) {
      if (typeof input.text !== 'string' || !Array.isArray(input.targets) || input.targets.length === 0)
        return error(res, 400, 400000, 'One of the request inputs is not valid.');
      if (typeof input.language !== 'string' && input.text.includes('<mstrans:dictionary'))
        return error(res, 400, 400035, 'The dynamic dictionary needs the source language.');
      characters += [...input.text].length * input.targets.length;
    }
    if (characters > TRANSLATOR_LIMITS.characters) return error(res, 400, 400050, 'The input text is too long: the request exceeds 50000 characters.');
    requests.push({
      apiVersion,
      key: givenKey,
      region: givenRegion,
      ...(bearer ? { bearer } : {}),
      ...(resourceId ? { resourceId } : {}),
      texts: inputs.map((i) => i.text as string),
      from: inputs.map((i) => String(i.language)),
      to: inputs.flatMap((i) => i.targets!.map((t) => String(t.language))),
      characters,
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-metered-usage': String(characters) });
    res.end(
      JSON.stringify({
        value: inputs.map((i) => ({
          translations: i.targets!.map((t) => ({
            language: t.language,
            text: fakeTranslate(i.text as string, String(i.language), String(t.language)),
            sourceCharacters: [...(i.text as string)].length,
          })),
        })),
      }),
    );
  };

  const listener: RequestListener = (req, res) => {
    handle(req, res).catch(() => error(res, 500, 500000, 'An unexpected error occurred.'));
  };
  const server: Server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    key,
    region,
    requests,
    failNext(count, status, retryAfter) {
      failures = [...failures, ...Array.from({ length: count }, () => ({ status, ...(retryAfter !== undefined ? { retryAfter } : {}) }))];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The server's settings that point it at this fake (what a tenant sets for its Azure AI Translator resource). */
export function translatorEnv(fake: TranslatorFake): Record<string, string> {
  return { TRANSLATOR_ENDPOINT: fake.url, TRANSLATOR_REGION: fake.region, TRANSLATOR_KEY: fake.key };
}
