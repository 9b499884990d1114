import { presetTemplate } from '../../src/domain/template-presets';
import { artifactPath } from '../support/browser';
import { translatorBrowserSuite } from '../support/browser-suite';
import { json, openPage, unlabelledControls } from './tab-helpers';

/** The template editor suggests the other language of a saved template's fixed texts, and the template's choice on unreviewed machine translations. */

jest.setTimeout(120000);

const suite = translatorBrowserSuite();

type Stored = { id: string; introText: { nl?: string; fr?: string }; machineTranslations: string };

test('the French introduction is suggested from the saved Dutch one, saved with the template, and the template refuses unreviewed machine translations', async () => {
  const template = await json<Stored>(
    await suite.server.api('/api/reports', {
      method: 'POST',
      json: {
        ...presetTemplate('ukkel-narrative', { budgetYear: 2027, municipality: { nl: 'Ukkel', fr: 'Uccle' } }),
        introText: { nl: 'Het OCMW en de gemeente werken samen.' },
      },
    }),
  );
  const { page, errors, dialogs } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/templates/${template.id}`, { locale: 'nl-BE' });
  const french = page.locator('[name="introText.fr"]');
  await french.waitFor();
  expect(await french.inputValue()).toBe('');
  await page.getByRole('button', { name: 'Vertaling voorstellen voor Inleiding in het Frans' }).click();
  await page.locator('[data-field="introText.fr"] [data-testid="suggest-done"]').waitFor();
  expect(await french.inputValue()).toMatch(/^\[fr\] .*CPAS/);
  expect(await page.locator('[data-field="introText.fr"] [data-testid="suggest-done"]').innerText()).toBe('Machinevertaling, nog niet nagelezen');
  // the Dutch side of a text with no saved French says there is nothing to translate
  await page.getByRole('button', { name: 'Vertaling voorstellen voor Tekst over het jaar in het Nederlands' }).click();
  await page.locator('[data-field="yearText.nl"] [data-testid="suggest-done"]').waitFor();
  expect(await page.locator('[data-field="yearText.nl"] [data-testid="suggest-done"]').innerText()).toMatch(/^Geen opgeslagen tekst/);

  await page.getByLabel('Geen Word-bijlage zolang er teksten na te kijken zijn').check();
  expect(await unlabelledControls(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('translate', 'template-suggested.png'), fullPage: true });
  expect((await json<Stored>(await suite.server.api(`/api/reports/${template.id}`))).introText.fr).toBeUndefined();
  const saved = page.waitForResponse((res) => res.url().includes(`/api/reports/${template.id}`) && res.request().method() !== 'GET');
  await page.click('[data-testid="template-save"]');
  expect((await saved).status()).toBe(200);
  expect((await json<Stored>(await suite.server.api(`/api/reports/${template.id}`))).introText.fr).toMatch(/^\[fr\] .*CPAS/);
  expect((await json<Stored>(await suite.server.api(`/api/reports/${template.id}`))).machineTranslations).toBe('refuse');
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
});
