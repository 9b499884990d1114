import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Text from users reaches documents and links safely: minutes links are https (http only to this machine),
 * never javascript:, data: or file:; characters XML forbids are dropped from the .docx, which stays valid.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const decision = (minutesUrl: string) => ({ body: 'college', date: '2026-03-01', text: { nl: 'Beslist' }, outcome: 'approved', minutesUrl });

test.each([
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'http://intranet.example/pv.pdf',
  'vbscript:msgbox(1)',
  'not a url',
])('a minutes link %s is refused with the field named', async (link) => {
  const onEntry = await server.api('/api/entries/1/decisions', { method: 'POST', json: decision(link) });
  expect(onEntry.status).toBe(400);
  expect((await onEntry.json()).error.issues.map((i: { field: string }) => i.field)).toEqual(['minutesUrl']);
  const meeting = await server.api('/api/meetings', { method: 'POST', json: { body: 'technical', date: '2026-03-01', minutesUrl: link } });
  expect(meeting.status).toBe(400);
});

test('https links, and http to this machine, are accepted', async () => {
  expect((await server.api('/api/entries/1/decisions', { method: 'POST', json: decision('https://www.molenbeek.irisnet.be/pv/2026-03.pdf') })).status).toBe(
    201,
  );
  expect(
    (await server.api('/api/meetings', { method: 'POST', json: { body: 'technical', date: '2026-03-01', minutesUrl: 'http://localhost:3978/pv.pdf' } })).status,
  ).toBe(201);
});

test('characters XML forbids (U+FFFE, controls) are dropped from the .docx, which stays well-formed', async () => {
  const title = 'Gedeelde\uFFFE helpdesk\u0001 voor\u000B ICT\uFFFF';
  const created = await server.api('/api/entries', {
    method: 'POST',
    json: { title: { nl: title }, domain: 'ICT', status: 'existing', kind: 'synergy', formalisation: 'agreement', startYear: 2020 },
  });
  expect(created.status).toBe(201);
  const res = await server.api('/api/annex.docx?year=2027&lang=nl');
  expect(res.status).toBe(200);
  const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']);
  const parser = new SaxesParser();
  let text = '';
  parser.on('text', (t) => (text += t));
  expect(() => parser.write(xml).close()).not.toThrow();
  expect(text).toContain('Gedeelde helpdesk voor ICT');
});
