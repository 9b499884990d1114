import { startTestServer, type TestServer } from '../support/server';
import { entryInput } from '../support/builders';

/**
 * Input that saves but means nothing is refused with a 400 naming the field, in the caller's language: a title
 * that shows nothing (blank, zero-width characters), a year like 0000 or 9999, a poll closing years ahead, and
 * ids that name no record (a meeting `../x`, an entry 99999).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false });
});
afterAll(() => server?.stop());

async function refused(
  path: string,
  body: unknown,
  lang = 'en',
): Promise<Array<{ field: string; code: string; message: string; params?: Record<string, unknown> }>> {
  const res = await server.api(`${path}?lang=${lang}`, { method: 'POST', json: body });
  const answer = await res.json();
  expect({ status: res.status, code: answer.error?.code }).toEqual({ status: 400, code: 'invalid_input' });
  return answer.error.issues;
}

const count = async (path: string) => ((await (await server.api(path)).json()) as { items: unknown[] }).items.length;

test.each([
  ['spaces and a line break', ' \n\t '],
  ['zero-width spaces and joiners', '\u200b\u200c\u200d\u2060'],
  ['a byte-order mark and a soft hyphen', '\ufeff\u00ad'],
  ['a Hangul filler and a blank Braille pattern', '\u3164\u2800'],
])('a title of %s is refused (entries and actions)', async (_case, blank) => {
  const entryIssues = await refused('/api/entries', { ...entryInput('x'), title: { nl: blank, fr: '\u200b' } });
  expect(entryIssues).toEqual([expect.objectContaining({ field: 'title', code: 'needs_text' })]);
  const actionIssues = await refused('/api/actions', { title: blank, owner: { name: 'An' } }, 'fr');
  expect(actionIssues).toEqual([
    expect.objectContaining({
      field: 'title',
      code: 'needs_visible_text',
      message: expect.stringMatching(/est obligatoire \(les espaces et les caractères invisibles ne comptent pas\)/),
    }),
  ]);
  expect(await count('/api/actions')).toBe(0);
});

test('a title with one visible character among invisible ones is kept', async () => {
  const res = await server.api('/api/actions', { method: 'POST', json: { title: '\u200bA\u200b', owner: { name: 'An' } } });
  expect(res.status).toBe(201);
  expect((await server.api(`/api/actions/${(await res.json()).id}`, { method: 'DELETE', headers: { 'If-Match': '*' } })).status).toBe(204);
});

test('years 0000 and 9999 are refused in dates and year fields', async () => {
  for (const date of ['0000-01-01', '9999-12-31', '1975-12-31']) {
    const issues = await refused('/api/meetings', { body: 'technical', date }, 'nl');
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'date',
        code: 'year_out_of_range',
        params: { min: 1976, max: 2100 },
        message: expect.stringMatching(/moet een jaar van 1976 tot 2100 zijn/),
      }),
    ]);
  }
  expect(await refused('/api/actions', { title: 'Plan', owner: { name: 'An' }, dueDate: '9999-01-01' })).toEqual([
    expect.objectContaining({ field: 'dueDate', code: 'year_out_of_range' }),
  ]);
  expect(await refused('/api/entries', { ...entryInput('Oud'), startYear: 0 })).toEqual([
    expect.objectContaining({ field: 'startYear', code: 'too_small', params: { min: 1976 } }),
  ]);
  expect(await refused('/api/entries', { ...entryInput('Ver'), startYear: 9999 })).toEqual([
    expect.objectContaining({ field: 'startYear', code: 'too_big', params: { max: 2100 } }),
  ]);
  expect((await server.api('/api/meetings', { method: 'POST', json: { body: 'technical', date: '2026-03-01' } })).status).toBe(201);
});

test('a poll closing (or opening) more than a year ahead is refused; within the year it is kept', async () => {
  const group = await (await server.api('/api/focus-groups', { method: 'POST', json: { domain: 'ICT', name: { nl: 'ICT' } } })).json();
  const poll = (closesAt: string, opensAt?: string) => ({
    focusGroupId: group.id,
    question: 'Welke dag?',
    options: ['Maandag', 'Dinsdag'],
    closesAt,
    ...(opensAt ? { opensAt } : {}),
  });
  const far = await refused('/api/polls', poll('9999-12-31T17:00:00+01:00'), 'fr');
  expect(far).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'closesAt' })]));
  const inTwoYears = new Date(Date.now() + 2 * 366 * 86_400_000).toISOString();
  expect(await refused('/api/polls', poll(inTwoYears))).toEqual([expect.objectContaining({ field: 'closesAt', code: 'too_far_ahead', params: { days: 366 } })]);
  const inTwoYearsAndADay = new Date(Date.now() + (2 * 366 + 1) * 86_400_000).toISOString();
  expect(await refused('/api/polls', poll(inTwoYearsAndADay, inTwoYears))).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: 'opensAt', code: 'too_far_ahead' }),
      expect.objectContaining({ field: 'closesAt', code: 'too_far_ahead' }),
    ]),
  );
  const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
  expect((await server.api('/api/polls', { method: 'POST', json: poll(nextMonth) })).status).toBe(201);
});

test('ids must name records: an action’s meeting and measure, a meeting’s decisions and focus group', async () => {
  const actionIssues = await refused('/api/actions', { title: 'Opvolgen', owner: { name: 'An' }, meetingId: '../x', entryId: '99999' }, 'nl');
  expect(actionIssues).toEqual([
    expect.objectContaining({ field: 'entryId', code: 'entry_missing', message: expect.stringMatching(/maatregel 99999 bestaat niet/) }),
    expect.objectContaining({ field: 'meetingId', code: 'meeting_missing' }),
  ]);
  const meetingIssues = await refused('/api/meetings', {
    body: 'technical',
    date: '2026-03-01',
    focusGroupId: '777',
    decisions: [{ text: { nl: 'Akkoord' }, entryIds: ['99999'] }],
  });
  expect(meetingIssues).toEqual([
    expect.objectContaining({ field: 'focusGroupId', code: 'focus_group_missing' }),
    expect.objectContaining({ field: 'decisions.0.entryIds.0', code: 'entry_missing' }),
  ]);

  // references that exist are kept; a measure deleted later does not block editing the rest of the meeting
  const entry = await (await server.api('/api/entries', { method: 'POST', json: entryInput('Gedeelde aankoop') })).json();
  const meeting = await (
    await server.api('/api/meetings', {
      method: 'POST',
      json: { body: 'technical', date: '2026-03-02', decisions: [{ text: { nl: 'Akkoord' }, entryIds: [entry.id] }] },
    })
  ).json();
  expect(meeting.id).toBeDefined();
  const action = await server.api('/api/actions', {
    method: 'POST',
    json: { title: 'Opvolgen', owner: { name: 'An' }, meetingId: meeting.id, entryId: entry.id },
  });
  expect(action.status).toBe(201);
  expect((await server.api(`/api/entries/${entry.id}`, { method: 'DELETE', headers: { 'If-Match': '*' } })).status).toBe(204);
  const edited = await server.api(`/api/meetings/${meeting.id}`, {
    method: 'PATCH',
    json: { summary: { nl: 'Verslag' } },
    headers: { 'If-Match': meeting.etag },
  });
  expect(edited.status).toBe(200);
  const dangling = await server.api(`/api/meetings/${meeting.id}`, {
    method: 'PATCH',
    json: { decisions: [{ text: { nl: 'Nog' }, entryIds: ['424242'] }] },
    headers: { 'If-Match': '*' },
  });
  expect(dangling.status).toBe(400);
});
