import { APP_ROLE_VALUES, type Capability, can, ROLES, type Role } from '../../src/domain/authorization';
import { type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';
import { decisionInput, entryInput } from '../support/builders';

/**
 * Every role against every route family of the API, in tenant mode (tokens signed by the local Entra stand-in):
 * a role without the capability gets 403 before the route runs; a role with it gets past the policy (any other
 * answer: 200, 201, 400, 404, 409, 428). App-only tokens need an application role.
 */
let entra: LocalEntra;
let server: TestServer;
let entryId: string;
let actionId: string;
let groupId: string;
let meetingId: string;

const roleToken = (roles: string[], claims: Record<string, unknown> = {}) => entra.token({ roles, ...claims });
const asRole = (role: Role) => roleToken([APP_ROLE_VALUES[role]]);

async function call(bearer: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return server.api(path, { method, headers: { Authorization: `Bearer ${bearer}`, ...headers }, ...(body === undefined ? {} : { json: body }) });
}

interface Probe {
  capability: Capability;
  method: string;
  path: () => string;
  body?: unknown;
}

const newEntry = entryInput('Rolproef');
const decision = (body: string) => decisionInput(body);

/** One request per route family (and per capability a family decides from the body). */
const PROBES: Probe[] = [
  { capability: 'read', method: 'GET', path: () => '/api/entries' },
  { capability: 'read', method: 'GET', path: () => `/api/entries/${entryId}/history` },
  { capability: 'read', method: 'GET', path: () => '/api/actions?open=true' },
  { capability: 'read', method: 'GET', path: () => '/api/polls' },
  { capability: 'edit', method: 'POST', path: () => '/api/entries', body: newEntry },
  { capability: 'edit', method: 'PATCH', path: () => `/api/entries/${entryId}`, body: { status: 'decided', etag: '"stale"' } },
  { capability: 'delete', method: 'DELETE', path: () => `/api/entries/${entryId}`, body: { etag: '"stale"' } },
  { capability: 'decide', method: 'POST', path: () => `/api/entries/${entryId}/decisions`, body: decision('college') },
  { capability: 'poll', method: 'POST', path: () => `/api/entries/${entryId}/decisions`, body: decision('focus_group') },
  { capability: 'rollOver', method: 'POST', path: () => '/api/register/roll-over', body: { year: 1999 } },
  { capability: 'edit', method: 'POST', path: () => '/api/actions', body: { title: 'Rolproef', owner: { name: 'X' } } },
  { capability: 'edit', method: 'POST', path: () => `/api/actions/${actionId}/done` },
  { capability: 'delete', method: 'DELETE', path: () => `/api/actions/${actionId}`, body: { etag: '"stale"' } },
  { capability: 'edit', method: 'POST', path: () => '/api/meetings', body: { body: 'technical', date: '2026-03-01' } },
  { capability: 'delete', method: 'DELETE', path: () => `/api/meetings/${meetingId}`, body: { etag: '"stale"' } },
  { capability: 'edit', method: 'PATCH', path: () => `/api/focus-groups/${groupId}`, body: { mandate: { nl: 'x' }, etag: '"stale"' } },
  { capability: 'channels', method: 'PATCH', path: () => `/api/focus-groups/${groupId}`, body: { channel: { teamId: 't', channelId: 'c' }, etag: '"stale"' } },
  { capability: 'delete', method: 'DELETE', path: () => `/api/focus-groups/${groupId}`, body: { etag: '"stale"' } },
  { capability: 'template', method: 'POST', path: () => '/api/reports', body: { budgetYear: 1 } },
  { capability: 'poll', method: 'POST', path: () => '/api/polls', body: { focusGroupId: 'none', question: 'Q', options: ['a', 'b'] } },
  { capability: 'poll', method: 'POST', path: () => '/api/polls/99999/close' },
  { capability: 'poll', method: 'POST', path: () => '/api/polls/99999/reminders' },
  { capability: 'poll', method: 'POST', path: () => '/api/polls/99999/duplicate', body: {} },
  { capability: 'vote', method: 'POST', path: () => '/api/polls/99999/vote', body: { optionIds: ['o1'] } },
  { capability: 'read', method: 'GET', path: () => '/api/polls/99999/non-voters' },
  { capability: 'read', method: 'GET', path: () => '/api/polls/99999/export.csv' },
  { capability: 'restore', method: 'POST', path: () => `/api/entries/${entryId}/restore` },
  { capability: 'edit', method: 'POST', path: () => `/api/entries/${entryId}/versions/1/restore`, body: { etag: '"stale"' } },
  { capability: 'read', method: 'GET', path: () => `/api/entries/${entryId}/versions` },
  { capability: 'read', method: 'GET', path: () => '/api/deleted-entries' },
  { capability: 'decide', method: 'PATCH', path: () => `/api/entries/${entryId}`, body: { decisions: [], etag: '"stale"' } },
  { capability: 'decide', method: 'POST', path: () => '/api/entries', body: { ...newEntry, decisions: [decision('college')] } },
  { capability: 'import', method: 'POST', path: () => '/api/import/plan', body: {} },
  { capability: 'settings', method: 'PUT', path: () => '/api/settings', body: { municipality: {} } },
  { capability: 'digests', method: 'GET', path: () => '/api/digests/preview' },
  { capability: 'translation', method: 'PUT', path: () => '/api/translations/settings', body: { glossary: [], monthlyCharacterBudget: null } },
  { capability: 'decide', method: 'POST', path: () => '/api/meetings', body: committeeMeeting(() => entryId) },
  { capability: 'poll', method: 'POST', path: () => '/api/meetings', body: committeeMeeting(() => entryId, 'focus_group') },
];

/** A meeting of a consultation committee (or another body) recording a decision on an entry, read when sent. */
function committeeMeeting(entry: () => string, body = 'consultation_committee') {
  return {
    body,
    date: '2026-03-01',
    get decisions() {
      return [{ text: { nl: 'Het overlegcomité keurt de gezamenlijke aankoop goed' }, entryIds: [entry()] }];
    },
  };
}

beforeAll(async () => {
  entra = await startLocalEntra();
  server = await startTestServer({ demoData: false, env: entra.env });
  const admin = asRole('admin');
  entryId = (await (await call(admin, 'POST', '/api/entries', newEntry)).json()).id;
  actionId = (await (await call(admin, 'POST', '/api/actions', { entryId, title: 'A', owner: { name: 'X' } })).json()).id;
  groupId = (await (await call(admin, 'POST', '/api/focus-groups', { domain: 'ICT', name: { nl: 'ICT' } })).json()).id;
  meetingId = (await (await call(admin, 'POST', '/api/meetings', { body: 'technical', date: '2026-03-01' })).json()).id;
});

afterAll(async () => {
  await server?.stop();
  await entra?.close();
});

describe('every role against every route family', () => {
  test('the probes cover every capability the route table asks for', () => {
    const probed = new Set(PROBES.map((p) => p.capability));
    const asked = new Set(server.routes.flatMap((r) => (typeof r.access === 'string' && r.access !== 'public' && r.access !== 'signedIn' ? [r.access] : [])));
    expect([...asked].filter((c) => !probed.has(c))).toEqual([]);
    expect(asked.size).toBeGreaterThanOrEqual(8);
  });

  test('a write to an endpoint that does not exist is 404 for every role, never served', async () => {
    for (const role of ROLES) expect((await call(asRole(role), 'POST', '/api/some-endpoint-nobody-declared', {})).status).toBe(404);
  });

  test.each(ROLES.flatMap((role) => PROBES.map((probe) => [role, probe.capability, probe.method, probe] as const)))(
    '%s → %s (%s)',
    async (role, capability, method, probe) => {
      const res = await call(asRole(role), method, probe.path(), probe.body);
      const body = res.status === 204 ? {} : await res.json();
      if (can([role], capability)) {
        expect({ status: res.status, body }).not.toMatchObject({ status: 403 });
      } else {
        expect(res.status).toBe(403);
        expect(body.error).toMatchObject({ code: 'forbidden', capability });
      }
    },
  );

  test('a signed-in user with no role of the register reads nothing, but may ask who they are', async () => {
    const none = roleToken([]);
    const denied = await call(none, 'GET', '/api/entries');
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toMatch(/no role/);
    const me = await (await call(none, 'GET', '/api/me')).json();
    expect(me).toMatchObject({ roles: [], role: null, capabilities: { read: false } });
  });

  test('roles of other apps in the claim grant nothing; role values match case-insensitively', async () => {
    expect((await call(roleToken(['Sites.Admin', 'Register.Superuser']), 'GET', '/api/entries')).status).toBe(403);
    expect((await call(roleToken(['register.reader']), 'GET', '/api/entries')).status).toBe(200);
  });

  test('/api/me tells each role what it may do', async () => {
    for (const role of ROLES) {
      const me = await (await call(asRole(role), 'GET', '/api/me')).json();
      expect(me.role).toBe(role);
      for (const [capability, allowed] of Object.entries(me.capabilities)) expect(allowed).toBe(can([role], capability as Capability));
    }
  });
});

describe('app-only tokens', () => {
  const appClaims = {
    scp: undefined,
    idtyp: 'app',
    oid: 'sp-oid',
    azp: 'cccccccc-0000-0000-0000-000000000000',
    name: undefined,
    preferred_username: undefined,
  };

  test('an app-only token without an application role of the register is refused', async () => {
    const res = await call(entra.token({ ...appClaims, roles: undefined }), 'GET', '/api/entries');
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/application token/);
    // without the idtyp optional claim too: no scp means app-only
    expect((await call(entra.token({ ...appClaims, idtyp: undefined, roles: ['Sites.Read.All'] }), 'GET', '/api/me')).status).toBe(403);
  });

  test('an app-only token with Register.Reader reads, and is not a person', async () => {
    const bearer = entra.token({ ...appClaims, roles: ['Register.Reader'] });
    expect((await call(bearer, 'GET', '/api/entries')).status).toBe(200);
    expect((await call(bearer, 'POST', '/api/entries', newEntry)).status).toBe(403);
    expect(await (await call(bearer, 'GET', '/api/me')).json()).toMatchObject({ kind: 'app', roles: ['reader'], id: 'sp-oid' });
  });
});

