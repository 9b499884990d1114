import { createBotSurface } from '../../bot/surface';
import {
  cardActions,
  cardTexts,
  type FakeConnector,
  messageActivity,
  postActivity,
  type RecordedActivity,
  startFakeConnector,
  validateCard,
} from '../fakes/bot-connector';
import { startTestServer, type TestServer } from '../support/server';

/** "changes 2026" over HTTP: a message to the running server's /api/messages, the card caught by a fake Bot Connector. */

const ANN = { id: '29:ann', name: 'Ann Peeters', aadObjectId: 'aad-ann' };
const PERSONAL = { conversationId: 'a:personal-ann' };

let connector: FakeConnector;
let server: TestServer;

async function answer(text: string, locale = 'en-US'): Promise<Record<string, unknown>> {
  const before = connector.activities.length;
  const res = await postActivity(server.url, messageActivity(connector.url, text, ANN, PERSONAL, locale));
  expect(res.status).toBe(200);
  const sent: RecordedActivity[] = connector.activities.slice(before);
  const cards = connector.cards((a) => sent.includes(a));
  expect(cards).toHaveLength(1);
  expect(validateCard(cards[0])).toEqual([]);
  return cards[0];
}

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ demoData: false, surfaces: [createBotSurface({ sweepIntervalMs: 60_000 })] });
  const by = { name: 'Test' };
  const base = { domain: 'ICT', kind: 'synergy', formalisation: 'agreement' } as const;
  const mention = (reportYear: number, status: 'existing' | 'new' | 'proposed' | 'decided' | 'stopped') => ({
    reportYear,
    status,
    italic: status === 'new',
    listed: true,
  });
  await server.register.entries.create(
    {
      ...base,
      title: { nl: 'Gedeelde helpdesk', fr: 'Helpdesk commun' },
      status: 'existing',
      mentions: [mention(2025, 'existing'), mention(2026, 'existing')],
    },
    by,
  );
  await server.register.entries.create(
    { ...base, title: { nl: 'Gedeelde back-upserver', fr: 'Serveur de sauvegarde commun' }, status: 'new', mentions: [mention(2026, 'new')] },
    by,
  );
  await server.register.entries.create(
    {
      ...base,
      title: { nl: 'Gezamenlijke aankoop van printers', fr: "Achat groupé d'imprimantes" },
      status: 'stopped',
      mentions: [mention(2025, 'existing'), mention(2026, 'stopped')],
    },
    by,
  );
  await server.register.entries.create(
    { ...base, title: { nl: 'Eén loket', fr: 'Guichet unique' }, status: 'decided', mentions: [mention(2025, 'proposed'), mention(2026, 'decided')] },
    by,
  );
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

test('"wijzigingen 2026" answers in Dutch with the counts and the measures per kind', async () => {
  const texts = cardTexts(await answer('wijzigingen 2026'));
  expect(texts[0]).toBe('Wijzigingen 2026 ten opzichte van 2025');
  expect(texts).toEqual(
    expect.arrayContaining([
      'Nieuwe maatregelen (1)',
      '- Gedeelde back-upserver (Nieuw dit jaar)',
      'Stopgezette of verdwenen maatregelen (1)',
      'Gewijzigde status (1)',
    ]),
  );
  expect(texts.join('\n')).toContain('- Eén loket: Voorgesteld → Beslist');
  expect(texts.join('\n')).not.toContain('Gedeelde helpdesk');
});

test('"changements 2026" answers in French, whatever the client, with a button to the register\'s view', async () => {
  const card = await answer('changements 2026', 'en-US');
  const texts = cardTexts(card);
  expect(texts[0]).toBe('Changements 2026 par rapport à 2025');
  expect(texts).toContain('- Serveur de sauvegarde commun (Nouveau cette année)');
  expect(cardActions(card)[0]).toMatchObject({ type: 'Action.OpenUrl', title: 'Ouvrir dans le registre', url: `${server.url}/tab#/changes?to=2026&from=2025` });
});

test('a bad year gets a clear reply (and the command list), in the language of the word used', async () => {
  const texts = cardTexts(await answer('changes twenty', 'fr-BE'));
  expect(texts[0]).toBe('"twenty" is not a report year: give a year from 2000 to 2100, for example "changes 2026".');
  const french = cardTexts(await answer('changements', 'nl-BE'));
  expect(french[0]).toBe('Pour quelle année de rapport\u00a0? Par exemple «\u00a0changements 2026\u00a0».');
  expect(french.join('\n')).toContain('**changements** ‹année›');
});
