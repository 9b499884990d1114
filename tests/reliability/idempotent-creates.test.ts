import { STORE_KINDS, type ServerOnStore, startServerOn } from './both-stores';
import { entryInput } from '../support/builders';

/**
 * A POST retried with the same Idempotency-Key (after a timeout, a lost answer, a crash) gets the record the first
 * one created, on both stores; without the key each POST creates.
 */
const newEntry = (title: string) => entryInput(title);

describe.each(STORE_KINDS)('idempotent creates on the %s store', (kind) => {
  let running: ServerOnStore;
  const api = (...args: Parameters<ServerOnStore['server']['api']>) => running.server.api(...args);
  const post = (path: string, json: unknown, key?: string) => api(path, { method: 'POST', json, headers: key ? { 'Idempotency-Key': key } : {} });

  beforeAll(async () => {
    running = await startServerOn(kind);
  });
  afterAll(async () => running?.stop());

  test('the same key twice: 201, then 200 with the same record; concurrent retries create one', async () => {
    const first = await post('/api/entries', newEntry('Eenmalig'), 'form-7f3a');
    expect(first.status).toBe(201);
    const again = await post('/api/entries', newEntry('Eenmalig'), 'form-7f3a');
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await first.json()).id);

    const racing = await Promise.all(Array.from({ length: 8 }, () => post('/api/actions', { title: 'Eén actie', owner: { name: 'An' } }, 'action-key-1')));
    const ids = new Set(await Promise.all(racing.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    const titled = (await (await api('/api/actions')).json()).items.filter((a: { title: string }) => a.title === 'Eén actie');
    expect(titled).toHaveLength(1);
  });

  test('the same key with another body is a 422 naming what differs, in the caller’s language, and creates nothing', async () => {
    const first = await post('/api/entries', newEntry('Eén sleutel'), 'form-reused');
    expect(first.status).toBe(201);
    const before = (await (await api('/api/entries')).json()).total;
    const other = await api('/api/entries', {
      method: 'POST',
      json: newEntry('Een ander verzoek'),
      headers: { 'Idempotency-Key': 'form-reused', 'Accept-Language': 'nl-BE' },
    });
    expect(other.status).toBe(422);
    const body = await other.json();
    expect(body.error).toMatchObject({ code: 'idempotency_key_reused', fields: ['title'] });
    expect(body.error.message).toMatch(/^Deze Idempotency-Key werd al gebruikt voor een ander verzoek \(anders: title\)/);
    expect((await (await api('/api/entries')).json()).total).toBe(before);
    // the same body again is still the retry it always was
    expect((await post('/api/entries', newEntry('Eén sleutel'), 'form-reused')).status).toBe(200);
    // and so for the other collections
    expect((await post('/api/meetings', { body: 'technical', date: '2026-05-02' }, 'meeting-reused')).status).toBe(201);
    expect((await post('/api/meetings', { body: 'technical', date: '2026-05-03' }, 'meeting-reused')).status).toBe(422);
    const group = await (await post('/api/focus-groups', { domain: 'ICT', name: { nl: 'ICT' } })).json();
    const poll = (question: string) => ({ focusGroupId: group.id, question, options: ['Ja', 'Nee'] });
    expect((await post('/api/polls', poll('Doen we mee?'), 'poll-reused')).status).toBe(201);
    expect((await post('/api/polls', poll('Doen we mee?'), 'poll-reused')).status).toBe(200);
    const otherPoll = await post('/api/polls', poll('Een andere vraag?'), 'poll-reused');
    expect(otherPoll.status).toBe(422);
    expect((await otherPoll.json()).error.fields).toEqual(['question']);
  });

  test('without a key every POST creates; an empty or over-long key is a 400', async () => {
    const a = await (await post('/api/meetings', { body: 'technical', date: '2026-05-01' })).json();
    const b = await (await post('/api/meetings', { body: 'technical', date: '2026-05-01' })).json();
    expect(a.id).not.toBe(b.id);
    expect((await post('/api/meetings', { body: 'technical', date: '2026-05-01' }, 'k'.repeat(256))).status).toBe(400);
  });

  test('the same decision posted twice (a retry) is recorded once', async () => {
    const { id } = await (await post('/api/entries', newEntry('Dubbel besluit'))).json();
    const decision = { body: 'college', date: '2026-03-01', text: { nl: 'Goedgekeurd' }, outcome: 'approved' };
    await post(`/api/entries/${id}/decisions`, decision);
    await post(`/api/entries/${id}/decisions`, decision);
    expect((await (await api(`/api/entries/${id}`)).json()).decisions).toHaveLength(1);
  });

  if (kind === 'graph') {
    test('a create whose history write failed answers 503; its retry gets the stored entry and writes the missing event once', async () => {
      const fake = running.fake!;
      fake.failNext(1, 500, 'generalException', 'An unspecified error has occurred.', 'request', { kind: 'item.create', list: 'SynergyRegisterHistory' });
      const entriesBefore = fake.itemCount('SynergyRegisterEntries');
      const key = 'history-fails-once';
      const first = await post('/api/entries', newEntry('Half geschreven'), key);
      expect(first.status).toBe(503);
      const retried = await post('/api/entries', newEntry('Half geschreven'), key);
      expect(retried.status).toBe(200);
      const { id } = await retried.json();
      expect(running.fake!.itemCount('SynergyRegisterEntries')).toBe(entriesBefore + 1);
      const history = (await (await api(`/api/entries/${id}/history`)).json()).items;
      expect(history.filter((e: { kind: string }) => e.kind === 'created')).toHaveLength(1);
    });
  }
});
