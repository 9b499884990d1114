import * as model from '../../src/domain/model';
import { startTestServer, type TestServer } from '../support/server';

/** The tab's view of an entry's polls: the same closing rule as the poll service, and never who voted. */
describe('polls of an entry, as the tab shows them', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
  });
  afterAll(async () => server.stop());

  it('shows a poll past its closing time as closed, counts ballots and names no voter', async () => {
    const entry = (await (
      await server.api('/api/entries', {
        method: 'POST',
        json: { title: { nl: 'Laptops' }, domain: 'ICT', status: 'proposed', kind: 'economy_of_scale', formalisation: 'joint_procurement' },
      })
    ).json()) as { id: string };
    const group = await server.register.store.focusGroups.create(model.focusGroup.parse({ domain: 'ICT', name: { nl: 'Focusgroep IT' } }));
    const poll = (question: string, closesAt: string | null) =>
      server.register.store.polls.create(
        model.poll.parse({
          focusGroupId: group.id,
          entryId: entry.id,
          question,
          options: [{ id: 'a', label: 'Ja' }, { id: 'b', label: 'Nee' }],
          closesAt,
          createdBy: { name: 'An Peeters' },
          createdAt: '2026-01-01T09:00:00Z',
          requestKey: `test:${question}`,
        }),
      );
    const past = await poll('Voorbij?', '2026-01-02T09:00:00Z');
    await poll('Nog open?', null);
    await server.register.store.votes.create(
      model.vote.parse({ pollId: past.id, voter: { id: 'u1', name: 'Geheime Stemmer' }, optionIds: ['a'], at: '2026-01-01T10:00:00Z', ballotKey: model.ballotKeyOf(past.id, 'u1') }),
    );

    const res = await server.api(`/api/tab/entries/${entry.id}/polls`);
    const body = (await res.json()) as { items: Array<{ question: string; status: string; voters: number; options: Array<{ votes: number }> }> };
    expect(body.items.map((p) => [p.question, p.status, p.voters, p.options.map((o) => o.votes)])).toEqual([
      ['Voorbij?', 'closed', 1, [1, 0]],
      ['Nog open?', 'open', 0, [0, 0]],
    ]);
    expect(JSON.stringify(body)).not.toContain('Geheime Stemmer');
    expect((await server.api('/api/tab/entries/99999/polls')).status).toBe(404);
  });
});
