import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { comingBudgetYear } from '../../src/domain/budget-year';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { json, openPage, setUpCommune, unlabelledControls } from './tab-helpers';

/**
 * A clerk's and a chair's daily jobs, entirely in the tab (local mode, Dutch): a measure with an action and
 * its owner, found again as an overdue action of its department; a meeting with two decisions linked to
 * measures; a focus-group member added with their Microsoft 365 id who then votes on a members-only poll;
 * the coming year's annex downloaded as .docx.
 */

jest.setTimeout(120_000);

const suite = browserSuite({ demoData: false });
let groupId: string;

beforeAll(async () => {
  await setUpCommune(suite.server);
  const group = await json(
    await suite.server.api('/api/focus-groups', {
      method: 'POST',
      json: {
        domain: 'FIN',
        name: { nl: 'Focusgroep Financiën', fr: 'Groupe de travail Finances' },
        members: [{ id: 'aad-karim', name: 'Karim El Amrani', email: 'karim@gemeente.be', administration: 'ocmw', role: 'contact' }],
      },
    }),
  );
  groupId = group.id;
});

const open = (hash: string) => openPage(suite.browser, `${suite.server.url}/tab?lang=nl${hash}`);

test('a measure with an action and its owner, then found as an overdue action of its department', async () => {
  const { page, context, errors } = await open('#/new');
  await page.waitForSelector('form.entry-form');
  await page.getByLabel('Titel in het Nederlands').fill('Gedeelde boekhouding');
  await page.getByLabel('Domein').selectOption('FIN');
  await page.getByLabel('Status', { exact: true }).selectOption('existing');
  await page.getByLabel('Samenwerkingsvorm').selectOption('shared_service');
  await page.getByLabel('Dienst in het Nederlands').fill('Dienst Financiën');
  await page.getByLabel('Focusgroep').selectOption(groupId);
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="entry-title"]');

  await page.click('[data-testid="add-action"]');
  await page.waitForSelector('[data-testid="action-form"]');
  expect(await unlabelledControls(page)).toEqual([]);
  expect(await page.getByLabel('Maatregel').locator('option:checked').innerText()).toBe('Gedeelde boekhouding');
  await page.getByLabel('Wat moet er gebeuren?').fill('Rekeningstelsel gelijktrekken');
  // the owner is picked from the focus group's members: their Microsoft 365 id and e-mail come along
  await page.getByLabel('Eigenaar', { exact: true }).fill('Karim El Amrani');
  await page.getByLabel('Eigenaar', { exact: true }).dispatchEvent('change');
  await page.waitForFunction(() => /Microsoft 365/.test(document.querySelector('[data-testid="owner-linked"]')?.textContent ?? ''));
  expect(await page.getByLabel('E-mailadres van de eigenaar').inputValue()).toBe('karim@gemeente.be');
  await page.getByLabel('Vervaldatum').fill('2025-03-31');
  await page.screenshot({ path: artifactPath('tab', 'jobs-action-form.png'), fullPage: true });
  await page.click('[data-testid="action-form-save"]');
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(await page.locator('#announcer').innerText()).toContain('Actie “Rekeningstelsel gelijktrekken” aangemaakt.');
  expect(await page.locator('[data-testid="actions-table"]').innerText()).toContain('Karim El Amrani');
  const [stored] = (await json(await suite.server.api('/api/actions'))).items;
  expect(stored).toMatchObject({
    title: 'Rekeningstelsel gelijktrekken',
    owner: { id: 'aad-karim', name: 'Karim El Amrani', email: 'karim@gemeente.be' },
    dueDate: '2025-03-31',
    status: 'open',
  });

  // the department's overdue actions
  await page.click('nav.main-nav a[href="#/actions"]');
  await page.waitForSelector('[data-testid="actions-table"]');
  await page.getByLabel('Alleen achterstallige').check();
  await page.getByLabel('Dienst', { exact: true }).selectOption({ label: 'Dienst Financiën' });
  await page.waitForFunction(() => /department=/.test(location.hash));
  const rows = page.locator('[data-testid="actions-table"] tbody tr');
  expect(await rows.count()).toBe(1);
  const row = await rows.first().innerText();
  expect(row).toContain('Rekeningstelsel gelijktrekken');
  expect(row).toContain('Gedeelde boekhouding');
  expect(row).toContain('Dienst Financiën');
  expect(row).toContain('achterstallig');
  await page.screenshot({ path: artifactPath('tab', 'jobs-overdue-department.png'), fullPage: true });
  // no word is broken inside a cell at 1280 px: every header cell is one line high
  const broken = await page.$$eval('[data-testid="actions-table"] th', (ths) =>
    ths.filter((th) => th.getBoundingClientRect().height > 40).map((th) => th.textContent),
  );
  expect(broken).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a meeting with two decisions, each linked to a measure', async () => {
  const entry = await json(
    await suite.server.api('/api/entries', {
      method: 'POST',
      json: { title: { nl: 'Gezamenlijke aankoopdienst' }, domain: 'PROC', status: 'new', kind: 'synergy', formalisation: 'agreement' },
    }),
  );
  const { page, context, errors } = await open('#/meetings');
  await page.click('[data-testid="new-meeting"]');
  await page.waitForSelector('[data-testid="meeting-form"]');
  await page.getByLabel('Datum').fill('2026-11-20');
  await page.getByLabel('Titel in het Nederlands').fill('Stuurgroep november');
  await page.getByLabel('Link naar de notulen').fill('https://gemeente.sharepoint.com/notulen/2026-11-20.docx');
  for (const [n, text] of [
    [1, 'De aankoopdienst start op 1 januari.'],
    [2, 'De boekhouding volgt in het voorjaar.'],
  ] as const) {
    await page.click('[data-testid="add-decision"]');
    await page.getByLabel(`Beslissing ${n} in het Nederlands`).fill(text);
    await page.getByLabel(`Maatregelen van beslissing ${n}`).selectOption(entry.id);
  }
  expect(await unlabelledControls(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tab', 'jobs-meeting-form.png'), fullPage: true });
  await page.click('[data-testid="meeting-form-save"]');
  await page.waitForSelector('[data-meeting-id]');
  const card = await page.locator('[data-meeting-id]').first().innerText();
  expect(card).toContain('Stuurgroep — 20 november 2026');
  expect(card).toContain('2 beslissingen');
  expect(card).toContain('De aankoopdienst start op 1 januari.');
  expect(card).toContain('De boekhouding volgt in het voorjaar.');
  await page.screenshot({ path: artifactPath('tab', 'jobs-meeting.png'), fullPage: true });
  const [meeting] = (await json(await suite.server.api('/api/meetings'))).items;
  expect(meeting.decisions.map((d: { entryIds: string[] }) => d.entryIds)).toEqual([[entry.id], [entry.id]]);
  expect(meeting.minutesUrl).toBe('https://gemeente.sharepoint.com/notulen/2026-11-20.docx');
  expect(errors).toEqual([]);
  await context.close();
});

test('a focus-group member added with their Microsoft 365 id votes on a members-only poll', async () => {
  const { page, context, errors } = await open('#/focus-groups');
  // a new focus group from the tab: a missing name is said next to its field, then it is created
  await page.click('[data-testid="new-group"]');
  await page.getByLabel('Domein').selectOption('FIN');
  await page.click('[data-testid="group-form-save"]');
  await page.waitForSelector('[data-testid="group-form"] [data-errors-for="name"] .field-error');
  await page.getByLabel('Naam in het Nederlands').fill('Focusgroep Thesaurie');
  await page.getByLabel('Naam in het Frans').fill('Groupe de travail Trésorerie');
  await page.click('[data-testid="group-form-save"]');
  await page.waitForFunction(() => /Focusgroep “Focusgroep Thesaurie” aangemaakt/.test(document.querySelector('#announcer')?.textContent ?? ''));
  await page.locator('[data-focus-group-id] h3', { hasText: 'Focusgroep Thesaurie' }).waitFor();
  expect(await page.locator('[data-focus-group-id] h3').allInnerTexts()).toEqual(expect.arrayContaining(['Focusgroep Thesaurie', 'Focusgroep Financiën']));
  const card = page.locator(`[data-focus-group-id="${groupId}"]`);
  await card.locator('summary').click();
  await card.getByLabel('Naam').fill('Lokale ontwikkelaar');
  await card.getByLabel('Microsoft 365-id (Entra-object-id)').fill('local-developer');
  await card.getByLabel('Bestuur').selectOption('gemeente');
  await card.getByLabel('Rol in de focusgroep').selectOption('member');
  await card.locator('[data-testid="member-form-save"]').click();
  await page.waitForFunction(() => /is lid van/.test(document.querySelector('#announcer')?.textContent ?? ''));
  const roster = await page.locator(`[data-focus-group-id="${groupId}"] [data-testid="members"]`).innerText();
  expect(roster).toMatch(/Karim El Amrani — OCMW.*contactpersoon.*kan stemmen/);
  expect(roster).toMatch(/Lokale ontwikkelaar — Gemeente.*kan stemmen/);
  await page.screenshot({ path: artifactPath('tab', 'jobs-focus-group-member.png'), fullPage: true });

  // a members-only poll of that group: the new member is on its roster and votes in the tab
  const entry = await json(
    await suite.server.api('/api/entries', {
      method: 'POST',
      json: { title: { nl: 'Gedeelde thesaurie' }, domain: 'FIN', status: 'proposed', kind: 'synergy', formalisation: 'agreement', focusGroupId: groupId },
    }),
  );
  await page.evaluate((id) => {
    location.hash = `#/entry/${id}/poll/new`;
  }, entry.id);
  await page.getByTestId('poll-form').waitFor();
  await page.getByLabel('Vraag').fill('Starten we in 2027?');
  await page.getByLabel(/^Opties/).fill('Ja\nNee');
  await page.getByLabel('Wie mag stemmen').selectOption('focusGroup');
  await page.getByTestId('create-poll').click();
  await page.getByTestId('poll-question').waitFor();
  const pollId = decodeURIComponent(page.url().split('#/poll/')[1]);
  expect(await page.getByTestId('poll-meta').innerText()).toContain('2');
  const stored = await suite.server.register.store.polls.get(pollId);
  expect(stored?.roster?.map((m) => m.id).sort()).toEqual(['aad-karim', 'local-developer']);
  await page.getByLabel('Ja', { exact: true }).check();
  await page.getByTestId('vote').click();
  await page.getByTestId('my-ballot').filter({ hasText: 'Ja' }).waitFor();
  await page.screenshot({ path: artifactPath('tab', 'jobs-roster-vote.png'), fullPage: true });
  const after = await json(await suite.server.api(`/api/polls/${pollId}`));
  expect(after.tally.ballots).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('the 2027 annex downloads from the tab, with the completeness check first', async () => {
  await suite.server.api('/api/entries', {
    method: 'POST',
    json: {
      title: { nl: 'Gedeelde loonadministratie' },
      description: { nl: 'Eén loondienst voor gemeente en OCMW.' },
      domain: 'HR',
      status: 'existing',
      startYear: 2024,
      kind: 'synergy',
      formalisation: 'agreement',
    },
  });
  const { page, context, errors } = await open('#/annex');
  await page.waitForSelector('[data-testid="annex-summary"]');
  // the coming budget year is proposed first, as in the Word pane (which reads the same default)
  const coming = comingBudgetYear(new Date());
  expect(await page.getByLabel('Begrotingsjaar').inputValue()).toBe(String(coming));
  expect(await page.getByLabel('Begrotingsjaar').locator('option:checked').innerText()).toBe(`${coming} (volgend begrotingsjaar)`);
  expect((await json(await suite.server.api('/api/annex/options'))).defaultYear).toBe(coming);
  await page.getByLabel('Begrotingsjaar').selectOption('2027');
  expect(await page.locator('[data-testid="annex-summary"]').innerText()).toMatch(/^Deze bijlage toont \d+ lopende/);
  expect(await unlabelledControls(page)).toEqual([]);
  await page.getByLabel('Taal van de bijlage').selectOption('fr');
  // the check is worded in the reader's language (Dutch) about the French annex: these measures have only Dutch texts
  await page
    .locator('[data-testid="fallback-count"]')
    .filter({ hasText: /teksten? (bestaat|bestaan) niet in deze taal/ })
    .waitFor();
  await page.screenshot({ path: artifactPath('tab', 'jobs-annex.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="annex-download"]')]);
  const file = artifactPath('tab', 'annex-2027-fr.docx');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/2027.*\.docx$/);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
  expect(xml).toContain('2027');
  expect(errors).toEqual([]);
  await context.close();
});

test('an action is closed from its form; an edit made on a stale version is refused with a reload, never overwriting', async () => {
  const entry = await json(
    await suite.server.api('/api/entries', {
      method: 'POST',
      json: { title: { nl: 'Gedeelde IT-helpdesk' }, domain: 'ICT', status: 'new', kind: 'synergy', formalisation: 'agreement' },
    }),
  );
  const action = await json(
    await suite.server.api('/api/actions', {
      method: 'POST',
      json: { entryId: entry.id, title: 'Ticketsysteem kiezen', owner: { name: 'An Peeters' }, dueDate: '2027-02-01' },
    }),
  );
  const { page, context, errors } = await open(`#/action/${action.id}/edit`);
  await page.waitForSelector('[data-testid="action-form"]');
  await page.getByLabel('Status').selectOption('cancelled');
  // meanwhile someone else changes the action
  await json(
    await suite.server.api(`/api/actions/${action.id}`, { method: 'PATCH', headers: { 'If-Match': action.etag }, json: { owner: { name: 'Tom Claes' } } }),
  );
  await page.click('[data-testid="action-form-save"]');
  await page.waitForSelector('[data-testid="conflict"]');
  expect((await json(await suite.server.api(`/api/actions/${action.id}`))).status).toBe('open');
  await page.locator('[data-testid="conflict"] fluent-button').click();
  await page.waitForFunction(() => (document.querySelector('[name="owner"]') as HTMLInputElement | null)?.value === 'Tom Claes');
  await page.getByLabel('Status').selectOption('done');
  await page.click('[data-testid="action-form-save"]');
  await page.waitForSelector('[data-testid="entry-title"]');
  const done = await json(await suite.server.api(`/api/actions/${action.id}`));
  expect(done).toMatchObject({ status: 'done', owner: { name: 'Tom Claes' } });
  expect(done.doneDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(errors).toEqual([]);
  await context.close();
});
