import { asPlainText } from '../../bot/plain-text';
import { createBotSurface } from '../../bot/surface';
import { cardTexts, type FakeConnector, messageActivity, postActivity, type RecordedActivity, startFakeConnector } from '../fakes/bot-connector';
import { startTestServer, type TestServer } from '../support/server';

/**
 * What a person typed comes back in the bot's error replies as the text it is, never as a link: a markdown link,
 * a bare address or a `www.` name in an unknown command, a search or an argument reads the same but links nowhere.
 */
const ANN = { id: '29:ann', name: 'Ann Peeters', aadObjectId: 'aad-ann' };
const where = { conversationId: 'a:plain-text' };
let connector: FakeConnector;
let server: TestServer;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ demoData: false, env: { DIGESTS: 'false' }, surfaces: [createBotSurface({ sweepIntervalMs: 60_000 })] });
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

async function say(text: string): Promise<RecordedActivity[]> {
  const before = connector.activities.length;
  expect((await postActivity(server.url, messageActivity(connector.url, text, ANN, where))).status).toBe(200);
  return connector.activities.slice(before);
}

/** Every text the replies show, in messages and in cards. */
function shown(replies: RecordedActivity[]): string {
  return replies.flatMap((a) => [a.body.text ?? '', ...(a.body.attachments ?? []).flatMap((att) => cardTexts(att.content))]).join('\n');
}

/** Markdown that would render as a link, or an address Teams would link. */
const LINKISH = /\]\s*\(|https?:\/\/|\bwww\./i;

test.each([
  ['an unknown command that is a markdown link', '[Klik](https://evil.example/login)'],
  ['a search for a markdown link', 'entry [gratis laptops](https://evil.example)'],
  ['an argument that is a bare address', 'actions https://evil.example/x'],
  ['a search for a www name', 'entry www.evil.example'],
])('%s is echoed as text, not as a link', async (_case, text) => {
  const replies = await say(text);
  const all = shown(replies);
  expect(all).toMatch(/evil/);
  expect(all).not.toMatch(LINKISH);
  // what the person reads is what they typed: only zero-width spaces (and the cards' markdown escapes) were added
  expect(all.replace(/[\u200b\\]/g, '')).toContain(text.replace(/^(entry|actions) /, ''));
});

test('the rule itself leaves ordinary text alone', () => {
  expect(asPlainText('Gezamenlijke aankoop (2026) [ICT]')).toBe('Gezamenlijke aankoop (2026) [ICT]');
  expect(asPlainText('![logo](http://x.example/a.png)')).toBe('![logo]\u200b(http\u200b://x.example/a.png)');
  expect(asPlainText('WWW.Example.org')).toBe('WWW\u200b.Example.org');
});
