import type { Browser, Page } from 'playwright-core';
import { presetTemplate } from '../../src/domain/template-presets';
import { APP_ROLE_VALUES, type Role } from '../../src/domain/authorization';
import { artifactPath, launchChromium } from '../support/browser';
import { type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';

jest.setTimeout(90000);

/**
 * The tab as each role sees it, in tenant mode: the page asks /api/me and shows only what the person's role
 * allows (a reader sees no edit or delete, an editor no delete, import or restore). Every API call of the
 * page carries a real token of the local Entra stand-in, added by the browser test as Teams SSO would, so the
 * server's own policy answers too: what the page hides is also what the API refuses.
 */
let entra: LocalEntra;
let server: TestServer;
let browser: Browser;
let entryId: string;
let pollId: string;
let templateId: string;

const tokenOf = (roles: string[], name: string) => entra.token({ roles, name, oid: `oid-${name.replace(/\W/g, '')}` });
const asRole = (role: Role) => tokenOf([APP_ROLE_VALUES[role]], `Test ${role}`);

async function post(path: string, body: unknown): Promise<{ id: string }> {
  const res = await server.api(path, { method: 'POST', headers: { Authorization: `Bearer ${asRole('admin')}` }, json: body });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  entra = await startLocalEntra();
  server = await startTestServer({ demoData: false, env: entra.env });
  const group = await post('/api/focus-groups', { domain: 'ICT', name: { nl: 'Focusgroep ICT' } });
  entryId = (
    await post('/api/entries', {
      title: { nl: 'Gedeelde servers' },
      domain: 'ICT',
      status: 'existing',
      kind: 'synergy',
      formalisation: 'agreement',
      focusGroupId: group.id,
    })
  ).id;
  await post('/api/actions', { entryId, title: 'Contract opstellen', owner: { name: 'Sarah Janssens' }, dueDate: '2099-06-30' });
  pollId = (await post('/api/polls', { focusGroupId: group.id, entryId, question: 'Welke leverancier?', options: ['A', 'B'] })).id;
  templateId = (await post('/api/reports', presetTemplate('molenbeek-list', { budgetYear: 2027, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }))).id;
  // a past year's report still open: the one a secretary may close (a future year never is)
  await post('/api/reports', presetTemplate('molenbeek-list', { budgetYear: 2025, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await entra?.close();
});

/** Opens the tab with `token` on every API call (as the page's SSO token provider does inside Teams). */
async function openAs(token: string, hash = '#/register') {
  const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/api/**', (route) => route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${token}` } }));
  await page.goto(`${server.url}/tab${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors, close: () => context.close() };
}

const count = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).count();
const navLinks = (page: Page) => page.locator('nav.main-nav a').allInnerTexts();

async function show(page: Page, hash: string, ready: string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(ready, { timeout: 15000 });
}

/** What one person can see and reach in the tab, view by view. */
async function survey(page: Page) {
  await page.waitForSelector('.entry-row', { timeout: 15000 });
  const register = { newEntry: await count(page, 'new-entry') };
  await show(page, `#/entry/${entryId}`, '[data-testid="entry-title"]');
  await page.waitForSelector('[data-testid="entry-versions"]');
  const detail = {
    versions: await count(page, 'entry-versions'),
    edit: await count(page, 'edit-entry'),
    delete: await count(page, 'delete-entry'),
    newPoll: await count(page, 'new-poll'),
  };
  await show(page, '#/actions', '[data-testid="action-status"]');
  const actions = { markDone: await count(page, 'mark-done') };
  await show(page, '#/import', '#view-title');
  const importView = { pick: await count(page, 'import-file'), roleNeeded: await count(page, 'role-needed'), exportXlsx: await count(page, 'export-xlsx') };
  await show(page, `#/poll/${pollId}`, '#view-title');
  await page.waitForSelector('#sec-ballot');
  const poll = { vote: await count(page, 'vote'), close: await count(page, 'close-poll') };
  await show(page, '#/new', '#view-title, [data-testid="role-needed"]');
  const form = { form: await count(page, 'save-entry'), roleNeeded: await count(page, 'role-needed') };
  await show(page, '#/templates', '[data-testid="template-list"]');
  const templates = {
    create: await count(page, 'template-create'),
    close: await count(page, 'roll-over'),
    link: await page.locator('[data-template-year="2027"] a').innerText(),
  };
  await show(page, `#/templates/${templateId}`, '[name="blocks.0.sections.0.title.nl"]');
  const template = {
    save: await count(page, 'template-save'),
    readOnly: await count(page, 'template-read-only'),
    editable: await page.locator('form.template-form').locator('input:enabled, select:enabled, textarea:enabled').count(),
  };
  return { register, detail, actions, importView, poll, form, templates, template, nav: await navLinks(page) };
}

describe('the tab shows each role only what it may do (tenant mode, tokens with app roles)', () => {
  test('reader: reads and votes; no new, edit, delete, mark done, poll management or import; told why', async () => {
    const { page, errors, close } = await openAs(asRole('reader'));
    expect(await page.locator('[data-testid="role-banner"]').innerText()).toContain('U kunt het register lezen en stemmen');
    await page.screenshot({ path: artifactPath('security', 'tab-reader.png'), fullPage: true });
    const seen = await survey(page);
    expect(seen).toMatchObject({
      register: { newEntry: 0 },
      detail: { versions: 1, edit: 0, delete: 0, newPoll: 0 },
      actions: { markDone: 0 },
      importView: { pick: 0, roleNeeded: 1, exportXlsx: 1 },
      poll: { vote: 1, close: 0 },
      form: { form: 0, roleNeeded: 1 },
      // a template is read, with every control disabled and no editing button
      templates: { create: 0, close: 0, link: 'Bekijken: Begroting 2027' },
      template: { save: 0, readOnly: 1, editable: 0 },
    });
    expect(seen.nav).not.toContain('Verwijderd');
    expect(await page.locator('[data-testid="role-needed"]').innerText()).toContain('Dit vraagt de rol Secretaris; u hebt de rol Lezer.');
    expect(await page.locator('form.template-form fluent-button:visible').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifactPath('security', 'tab-reader-template.png') });
    expect(errors).toEqual([]);
    await close();
  });

  test('editor: creates, edits, marks done, runs polls; no delete, import or deleted entries', async () => {
    const { page, errors, close } = await openAs(asRole('editor'));
    expect(await count(page, 'role-banner')).toBe(0);
    const seen = await survey(page);
    expect(seen).toMatchObject({
      register: { newEntry: 1 },
      detail: { versions: 1, edit: 1, delete: 0, newPoll: 1 },
      actions: { markDone: 1 },
      importView: { pick: 0, roleNeeded: 1 },
      form: { form: 1, roleNeeded: 0 },
    });
    expect(seen.nav).not.toContain('Verwijderd');
    await show(page, `#/entry/${entryId}`, '[data-testid="edit-entry"]');
    await page.screenshot({ path: artifactPath('security', 'tab-editor-entry.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  test('secretary: also deletes, imports and restores deleted entries', async () => {
    const { page, errors, close } = await openAs(asRole('secretary'));
    const seen = await survey(page);
    expect(seen).toMatchObject({
      register: { newEntry: 1 },
      detail: { versions: 1, edit: 1, delete: 1, newPoll: 1 },
      actions: { markDone: 1 },
      importView: { pick: 1, roleNeeded: 0 },
      form: { form: 1, roleNeeded: 0 },
      templates: { create: 1, close: 1, link: 'Bewerken: Begroting 2027' },
      template: { save: 1, readOnly: 0 },
    });
    expect(seen.template.editable).toBeGreaterThan(10);
    expect(seen.nav).toContain('Verwijderd');
    await show(page, `#/entry/${entryId}`, '[data-testid="delete-entry"]');
    await page.screenshot({ path: artifactPath('security', 'tab-secretary-entry.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  test('admin sees what a secretary sees (and channel binding, which lives on the configuration page)', async () => {
    const { page, close } = await openAs(asRole('admin'));
    const seen = await survey(page);
    expect(seen).toMatchObject({ detail: { edit: 1, delete: 1 }, importView: { pick: 1 } });
    expect(seen.nav).toContain('Verwijderd');
    await close();
  });

  test('a signed-in person without a role is told to ask for one; nothing to act on', async () => {
    const { page, close } = await openAs(tokenOf([], 'Zonder Rol'));
    expect(await page.locator('[data-testid="role-banner"]').innerText()).toContain('U hebt nog geen rol in het register');
    expect(await count(page, 'new-entry')).toBe(0);
    expect(await page.locator('[role="alert"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Uw rol in het register laat dit niet toe')]),
    );
    await page.screenshot({ path: artifactPath('security', 'tab-no-role.png'), fullPage: true });
    await close();
  });
});