describe('consultation-committee decisions: one policy whichever route records them', () => {
  const editor = () => asRole('editor');
  const meetingCount = async () => (await (await call(asRole('reader'), 'GET', '/api/meetings')).json()).items.length;
  const patch = async (bearer: string, id: string, changes: unknown) => {
    const current = await (await call(bearer, 'GET', `/api/meetings/${id}`)).json();
    return call(bearer, 'PATCH', `/api/meetings/${id}`, changes, { 'If-Match': current.etag });
  };

  test('an editor records them neither on the entry nor through a meeting; a secretary does both', async () => {
    const before = await meetingCount();
    const onEntry = await call(editor(), 'POST', `/api/entries/${entryId}/decisions`, decision('consultation_committee'));
    expect(onEntry.status).toBe(403);
    const viaMeeting = await call(editor(), 'POST', '/api/meetings', JSON.parse(JSON.stringify(committeeMeeting(() => entryId))));
    expect(viaMeeting.status).toBe(403);
    expect((await viaMeeting.json()).error).toMatchObject({ code: 'forbidden', capability: 'decide' });
    expect(await meetingCount()).toBe(before);
    expect((await call(asRole('secretary'), 'POST', '/api/meetings', JSON.parse(JSON.stringify(committeeMeeting(() => entryId))))).status).toBe(201);
    expect((await call(asRole('secretary'), 'POST', `/api/entries/${entryId}/decisions`, decision('consultation_committee'))).status).toBe(201);
  });

  test('an editor keeps a committee meeting’s other fields but can neither add its decisions nor erase or re-label them', async () => {
    const created = await (await call(asRole('secretary'), 'POST', '/api/meetings', JSON.parse(JSON.stringify(committeeMeeting(() => entryId))))).json();
    expect((await patch(editor(), created.id, { summary: { nl: 'Verslag volgt' } })).status).toBe(200);
    for (const changes of [{ decisions: [] }, { body: 'technical' }, { body: 'focus_group' }]) {
      const res = await patch(editor(), created.id, changes);
      expect(res.status).toBe(403);
    }
    const plain = await (await call(editor(), 'POST', '/api/meetings', { body: 'consultation_committee', date: '2026-04-01' })).json();
    expect(plain.id).toBeDefined();
    const added = await patch(editor(), plain.id, { decisions: JSON.parse(JSON.stringify(committeeMeeting(() => entryId))).decisions });
    expect(added.status).toBe(403);
    const stored = await (await call(editor(), 'GET', `/api/meetings/${created.id}`)).json();
    expect(stored).toMatchObject({ body: 'consultation_committee', decisions: [{ entryIds: [entryId] }] });
    // a focus group's advisory decisions stay an editor's, through a meeting as on the entry
    expect((await call(editor(), 'POST', '/api/meetings', JSON.parse(JSON.stringify(committeeMeeting(() => entryId, 'focus_group'))))).status).toBe(201);
  });
});
