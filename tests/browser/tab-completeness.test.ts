import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { json, openPage, unlabelledControls } from './tab-helpers';

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
  await post('frenchOnly', { ...base, title: { fr: 'Service juridique commun' } });
  await post('complete', { ...base, title: { nl: 'Gedeelde archivaris', fr: 'Archiviste partagé' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the French clerk sees which measures lack French, fills them in beside the Dutch and saves; the Dutch view lists the reverse', async () => {
  const { page, context, errors, dialogs } = await openPage(browser, `${server.url}/tab?lang=fr#/translations`, { locale: 'fr-BE' });
  const summary = page.locator('[data-testid="completeness-summary"]');
  await summary.waitFor();
  expect(await page.locator('h2#view-title').innerText()).toBe('Bilinguisme du registre');
  expect(await summary.innerText()).toBe('1 mesure sans texte français (sur 3 mesures)');
  const card = page.locator(`li[data-entry-id="${ids.dutchOnly}"]`);
  // the Dutch title is shown as text, marked as Dutch, beside an empty French input
  expect(await card.locator('h3 a').innerText()).toBe('Gezamenlijke ontvanger <img src=x onerror=alert(1)>');
  expect(await card.locator('h3').getAttribute('lang')).toBe('nl');
  expect(await card.locator('[data-text-field]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.textField))).toEqual(['title', 'department', 'description']);
  expect(await card.locator('[data-text-field="description"] .source-label').innerText()).toBe('Description en néerlandais');
  await card.getByLabel('Titre en français').fill('Receveur commun');
  await card.getByLabel('Service en français').fill('Service des finances');
  await card.getByLabel('Description en français').fill('Le receveur travaille pour la commune et le CPAS.');
  expect(await unlabelledControls(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tab', 'completeness-fr.png'), fullPage: true });
  await card.getByRole('button', { name: /Enregistrer les textes de/ }).click();
  await card.locator('[data-testid="completeness-saved"]').waitFor();
  expect(await card.locator('[data-testid="completeness-saved"]').innerText()).toBe('Textes de «\u00a0Receveur commun\u00a0» enregistrés.');

  const saved = await json(await server.api(`/api/entries/${ids.dutchOnly}`));
  expect(saved.title).toEqual({ nl: 'Gezamenlijke ontvanger <img src=x onerror=alert(1)>', fr: 'Receveur commun' });
  expect(saved.department).toEqual({ nl: 'Dienst Financiën', fr: 'Service des finances' });
  expect(saved.description.fr).toBe('Le receveur travaille pour la commune et le CPAS.');

  await page.reload();
  await summary.waitFor();
  await page.waitForFunction(() => /^0 mesure sans texte français/.test(document.querySelector('[data-testid="completeness-summary"]')?.textContent ?? ''));
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
  await server.api(`/api/entries/${ids.frenchOnly}`, { method: 'PATCH', json: { title: { fr: 'Service juridique commun', nl: 'Gedeelde juridische dienst' } }, headers: { 'if-match': current.etag } });
  await card.getByLabel('Titel in het Nederlands').fill('Mijn vertaling');
  await card.getByRole('button', { name: /Teksten opslaan van/ }).click();
  await card.locator('.message-error').waitFor();
  expect(await card.locator('.message-error').innerText()).toContain('Iemand anders wijzigde deze maatregel intussen');
  expect((await json(await server.api(`/api/entries/${ids.frenchOnly}`))).title.nl).toBe('Gedeelde juridische dienst');
  await context.close();
});
