import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { json, openPage, unlabelledControls } from './tab-helpers';
import { closeSuite } from '../support/browser-suite';

jest.setTimeout(90000);

let server: TestServer;
let browser: Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  const post = async (key: string, body: unknown) => {
    ids[key] = (await json<{ id: string }>(await server.api('/api/entries', { method: 'POST', json: body }))).id;
  };
  const base = { domain: 'FIN', status: 'existing', kind: 'synergy', form: 'shared_service' };
  await post('dutchOnly', {
    ...base,
    title: { nl: 'Gezamenlijke ontvanger <img src=x onerror=alert(1)>' },
    description: { nl: 'De ontvanger werkt voor gemeente en OCMW.' },
    department: { nl: 'Dienst Financiën' },
  });
  await post('dutchOnly2', { ...base, title: { nl: 'Gedeelde preventieadviseur' } });
  await post('frenchOnly', { ...base, title: { fr: 'Service juridique commun' } });
  await post('complete', { ...base, title: { nl: 'Gedeelde archivaris', fr: 'Archiviste partagé' } });
  browser = await launchChromium();
});

afterAll(() => closeSuite({ browser, server }));

/** The register list requests the page makes (path and query), to see what the server was asked for. */
function entryListRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/entries' && r.method() === 'GET') urls.push(url.search);
  });
  return urls;
}

