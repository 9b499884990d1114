import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { type Fixture, json, openPage, seed, unlabelledControls } from './tab-helpers';

jest.setTimeout(60000);

let server: TestServer;
let browser: Browser;
let fx: Fixture;
const contexts: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  fx = await seed(server);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function open(path: string, options?: { locale?: string }) {
  const opened = await openPage(browser, `${server.url}${path}`, options);
  contexts.push(opened.context);
  return opened;
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

async function waitForSummary(page: Page, expected: RegExp) {
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#register-summary')?.textContent ?? ''), expected.source, { timeout: 10000 });
}

describe('Teams tab in a plain browser (local mode)', () => {
  test('the register opens in Dutch, grouped by domain with counts, with the local identity clearly marked', async () => {
    const { page, errors } = await open('/tab');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await text(page, 'h2#view-title')).toBe('Register van synergieën');
    const banner = await text(page, '[data-testid="local-banner"]');
    expect(banner).toContain('Lokale modus — lokale identiteit');
    expect(banner).toContain('Lokale ontwikkelaar (local mode)');
    await waitForSummary(page, /^3 maatregelen gevonden$/);
    const headings = await page.locator('.domain-group h3').allInnerTexts();
    expect(headings).toEqual(['Overheidsopdrachten en gezamenlijke aankoop (1)', 'Human resources (1)', 'Informatica (ICT) (1)']);
    expect(await page.locator('.entry-title').allInnerTexts()).toEqual(
      expect.arrayContaining(['Gezamenlijke aankoop van laptops', 'Gedeelde opleidingen voor het personeel', 'Marché conjoint de nettoyage']),
    );
    // an entry with only a French title is marked as French for screen readers
    expect(await page.locator('.entry-title span[lang="fr"]').innerText()).toBe('Marché conjoint de nettoyage');
    expect(await page.locator('.entry-row[data-entry-id="' + fx.laptops.id + '"] .amount').innerText()).toMatch(/€\s?12\.500/);
    expect(await unlabelledControls(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tab', 'register-nl.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  test('the NL/FR switch translates the page, the domains, the entries and the number format, and is remembered', async () => {
    const { page, context } = await open('/tab');
    await waitForSummary(page, /maatregelen/);
    await page.click('button[data-lang="fr"]');
    await waitForSummary(page, /^3 mesures trouvées$/);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await text(page, 'h2#view-title')).toBe('Registre des synergies');
    expect(await text(page, '[data-testid="local-banner"]')).toContain('Mode local — identité locale');
    expect(await page.locator('.domain-group h3').allInnerTexts()).toContain('Informatique (TIC) (1)');
    expect(await page.locator('.entry-title').allInnerTexts()).toContain('Achat groupé d’ordinateurs portables');
    expect(await page.locator('.entry-row[data-entry-id="' + fx.laptops.id + '"] .amount').innerText()).toMatch(/12\s?500\s?€/);
    expect(await page.getAttribute('button[data-lang="fr"]', 'aria-pressed')).toBe('true');
    await page.screenshot({ path: artifactPath('tab', 'register-fr.png'), fullPage: true });
    // remembered on reload; ?lang= overrides; keyboard works on the switch
    const again = await context.newPage();
    await again.goto(`${server.url}/tab`);
    await again.waitForSelector('body[data-ready="true"]');
    expect(await again.locator('h2#view-title').innerText()).toBe('Registre des synergies');
    await again.focus('button[data-lang="nl"]');
    await again.keyboard.press('Space');
    await again.waitForFunction(() => document.querySelector('h2#view-title')?.textContent === 'Register van synergieën');
    const explicit = await context.newPage();
    await explicit.goto(`${server.url}/tab?lang=fr`);
    await explicit.waitForSelector('body[data-ready="true"]');
    expect(await explicit.locator('h2#view-title').innerText()).toBe('Registre des synergies');
  });

  test('a French browser gets French without asking', async () => {
    const { page } = await open('/tab', { locale: 'fr-BE' });
    expect(await text(page, 'h2#view-title')).toBe('Registre des synergies');
  });

  test('filters: free text, domain, status, year, focus group and party narrow the list and update the counts', async () => {
    const { page } = await open('/tab');
    await waitForSummary(page, /^3 maatregelen/);
    await page.getByLabel('Zoeken').fill('laptops');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.locator('.entry-title').allInnerTexts()).toEqual(['Gezamenlijke aankoop van laptops']);
    await page.getByLabel('Zoeken').fill('');
    await waitForSummary(page, /^3 maatregelen/);
    await page.getByLabel('Domein').selectOption('HR');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.locator('.domain-group h3').allInnerTexts()).toEqual(['Human resources (1)']);
    await page.getByLabel('Domein').selectOption('');
    await waitForSummary(page, /^3 maatregelen/);
    await page.getByLabel('Status', { exact: true }).selectOption('proposed');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.locator('.entry-title').allInnerTexts()).toEqual(['Marché conjoint de nettoyage']);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await waitForSummary(page, /^3 maatregelen/);
    await page.getByLabel('Startjaar').fill('2023');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.locator('.entry-title').allInnerTexts()).toEqual(['Gedeelde opleidingen voor het personeel']);
    await page.getByLabel('Startjaar').fill('');
    await waitForSummary(page, /^3 maatregelen/);
    await page.getByLabel('Partner').fill('politie');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    await page.getByLabel('Partner').fill('');
    await waitForSummary(page, /^3 maatregelen/);
    await page.getByLabel('Focusgroep').selectOption(fx.focusGroupId);
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.locator('.entry-title').allInnerTexts()).toEqual(['Gezamenlijke aankoop van laptops']);
    await page.getByLabel('Zoeken').fill('niets dat bestaat');
    await waitForSummary(page, /^0 maatregelen gevonden$/);
    expect(await text(page, '.empty')).toBe('Geen maatregelen voor deze filters.');
    await page.click('[data-testid="clear-filters"]');
    await waitForSummary(page, /^3 maatregelen/);
  });

  test('an entry shows its fields, actions, decisions, linked poll and history; Enter on a link opens it', async () => {
    const { page } = await open('/tab');
    await waitForSummary(page, /maatregelen/);
    await page.focus(`.entry-row[data-entry-id="${fx.laptops.id}"] a`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="entry-title"]');
    expect(await text(page, '[data-testid="entry-title"]')).toBe('Gezamenlijke aankoop van laptops');
    expect(await text(page, '[data-testid="amount"]')).toMatch(/€\s?12\.500 \(raming\)/);
    expect(await text(page, '#sec-decisions + ul')).toContain('College van burgemeester en schepenen — 1 februari 2023');
    expect(await text(page, '#sec-decisions + ul')).toContain('Principieel akkoord met het raamcontract');
    const polls = await text(page, '#sec-polls + ul');
    expect(polls).toContain('Welk type laptop kiezen we?');
    expect(polls).toContain('15 duim: 1');
    expect(polls).toContain('14 duim: 0');
    const actions = await page.locator('[data-testid="actions-table"] tbody tr').allInnerTexts();
    expect(actions.join('\n')).toContain('Bestek opstellen');
    expect(actions.join('\n')).toContain('achterstallig');
    const history = await text(page, '[data-testid="history"]');
    expect(history).toContain('Beslissing geregistreerd');
    expect(history).toContain('Aangemaakt');
    await page.screenshot({ path: artifactPath('tab', 'entry-detail.png'), fullPage: true });
  });

  test('create: the new entry is saved through the API and shown', async () => {
    const { page } = await open('/tab#/new');
    await page.waitForSelector('form.entry-form');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByLabel('Titel in het Nederlands').fill('Gedeelde juridische dienst');
    await page.getByLabel('Titel in het Frans').fill('Service juridique partagé');
    await page.getByLabel('Domein').selectOption('LEGAL');
    await page.getByLabel('Status', { exact: true }).selectOption('under_study');
    await page.getByLabel('Startjaar').fill('2025');
    await page.getByLabel('Samenwerkingsvorm').selectOption('staff_secondment');
    await page.getByLabel('Partners', { exact: true }).fill('Gemeente\nOCMW');
    await page.getByLabel('Bedrag in euro per jaar').fill('30000');
    await page.getByLabel('Betrouwbaarheid van het bedrag').selectOption('estimate');
    await page.click('[data-testid="save-entry"]');
    await page.waitForSelector('[data-testid="entry-title"]');
    expect(await text(page, '[data-testid="entry-title"]')).toBe('Gedeelde juridische dienst');
    expect(await text(page, '[data-testid="announcer"]')).toContain('aangemaakt');
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/entry/', ''));
    const saved = await json(await server.api(`/api/entries/${id}`));
    expect(saved).toMatchObject({
      title: { nl: 'Gedeelde juridische dienst', fr: 'Service juridique partagé' },
      domain: 'LEGAL',
      status: 'under_study',
      startYear: 2025,
      form: 'staff_secondment',
      formalisation: 'shared_staff_or_service',
      parties: ['Gemeente', 'OCMW'],
      financialBenefit: { amountEur: 30000, confidence: 'estimate' },
    });
    await server.api(`/api/entries/${id}`, { method: 'DELETE', headers: { 'If-Match': '*' } });
  });

  test("create with invalid input: the server's 400 issues appear next to each control and nothing is saved", async () => {
    const before = (await json(await server.api('/api/entries'))).total;
    const { page } = await open('/tab#/new');
    await page.waitForSelector('form.entry-form');
    await page.getByLabel('Startjaar').fill('1900');
    await page.getByLabel('Bedrag in euro per jaar').fill('5000');
    await page.click('[data-testid="save-entry"]');
    await page.waitForSelector('[data-testid="validation-summary"]');
    // worded in the page's language from the catalogue, never the server's English
    expect(await text(page, '[data-errors-for="title"]')).toContain('heeft een tekst nodig in het Nederlands, het Frans of het Engels');
    expect(await text(page, '[data-errors-for="startYear"]')).toContain('moet 1976 of meer zijn');
    expect(await text(page, '[data-errors-for="domain"]')).toContain('is verplicht');
    expect(await text(page, '[data-errors-for="financialBenefit"]')).toContain('een bedrag is een raming');
    expect(await text(page, 'form.entry-form')).not.toMatch(/needs a text|must be|is required/);
    expect(await page.getAttribute('[name="startYear"]', 'aria-invalid')).toBe('true');
    // the message is tied to the control for assistive technology
    const describedBy = (await page.getAttribute('[name="startYear"]', 'aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).innerText()).toContain('moet 1976 of meer zijn');
    await page.screenshot({ path: artifactPath('tab', 'form-validation.png'), fullPage: true });
    expect((await json(await server.api('/api/entries'))).total).toBe(before);
  });

  test('edit: changes are saved with If-Match and appear in the history', async () => {
    const { page } = await open(`/tab#/entry/${fx.cleaning.id}/edit`);
    await page.waitForSelector('form.entry-form');
    expect(await page.getByLabel('Titel in het Frans').inputValue()).toBe('Marché conjoint de nettoyage');
    await page.getByLabel('Titel in het Nederlands').fill('Gezamenlijke opdracht voor schoonmaak');
    await page.getByLabel('Status', { exact: true }).selectOption('decided');
    await page.click('[data-testid="save-entry"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="entry-title"]')?.textContent === 'Gezamenlijke opdracht voor schoonmaak');
    const saved = await json(await server.api(`/api/entries/${fx.cleaning.id}`));
    expect(saved.title).toEqual({ nl: 'Gezamenlijke opdracht voor schoonmaak', fr: 'Marché conjoint de nettoyage' });
    expect(saved.status).toBe('decided');
    expect(saved.parties).toEqual(['Commune', 'CPAS', 'Politiezone']);
    expect(await text(page, '[data-testid="history"]')).toContain('Status gewijzigd');
  });

  test('a concurrent edit shows the other version; nothing is overwritten until the person chooses', async () => {
    const { page } = await open(`/tab#/entry/${fx.training.id}/edit`);
    await page.waitForSelector('form.entry-form');
    // a colleague saves in between
    const current = await json(await server.api(`/api/entries/${fx.training.id}`));
    await json(
      await server.api(`/api/entries/${fx.training.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': current.etag },
        json: { title: { nl: 'Opleidingsplan van collega Els' } },
      }),
    );
    await page.getByLabel('Titel in het Nederlands').fill('Mijn nieuwe titel');
    await page.click('[data-testid="save-entry"]');
    await page.waitForSelector('[data-testid="conflict"]');
    const conflict = await text(page, '[data-testid="conflict"]');
    expect(conflict).toContain('Iemand anders heeft deze maatregel intussen opgeslagen');
    expect(conflict).toContain('NIET opgeslagen');
    expect(await text(page, '[data-testid="theirs-titleNl"]')).toBe('Opleidingsplan van collega Els');
    expect(conflict).toContain('Mijn nieuwe titel');
    expect((await json(await server.api(`/api/entries/${fx.training.id}`))).title.nl).toBe('Opleidingsplan van collega Els');
    await page.screenshot({ path: artifactPath('tab', 'conflict.png'), fullPage: true });
    // the person keeps their change on top of the stored version and saves again
    await page.click('[data-testid="conflict-reapply"]');
    expect(await page.getByLabel('Titel in het Nederlands').inputValue()).toBe('Mijn nieuwe titel');
    await page.click('[data-testid="save-entry"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="entry-title"]')?.textContent === 'Mijn nieuwe titel');
    expect((await json(await server.api(`/api/entries/${fx.training.id}`))).title.nl).toBe('Mijn nieuwe titel');
  });

  test('actions: open, overdue and mine filters; mark done; a stale action shows a conflict', async () => {
    const { page } = await open('/tab#/actions');
    await page.waitForSelector('[data-testid="actions-table"]');
    expect(await unlabelledControls(page)).toEqual([]);
    const rows = () => page.locator('[data-testid="actions-table"] tbody tr').allInnerTexts();
    expect((await rows()).length).toBe(2);
    await page.screenshot({ path: artifactPath('tab', 'actions.png'), fullPage: true });
    await page.getByLabel('Alleen achterstallige').check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="actions-table"] tbody tr').length === 1);
    expect((await rows())[0]).toContain('Bestek opstellen');
    await page.getByLabel('Alleen achterstallige').uncheck();
    await page.getByLabel('Alleen mijn acties').check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="actions-table"] tbody tr').length === 1);
    await page.click(`tr[data-action-id="${fx.overdueAction.id}"] [data-testid="mark-done"]`);
    await page.waitForFunction(() => /is klaar/.test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ''));
    await page.waitForSelector(`tr[data-action-id="${fx.overdueAction.id}"]`, { state: 'detached' });
    const done = await json(await server.api(`/api/actions/${fx.overdueAction.id}`));
    expect(done.status).toBe('done');
    expect(done.doneDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // someone changes the other action while this list shows the old version
    await page.getByLabel('Alleen mijn acties').uncheck();
    await page.waitForSelector(`tr[data-action-id="${fx.laterAction.id}"]`);
    const later = await json(await server.api(`/api/actions/${fx.laterAction.id}`));
    await json(
      await server.api(`/api/actions/${fx.laterAction.id}`, { method: 'PATCH', headers: { 'If-Match': later.etag }, json: { owner: { name: 'Tom Claes' } } }),
    );
    await page.click(`tr[data-action-id="${fx.laterAction.id}"] [data-testid="mark-done"]`);
    await page.waitForSelector('[data-testid="action-conflict"]');
    expect(await text(page, '[data-testid="action-conflict"]')).toContain('Tom Claes');
    expect((await json(await server.api(`/api/actions/${fx.laterAction.id}`))).status).toBe('open');
  });

  test('meetings with their decisions, focus groups with members and channel', async () => {
    const { page } = await open('/tab#/meetings');
    await page.waitForSelector(`[data-meeting-id="${fx.meetingId}"]`);
    const meeting = await text(page, `[data-meeting-id="${fx.meetingId}"]`);
    expect(meeting).toContain('Stuurgroep — 19 januari 2023');
    expect(meeting).toContain('De ICT-aankopen worden gebundeld.');
    await page.screenshot({ path: artifactPath('tab', 'meetings.png'), fullPage: true });
    await page.click('nav.main-nav a[href="#/focus-groups"]');
    await page.waitForSelector(`[data-focus-group-id="${fx.focusGroupId}"]`);
    const group = await text(page, `[data-focus-group-id="${fx.focusGroupId}"]`);
    expect(group).toContain('Focusgroep ICT');
    expect(group).toContain('ICT-synergie');
    expect(group).toContain('An Peeters — Gemeente, ICT-coördinator');
    expect(group).toContain('Karim El Amrani — OCMW');
    expect(await page.getAttribute('nav.main-nav a[href="#/focus-groups"]', 'aria-current')).toBe('page');
    await page.screenshot({ path: artifactPath('tab', 'focus-groups.png'), fullPage: true });
  });

  test('hostile input: a title with HTML is shown as text, never run', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const created = await json(
      await server.api('/api/entries', {
        method: 'POST',
        json: { title: { nl: hostile }, domain: 'OTHER', status: 'proposed', kind: 'synergy', formalisation: 'informal_exchange', parties: ['<b>bold</b>'] },
      }),
    );
    const { page, dialogs, errors } = await open('/tab');
    await page.getByLabel('Zoeken').fill('onerror');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.locator('.entry-title').innerText()).toBe(hostile);
    expect(await page.locator('.entry-meta').first().innerText()).toContain('<b>bold</b>');
    expect(await page.locator('main img, main b').count()).toBe(0);
    await page.click('.entry-title');
    await page.waitForSelector('[data-testid="entry-title"]');
    expect(await text(page, '[data-testid="entry-title"]')).toBe(hostile);
    await page.click('[data-testid="edit-entry"]');
    await page.waitForSelector('form.entry-form');
    expect(await text(page, 'h2#view-title')).toBe(`Bewerken: ${hostile}`);
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await server.api(`/api/entries/${created.id}`, { method: 'DELETE', headers: { 'If-Match': '*' } });
  });

  test('dark and high-contrast themes', async () => {
    const { page } = await open('/tab?theme=dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await waitForSummary(page, /maatregelen/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: artifactPath('tab', 'register-dark.png'), fullPage: true });
    const contrast = await open('/tab?theme=contrast');
    expect(await contrast.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await contrast.page.screenshot({ path: artifactPath('tab', 'register-contrast.png'), fullPage: true });
  });

  test('channel tab: the content URL opens the register filtered on its focus group; the configuration page offers the groups', async () => {
    const { page } = await open(`/tab?inTeams=1&focusGroup=${fx.focusGroupId}`);
    expect(await text(page, '[data-testid="channel-filter"]')).toContain('Focusgroep ICT');
    await waitForSummary(page, /^1 maatregel gevonden$/);
    expect(await page.getByLabel('Focusgroep').inputValue()).toBe(fx.focusGroupId);
    // a new entry from the channel tab belongs to its focus group
    await page.click('[data-testid="new-entry"]');
    await page.waitForSelector('form.entry-form');
    expect(await page.getByLabel('Focusgroep').inputValue()).toBe(fx.focusGroupId);

    const config = await open('/tab/config');
    expect(await text(config.page, 'h1')).toBe('Kanaaltab: focusgroep kiezen');
    expect(await text(config.page, '[data-testid="local-banner"]')).toContain('Lokale modus');
    await config.page.getByLabel('Focusgroep').selectOption(fx.focusGroupId);
    expect(await config.page.getAttribute('[data-testid="config-preview"]', 'href')).toBe(`/tab?focusGroup=${fx.focusGroupId}`);
    expect(await unlabelledControls(config.page)).toEqual([]);
    await config.page.screenshot({ path: artifactPath('tab', 'channel-config.png'), fullPage: true });
  });

  test('the page is served with a strict content security policy and frames only in Teams', async () => {
    const res = await fetch(`${server.url}/tab`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect((await fetch(`${server.url}/tab/i18n/fr.json`).then((r) => r.json()))['app.title']).toBe('Registre des synergies');
    expect((await fetch(`${server.url}/tab/i18n/de.json`)).status).toBe(404);
  });
});
