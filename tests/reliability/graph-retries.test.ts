import { type ServerOnStore, startServerOn } from './both-stores';
import { entryInput } from '../support/builders';

/**
 * Graph retries that could do harm or keep a person waiting: a POST or PATCH answered 504 may have been applied,
 * so it is not sent again (a duplicate item, a second change); while a person waits for an answer, a Retry-After
 * longer than the request's ~10 s budget is not waited for: the person gets a clear 503 at once.
 */
let running: ServerOnStore;
beforeAll(async () => {
  running = await startServerOn('graph');
});
afterAll(async () => running?.stop());

const newEntry = entryInput('Eén keer');

test('a create answered 504 is not sent again: one attempt, a 503, and the retry with the same Idempotency-Key creates once', async () => {
  const fake = running.fake!;
  fake.resetStats();
  fake.failNext(1, 504, 'UnknownError', 'Gateway timeout', 'request', { kind: 'item.create', list: 'SynergyRegisterEntries' });
  const first = await running.server.api('/api/entries', { method: 'POST', json: newEntry, headers: { 'Idempotency-Key': 'gw-1' } });
  expect(first.status).toBe(503);
  expect(fake.stats.byKind['item.create']).toBe(1);
  const retried = await running.server.api('/api/entries', { method: 'POST', json: newEntry, headers: { 'Idempotency-Key': 'gw-1' } });
  expect(retried.status).toBe(201);
});

test('a read answered 504 is retried (it is safe)', async () => {
  const fake = running.fake!;
  fake.resetStats();
  fake.failNext(1, 504, 'UnknownError', 'Gateway timeout', 'request', { kind: 'items.list', list: 'SynergyRegisterEntries' });
  const res = await running.server.api('/api/entries');
  expect(res.status).toBe(200);
  expect(fake.stats.byKind['items.list']).toBeGreaterThanOrEqual(2);
});

test('throttled with Retry-After 120 s while a person waits: a clear 503 within the budget, not minutes', async () => {
  const fake = running.fake!;
  fake.throttleNext(1, 120);
  // waiting out 120 s would outlast the test's own timeout: an answer at all means the budget held
  const res = await running.server.api('/api/entries/1');
  expect(res.status).toBe(503);
  expect((await res.json()).error.message).toMatch(/throttl|try again/i);
});
