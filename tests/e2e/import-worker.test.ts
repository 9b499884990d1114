import { ImportRejectedError } from '../../src/import/errors';
import { ImportService } from '../../src/import/import-service';
import { startTestServer, type TestServer } from '../support/server';
import { tempRegister } from '../support/import-fixtures';
import { longReport } from '../fixtures/import-corpus/long-report';

/** Reading a report runs off the request thread: the server keeps answering, one read per person, within a budget, cancellable. */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let server: TestServer;
let report: Buffer;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  report = await longReport();
});
afterAll(() => server.close());

const upload = (headers: Record<string, string> = {}) =>
  server.api('/api/import?name=lang.docx', {
    method: 'POST',
    body: new Uint8Array(report),
    headers: { 'content-type': DOCX, 'accept-language': 'nl', ...headers },
  });

test('while a long report is read, health and ordinary requests are answered first', async () => {
  const order: string[] = [];
  const importing = upload().then(async (res) => {
    order.push('import');
    return res;
  });
  // health and a register page, asked after the import started, come back before it
  await new Promise((r) => setTimeout(r, 50));
  const [health, page] = await Promise.all([server.api('/api/health'), server.api('/api/actions')]);
  order.push('health');
  expect([health.status, page.status]).toEqual([200, 200]);
  const res = await importing;
  expect(res.status).toBe(200);
  expect(order).toEqual(['health', 'import']);
  const { proposal } = (await res.json()) as { proposal: { entries: unknown[] } };
  expect(proposal.entries.length).toBe(4000);
});

test('one person reads one document at a time: a second one at once is refused with 429, in their language', async () => {
  const first = upload();
  await new Promise((r) => setTimeout(r, 50));
  const second = await upload();
  expect(second.status).toBe(429);
  expect(second.headers.get('retry-after')).toBeTruthy();
  const body = (await second.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code: 'busy', message: expect.stringMatching(/^Er wordt al een document van u gelezen/) });
  expect((await first).status).toBe(200);
});

test('20 imports fired at once harm no one: one is read, the others are told to wait, and the server keeps answering', async () => {
  const uploads = Array.from({ length: 20 }, () => upload());
  const health = await server.api('/api/health');
  expect(health.status).toBe(200);
  const statuses = (await Promise.all(uploads)).map((res) => res.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 429)).toHaveLength(19);
  expect((await server.api('/api/entries?limit=1')).status).toBe(200);
}, 60_000);

describe('the reader’s budget and cancel', () => {
  let store: Awaited<ReturnType<typeof tempRegister>>;
  beforeAll(async () => {
    store = await tempRegister(false);
  });
  afterAll(() => store.close());

  async function problemOf(run: Promise<unknown>): Promise<string> {
    try {
      await run;
    } catch (error) {
      if (error instanceof ImportRejectedError) return error.problem;
      throw error;
    }
    return 'accepted';
  }

  test('a reading over its time budget is stopped and said so in the clerk’s language', async () => {
    const service = new ImportService(store.register, { nl: 'Langedam' });
    const problem = await problemOf(service.propose(report, 'lang.docx', { budget: { timeMs: 1, heapMb: 256 } }));
    expect(problem).toBe('too_complex');
    expect(new ImportRejectedError('too_complex', { seconds: 60 }).messageIn('fr')).toMatch(/arrêtée après 60\u00a0secondes/);
  });

  test('a caller who gives up stops the reading; nothing is written', async () => {
    const service = new ImportService(store.register, { nl: 'Langedam' });
    const gaveUp = new AbortController();
    const reading = service.propose(report, 'lang.docx', { signal: gaveUp.signal });
    gaveUp.abort();
    expect(await problemOf(reading)).toBe('cancelled');
    expect(await store.register.entries.list({})).toEqual([]);
  });
});
