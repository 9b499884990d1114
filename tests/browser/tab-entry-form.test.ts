import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { json, openPage, unlabelledControls } from './tab-helpers';

jest.setTimeout(90000);

const suite = browserSuite({ demoData: false });

test('every annex field is editable: form with its derived formalisation, an override only when ticked, department, section, end year, euro per administration and year', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/new`);
  await page.waitForSelector('form.entry-form');
  await page.getByLabel('Titel in het Nederlands').fill('Gedeelde boekhouding');
  await page.getByLabel('Tussenkop in het Nederlands').fill('Financiën');
  await page.getByLabel('Domein').selectOption('FIN');
  await page.getByLabel('Reikwijdte').selectOption('andere-ocmws');
  await page.getByLabel('Status', { exact: true }).selectOption('existing');
  await page.getByLabel('Startjaar').fill('2024');
  await page.getByLabel('Jaar van stopzetting').fill('2027');
  await page.getByLabel('Dienst in het Nederlands').fill('Dienst Financiën');
  await page.getByLabel('Dienst in het Frans').fill('Service des finances');
  await page.getByLabel('Sectie van het verslag').fill('Financiën en ontvanger');
  await page.getByLabel('Samenwerkingsvorm').selectOption('shared_service');
  // the derived choice names what the form implies, by the rule /api/vocabulary publishes
  const derived = await page.locator('[name="formalisation"] option').first().innerText();
  expect(derived).toBe('Volgens de vorm: Gedeeld personeel of gedeelde dienst');
  await page.getByLabel('Formalisering', { exact: true }).selectOption('agreement');
  expect(await page.locator('[data-field="formalisation"] .field-hint').innerText()).toContain('Vink “bewust afwijken” aan');
  await page.getByLabel('Bronverwijzing').fill('Verslag 2024, punt 3.1');
  await page.getByLabel('Notities in het Nederlands').fill('Nakijken met de ontvanger <script>');
  await page.click('[data-testid="benefit-add"]');
  await page.getByLabel('Jaar, rij 1').fill('2025');
  await page.getByLabel('Bestuur, rij 1').selectOption('gemeente');
  await page.getByLabel('Geraamd (€), rij 1').fill('10 000');
  await page.click('[data-testid="benefit-add"]');
  await page.getByLabel('Bestuur, rij 2').selectOption('ocmw');
  await page.getByLabel('Gerealiseerd (€), rij 2').fill('4500,50');
  expect(await unlabelledControls(page)).toEqual([]);

  // contradicting form and formalisation: refused in Dutch, next to the control, with labels instead of codes
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="validation-summary"]');
  const reason = await page.locator('[data-errors-for="formalisation"]').innerText();
  expect(reason).toContain('past niet bij de vorm "Gemeenschappelijke dienst"');
  expect(reason).not.toMatch(/shared_service|agreement|must|contradicts/);
  expect(await page.getAttribute('[name="formalisation"]', 'aria-invalid')).toBe('true');
  await page.screenshot({ path: artifactPath('tab', 'form-fields-nl.png'), fullPage: true });

  await page.getByLabel('Bewust afwijken van de vorm').check();
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(await page.locator('[data-testid="override"]').innerText()).toContain('bewust afwijkend: Overeenkomst');
  expect(await page.locator('[data-testid="benefits"] tbody tr').allInnerTexts()).toEqual([
    expect.stringMatching(/^2025\tGemeente\t€\s?10\.000(,00)?\t—$/),
    expect.stringMatching(/^2025\tOCMW\t—\t€\s?4\.500,50$/),
  ]);
  expect(await page.locator('#sec-notes + p').innerText()).toBe('Nakijken met de ontvanger <script>');
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/entry/', ''));
  const saved = await json(await suite.server.api(`/api/entries/${id}`));
  expect(saved).toMatchObject({
    subheading: { nl: 'Financiën' },
    scope: 'andere-ocmws',
    startYear: 2024,
    endYear: 2027,
    department: { nl: 'Dienst Financiën', fr: 'Service des finances' },
    section: 'Financiën en ontvanger',
    form: 'shared_service',
    formalisation: 'agreement',
    formalisationOverride: true,
    source: 'Verslag 2024, punt 3.1',
    benefits: [
      { year: 2025, administration: 'gemeente', estimatedEur: 10000, realisedEur: null },
      { year: 2025, administration: 'ocmw', estimatedEur: null, realisedEur: 4500.5 },
    ],
  });

  // back to the form: "from the form" again re-derives it; a repeated year and administration is refused in French
  await page.goto(`${suite.server.url}/tab?lang=fr#/entry/${id}/edit`);
  await page.waitForSelector('form.entry-form');
  expect(await page.getByLabel('Formalisation', { exact: true }).inputValue()).toBe('agreement');
  await page.getByLabel('Forme de collaboration').selectOption('agreement');
  await page.getByLabel('Formalisation', { exact: true }).selectOption('');
  await page.getByLabel('Dérogation voulue à la forme').uncheck();
  await page.getByLabel('Administration, ligne 2').selectOption('gemeente');
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="validation-summary"]');
  expect(await page.locator('[data-testid="validation-summary"]').innerText()).toContain(
    'Bénéfice par administration et par an › 2\u00a0: figure deux fois pour Commune en 2025',
  );
  await page.screenshot({ path: artifactPath('tab', 'form-fields-fr.png'), fullPage: true });
  await page.getByLabel('Administration, ligne 2').selectOption('ocmw');
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(await json(await suite.server.api(`/api/entries/${id}`))).toMatchObject({
    form: 'agreement',
    formalisation: 'agreement',
    formalisationOverride: false,
  });
  expect(errors).toEqual([]);
  await context.close();
});
