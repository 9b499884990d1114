import type { ImportProposal } from '../../src/import/proposal';
import { startTranslatorFake, translatorEnv, type TranslatorFake } from '../fakes/translator-fake';
import { startTestServer, type TestServer } from '../support/server';
import { handTypedReportFr } from '../support/word-documents';

/**
 * Translation suggestions for the measures of an import under review, over HTTP against the real server and the
 * local fake of Azure AI Translator: the texts travel with the request (nothing is stored before the confirmation),
 * and a confirmed suggestion nobody edited is marked "machine translation, not reviewed" on the entry created.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

describe('suggestions in the import review', () => {
  let server: TestServer;
  let fake: TranslatorFake;
  let proposal: ImportProposal;
  beforeAll(async () => {
    fake = await startTranslatorFake();
    server = await startTestServer({ demoData: false, env: translatorEnv(fake) });
    const upload = await json(
      await server.api('/api/import?name=rapport-2026.docx', {
        method: 'POST',
        body: new Uint8Array(await handTypedReportFr()),
        headers: { 'content-type': DOCX },
      }),
    );
    expect(upload.status).toBe(200);
    proposal = upload.body.proposal;
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });
  beforeEach(() => fake.requests.splice(0));

  const suggest = (body: unknown) => server.api('/api/translations/suggest', { method: 'POST', json: body }).then(json);
  const textsOf = (keys: string[]) =>
    keys.flatMap((key) => {
      const measure = proposal.entries.find((e) => e.key === key)!;
      return [
        { importId: proposal.importId, key, field: 'title', text: measure.title },
        { importId: proposal.importId, key, field: 'description', text: measure.description },
      ];
    });

  it('translates the texts the review sends, names them by import, measure and field, and counts their characters', async () => {
    expect(proposal.language).toBe('fr');
    const keys = proposal.entries.map((e) => e.key);
    const answer = await suggest({ from: 'fr', to: 'nl', texts: textsOf(keys) });
    expect(answer.status).toBe(200);
    const titles = answer.body.suggestions.filter((s: any) => s.field === 'title');
    expect(titles).toHaveLength(proposal.entries.length);
    expect(titles[0]).toEqual({
      importId: proposal.importId,
      key: 'm1',
      field: 'title',
      source: proposal.entries[0].title,
      // the fake prefixes the target language and swaps a few of the register's words ("personnel" → "personeel")
      text: `[nl] ${proposal.entries[0].title.replace(/\bpersonnel\b/, 'personeel')}`,
    });
    // a list item has no description of its own: said, not sent
    const empty = proposal.entries
      .filter((e) => !e.description.trim())
      .map((e) => ({ importId: proposal.importId, key: e.key, field: 'description', reason: 'no_source' }));
    expect(answer.body.skipped).toEqual(empty);
    expect(answer.body.requests).toBe(1);
    expect(answer.body.characters).toBe(fake.requests[0]!.characters);
    expect(fake.requests[0]!.texts).toHaveLength(answer.body.suggestions.length);
    expect(fake.requests[0]!.from).toEqual(expect.arrayContaining(['fr']));
    const settings = await json(await server.api('/api/translations/settings'));
    expect(settings.body.charactersUsed).toBe(answer.body.characters);
    // nothing was written: the review is the clerk's until confirmed
    expect((await json(await server.api('/api/entries'))).body.total).toBe(0);
  });

  it('refuses a text over 20 000 characters or a bad measure key with a 400 naming the field, and sends nothing', async () => {
    const long = await suggest({ from: 'fr', to: 'nl', texts: [{ importId: proposal.importId, key: 'm1', field: 'description', text: 'x'.repeat(20001) }] });
    expect(long.status).toBe(400);
    expect(long.body.error.issues.map((i: any) => [i.field, i.code])).toEqual([['texts.0.text', 'too_long']]);
    const key = await suggest({ from: 'fr', to: 'nl', texts: [{ importId: proposal.importId, key: 'first', field: 'title', text: 'Formations' }] });
    expect(key.status).toBe(400);
    expect(key.body.error.issues.map((i: any) => i.field)).toEqual(['texts.0.key']);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a request over the monthly budget before sending anything', async () => {
    const current = await json(await server.api('/api/translations/settings'));
    const put = (budget: number | null, etag: string) =>
      server
        .api('/api/translations/settings', {
          method: 'PUT',
          headers: { 'if-match': etag },
          json: { glossary: current.body.glossary, monthlyCharacterBudget: budget },
        })
        .then(json);
    const limited = await put(current.body.charactersUsed + 5, current.body.etag ?? '');
    expect(limited.status).toBe(200);
    const over = await suggest({ from: 'fr', to: 'nl', texts: textsOf(['m1']) });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('translation_budget_exceeded');
    expect(fake.requests).toHaveLength(0);
    expect((await put(null, limited.body.etag)).status).toBe(200);
  });

  it('confirms the suggestions shown: the entries get both languages, marked unreviewed only where nobody edited them, and the Dutch annex lists them', async () => {
    const answer = await suggest({ from: 'fr', to: 'nl', texts: textsOf(['m1', 'm2']) });
    const text = (key: string) => answer.body.suggestions.find((s: any) => s.key === key && s.field === 'title').text as string;
    const reviewed = structuredClone(proposal);
    reviewed.entries[0].translation = { language: 'nl', title: text('m1'), description: '', machine: ['title'] };
    // the clerk corrected this one: theirs, not the machine's
    reviewed.entries[1].translation = { language: 'nl', title: 'Gemeenschappelijke aanwerving van maatschappelijk werkers', description: '', machine: [] };
    const confirmed = await json(await server.api('/api/import/confirm', { method: 'POST', json: reviewed }));
    expect(confirmed.status).toBe(201);
    const entry = async (key: string) => (await json(await server.api(`/api/entries/${confirmed.body.entries[key]}`))).body;
    const first = await entry('m1');
    expect(first.title).toEqual({ fr: proposal.entries[0].title, nl: text('m1') });
    expect(first.machineTranslated).toEqual([{ field: 'title', language: 'nl' }]);
    const second = await entry('m2');
    expect(second.title.nl).toBe('Gemeenschappelijke aanwerving van maatschappelijk werkers');
    expect(second.machineTranslated).toBeUndefined();
    const third = await entry('m3');
    expect(third.title.nl).toBeUndefined();
    const annex = await json(await server.api(`/api/annex?year=${reviewed.year}&lang=nl`));
    expect(annex.body.meta.machineTranslated).toEqual([{ id: first.id, title: text('m1'), fields: ['title'] }]);
  });
});