test('the French clerk sees which measures lack French, fills them in beside the Dutch and saves; the Dutch view lists the reverse', async () => {
  const { page, context, errors, dialogs } = await openPage(browser, `${server.url}/tab?lang=fr#/register`, { locale: 'fr-BE' });
  const requests = entryListRequests(page);
  await page.goto(`${server.url}/tab?lang=fr#/translations`);
  const summary = page.locator('[data-testid="completeness-summary"]');
  await summary.waitFor();
  expect(await page.locator('h2#view-title').innerText()).toBe('Bilinguisme du registre');
  expect(await summary.innerText()).toBe('2 mesures sans texte français (sur 4 mesures)');
  // one page of the lacking entries comes from the server, and the overall count from a one-entry page
  expect(requests).toEqual(expect.arrayContaining(['?missing=fr&offset=0&limit=20', '?limit=1']));
  expect(requests.filter((q) => !/limit=(1|20)$/.test(q))).toEqual([]);
  expect(await page.locator('[data-testid="role-needed"]').count()).toBe(0);
  const card = page.locator(`li[data-entry-id="${ids.dutchOnly}"]`);
  // the Dutch title is shown as text, marked as Dutch, beside an empty French input
  expect(await card.locator('h3 a').innerText()).toBe('Gezamenlijke ontvanger <img src=x onerror=alert(1)>');
  expect(await card.locator('h3').getAttribute('lang')).toBe('nl');
  expect(await card.locator('[data-text-field]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.textField))).toEqual([
    'title',
    'department',
    'description',
  ]);
  expect(await card.locator('[data-text-field="description"] .source-label').innerText()).toBe('Description en néerlandais');
  await card.getByLabel('Titre en français').fill('Receveur commun');
  await card.getByLabel('Service en français').fill('Service des finances');
  await card.getByLabel('Description en français').fill('Le receveur travaille pour la commune et le CPAS.');
  const other = page.locator(`li[data-entry-id="${ids.dutchOnly2}"]`);
  await other.getByLabel('Titre en français').fill('Conseiller en prévention partagé');
  expect(await unlabelledControls(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tab', 'completeness-fr.png'), fullPage: true });
  await card.getByRole('button', { name: /Enregistrer les textes de/ }).click();
  // the page's data is read again: the now complete entry leaves the list, the count follows, the other
  // card keeps what was typed in it
  const savedMessage = page.locator('[data-testid="completeness-saved"]');
  await savedMessage.waitFor();
  expect(await savedMessage.innerText()).toBe('Textes de «\u00a0Receveur commun\u00a0» enregistrés.');
  expect(await summary.innerText()).toBe('1 mesure sans texte français (sur 4 mesures)');
  expect(await card.count()).toBe(0);
  expect(await other.getByLabel('Titre en français').inputValue()).toBe('Conseiller en prévention partagé');
  expect(requests.filter((q) => q.startsWith('?missing=fr')).length).toBe(2);
  await page.screenshot({ path: artifactPath('tab', 'completeness-fr-saved.png'), fullPage: true });

  const saved = await json(await server.api(`/api/entries/${ids.dutchOnly}`));
  expect(saved.title).toEqual({ nl: 'Gezamenlijke ontvanger <img src=x onerror=alert(1)>', fr: 'Receveur commun' });
  expect(saved.department).toEqual({ nl: 'Dienst Financiën', fr: 'Service des finances' });
  expect(saved.description.fr).toBe('Le receveur travaille pour la commune et le CPAS.');

  await page.reload();
  await summary.waitFor();
  await page.waitForFunction(() => /^1 mesure sans texte français/.test(document.querySelector('[data-testid="completeness-summary"]')?.textContent ?? ''));
  await page.getByLabel('Afficher').selectOption('nl');
  await page.waitForFunction(() => /^1 mesure sans texte néerlandais/.test(document.querySelector('[data-testid="completeness-summary"]')?.textContent ?? ''));
  expect(page.url()).toContain('#/translations?missing=nl');
  expect(await page.locator(`li[data-entry-id="${ids.frenchOnly}"] h3`).innerText()).toBe('Service juridique commun');
  expect(await page.locator('nav.main-nav a[aria-current]').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(['#/translations']);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a conflicting edit in between is explained and nothing is overwritten', async () => {
  const { page, context } = await openPage(browser, `${server.url}/tab?lang=nl#/translations?missing=nl`);
  const card = page.locator(`li[data-entry-id="${ids.frenchOnly}"]`);
  await card.waitFor();
  const current = await json(await server.api(`/api/entries/${ids.frenchOnly}`));
  await server.api(`/api/entries/${ids.frenchOnly}`, {
    method: 'PATCH',
    json: { title: { fr: 'Service juridique commun', nl: 'Gedeelde juridische dienst' } },
    headers: { 'if-match': current.etag },
  });
  await card.getByLabel('Titel in het Nederlands').fill('Mijn vertaling');
  await card.getByRole('button', { name: /Teksten opslaan van/ }).click();
  await card.locator('.message-error').waitFor();
  expect(await card.locator('.message-error').innerText()).toContain('Iemand anders wijzigde deze maatregel intussen');
  expect((await json(await server.api(`/api/entries/${ids.frenchOnly}`))).title.nl).toBe('Gedeelde juridische dienst');
  await context.close();
});

test('a reader sees what lacks a translation, page by page, with no inputs or Save buttons and the role it takes to edit', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-reader-'));
  const admin = await startTestServer({ demoData: false, dataDir });
  for (let i = 1; i <= 22; i++) {
    await json(
      await admin.api('/api/entries', {
        method: 'POST',
        json: {
          domain: 'HR',
          status: 'existing',
          kind: 'synergy',
          form: 'shared_service',
          title: { nl: `Gedeelde dienst ${i}` },
          description: { nl: `Beschrijving ${i}` },
        },
      }),
    );
  }
  await admin.stop();
  const reader = await startTestServer({ demoData: false, dataDir, env: { LOCAL_ROLE: 'reader' } });
  try {
    const { page, context, errors } = await openPage(browser, `${reader.url}/tab?lang=fr#/register`, { locale: 'fr-BE' });
    const requests = entryListRequests(page);
    await page.goto(`${reader.url}/tab?lang=fr#/translations?missing=fr`);
    const summary = page.locator('[data-testid="completeness-summary"]');
    await summary.waitFor();
    expect(await summary.innerText()).toBe('22 mesures sans texte français (sur 22 mesures)');
    expect(await page.locator('[data-testid="role-needed"]').innerText()).toBe('Ceci demande le rôle Rédacteur\u00a0; vous avez le rôle Lecteur.');
    expect(await page.locator('li[data-entry-id]').count()).toBe(20);
    expect(await page.locator('main input, main textarea, [data-testid="completeness-save"]').count()).toBe(0);
    const first = page.locator('li[data-entry-id]').first();
    expect((await first.locator('[data-text-field="description"]').innerText()).replace(/\n+/g, '\n')).toBe(
      'Description en néerlandais\nBeschrijving 1\nDescription en français\nTexte français manquant',
    );
    await page.screenshot({ path: artifactPath('tab', 'completeness-reader.png'), fullPage: true });

    await page.getByRole('link', { name: 'Suivante' }).click();
    await page.locator('.pager-position', { hasText: 'Page 2 sur 2' }).waitFor();
    expect(await page.locator('li[data-entry-id] h3').allInnerTexts()).toEqual(['Gedeelde dienst 21', 'Gedeelde dienst 22']);
    expect(requests).toContain('?missing=fr&offset=20&limit=20');
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await reader.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
