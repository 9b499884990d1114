import { type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Token validation cannot be starved: tokens with random key ids cost at most one JWKS fetch per id and never
 * keep a real user's known key from being used, also after the key cache has expired; a rotated key works at
 * its first token. Only the clock (Date) is faked: jose's cache, the per-kid limiter and the token times read it;
 * timers and the network run for real.
 */
let entra: LocalEntra;
let server: TestServer;
let clock = Date.now();

const me = (bearer: string) => server.api('/api/me', { headers: { Authorization: `Bearer ${bearer}` } });

beforeAll(async () => {
  jest.useFakeTimers({ now: clock, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'] });
  entra = await startLocalEntra();
  server = await startTestServer({ demoData: false, env: entra.env });
});
afterAll(async () => {
  jest.useRealTimers();
  await server?.stop();
  await entra?.close();
});

const tick = (ms: number) => {
  clock += ms;
  jest.setSystemTime(clock);
};

test('random key ids never starve a real user, before or after the key cache expires; each id costs one fetch at most', async () => {
  expect((await me(entra.token())).status).toBe(200);
  const fetchesAfterFirst = entra.jwksRequests;

  const random = Array.from({ length: 40 }, (_, i) => entra.token({}, { key: entra.impostor.privateKey, kid: `random-${i}` }));
  for (const bearer of random) expect((await me(bearer)).status).toBe(401);
  // the same random ids again cost nothing more
  const afterFlood = entra.jwksRequests;
  expect(afterFlood - fetchesAfterFirst).toBeLessThanOrEqual(40);
  for (const bearer of random) expect((await me(bearer)).status).toBe(401);
  expect(entra.jwksRequests).toBe(afterFlood);

  // a real user is served from the cache meanwhile
  expect((await me(entra.token())).status).toBe(200);
  // past the cache's age (10 min), during the flood, the real user's key is fetched again at once
  tick(11 * 60_000);
  for (const bearer of random.slice(0, 10)) await me(bearer);
  expect((await me(entra.token())).status).toBe(200);
}, 60_000);

test('a rotated key works at its first token, right after a flood of random key ids', async () => {
  for (let i = 0; i < 20; i++) await me(entra.token({}, { key: entra.impostor.privateKey, kid: `flood-${i}` }));
  const rotated = entra.publishKey('rotated-key-2');
  const res = await me(entra.token({}, { key: rotated, kid: 'rotated-key-2' }));
  expect(res.status).toBe(200);
  tick(1000);
  expect((await me(entra.token({}, { key: rotated, kid: 'rotated-key-2' }))).status).toBe(200);
});
