import { type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Token validation cannot be starved: tokens with unknown key ids cost at most one JWKS fetch per 30 s cooldown
 * overall (jose's remote key set), never keep a real user's known key from being used, also after the key cache
 * has expired; a rotated key works after the cooldown at the latest. Only the clock (Date) is faked: jose's cache,
 * its cooldown and the token times read it; timers and the network run for real.
 */
let entra: LocalEntra;
let server: TestServer;
let clock = Date.now();

const me = (bearer: string) => server.api('/api/me', { headers: { Authorization: `Bearer ${bearer}` } });

beforeAll(async () => {
  jest.useFakeTimers({
    now: clock,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  });
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

test('random key ids never starve a real user, before or after the key cache expires; all of them together cost one fetch per cooldown', async () => {
  expect((await me(entra.token())).status).toBe(200);
  const fetchesAfterFirst = entra.jwksRequests;

  const random = Array.from({ length: 40 }, (_, i) => entra.token({}, { key: entra.impostor.privateKey, kid: `random-${i}` }));
  // within the cooldown of the first fetch: no fetch at all
  for (const bearer of random) expect((await me(bearer)).status).toBe(401);
  expect(entra.jwksRequests).toBe(fetchesAfterFirst);
  // past it: one fetch for the whole flood, however many ids it names
  tick(31_000);
  for (const bearer of random) expect((await me(bearer)).status).toBe(401);
  for (const bearer of random) expect((await me(bearer)).status).toBe(401);
  expect(entra.jwksRequests).toBe(fetchesAfterFirst + 1);

  // a real user is served from the cache meanwhile
  expect((await me(entra.token())).status).toBe(200);
  // past the cache's age (10 min), during the flood, the real user's key is fetched again at once
  tick(11 * 60_000);
  for (const bearer of random.slice(0, 10)) await me(bearer);
  expect((await me(entra.token())).status).toBe(200);
  expect(entra.jwksRequests).toBe(fetchesAfterFirst + 2);
}, 60_000);

test('a rotated key works after the cooldown at the latest, right after a flood of random key ids', async () => {
  tick(31_000);
  for (let i = 0; i < 20; i++) await me(entra.token({}, { key: entra.impostor.privateKey, kid: `flood-${i}` }));
  const rotated = entra.publishKey('rotated-key-2');
  const first = await me(entra.token({}, { key: rotated, kid: 'rotated-key-2' }));
  // the flood's fetch was just now: the new key waits for the cooldown (Entra ID publishes keys long before use)
  expect(first.status).toBe(401);
  tick(31_000);
  expect((await me(entra.token({}, { key: rotated, kid: 'rotated-key-2' }))).status).toBe(200);
  tick(1000);
  expect((await me(entra.token({}, { key: rotated, kid: 'rotated-key-2' }))).status).toBe(200);
});
