import { startTestServer, type TestServer } from '../support/server';

/**
 * One poll API for every surface: the tab reads an entry's polls from /api/polls?entryId= as the caller may
 * see them (the closing rule of the poll service; a sealed poll shows only its number of ballots). The
 * tab's own endpoint is gone.
 */
describe('polls of an entry, through the one poll API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
  });
  afterAll(async () => server.stop());

  it('a poll past its closing time reads closed; a sealed poll shows counts to nobody until it closes', async () => {
    const entry = (await (
      await server.api('/api/entries', {
        method: 'POST',
        json: { title: { nl: 'Laptops' }, domain: 'ICT', status: 'proposed', kind: 'economy_of_scale', formalisation: 'joint_procurement' },
      })
    ).json()) as { id: string };
    const group = await server.register.focusGroups.create({ domain: 'ICT', name: { nl: 'Focusgroep IT' } });
    const create = async (json: Record<string, unknown>) =>
      (await server.api('/api/polls', { method: 'POST', json: { focusGroupId: group.id, entryId: entry.id, options: ['Ja', 'Nee'], ...json } })).json();
    const timed = await create({ question: 'Voorbij?', closesAt: new Date(Date.now() + 800).toISOString() });
    const sealed = await create({ question: 'Geheim?', sealed: true });
    expect((await server.api(`/api/polls/${sealed.id}/vote`, { method: 'POST', json: { optionIds: ['o1'] } })).status).toBe(200);
    expect((await server.api(`/api/polls/${timed.id}/vote`, { method: 'POST', json: { optionIds: ['o2'] } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 900));

    const body = (await (await server.api(`/api/polls?entryId=${entry.id}`)).json()) as {
      items: Array<{ question: string; phase: string; myBallot: string[]; tally: { ballots: number; sealed: boolean; options: Array<{ count: number }> } }>;
    };
    expect(body.items.map((p) => [p.question, p.phase, p.tally.ballots, p.tally.sealed, p.tally.options.map((o) => o.count), p.myBallot])).toEqual([
      ['Voorbij?', 'closed', 1, false, [0, 1], ['o2']],
      ['Geheim?', 'open', 1, true, [0, 0], ['o1']],
    ]);
    expect((await server.api(`/api/polls/${sealed.id}/export.csv`)).status).toBe(403);
    expect((await server.api('/api/tab/entries/1/polls')).status).toBe(404);
  });
});
