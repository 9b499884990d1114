import { artifactPath } from '../support/browser';
import { translatorBrowserSuite } from '../support/browser-suite';
import { json, openPage, unlabelledControls } from './tab-helpers';

/** Where the tab edits an action, its title's other language can be suggested (Translator fake), checked and saved. */

jest.setTimeout(120000);

const suite = translatorBrowserSuite();

test('a Dutch action title gets its French suggestion in the form; saved unchanged it keeps the machine mark, edited it is the clerk’s', async () => {
  const action = await json<{ id: string }>(
    await suite.server.api('/api/actions', { method: 'POST', json: { title: 'Offerte vragen aan het OCMW', language: 'nl', owner: { name: 'An Peeters' } } }),
  );
  const { page, errors, dialogs } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/action/${action.id}/edit`, { locale: 'nl-BE' });
  const french = page.getByLabel('Titel in het Frans', { exact: true });
  await french.waitFor();
  expect(await french.inputValue()).toBe('');
  await page.getByRole('button', { name: 'Vertaling voorstellen voor Titel in het Frans' }).click();
  await page.locator('[data-testid="suggest-done"]').waitFor();
  expect(await french.inputValue()).toMatch(/^\[fr\] .*CPAS$/);
  expect(await page.locator('[data-testid="machine-note"]').isVisible()).toBe(true);
  expect((await json<{ titleTranslations?: unknown }>(await suite.server.api(`/api/actions/${action.id}`))).titleTranslations).toBeUndefined();
  expect(await unlabelledControls(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('translate', 'action-suggested.png') });

  await page.getByRole('button', { name: 'Actie opslaan' }).click();
  await page.waitForURL(/#\/actions/);
  const saved = await json<{ titleTranslations: { fr: string }; titleMachineTranslated: string[] }>(await suite.server.api(`/api/actions/${action.id}`));
  expect(saved.titleTranslations.fr).toMatch(/CPAS$/);
  expect(saved.titleMachineTranslated).toEqual(['fr']);

  // the clerk corrects it: the text is theirs and the mark goes
  await page.goto(`${suite.server.url}/tab?lang=nl#/action/${action.id}/edit`);
  const again = page.getByLabel('Titel in het Frans', { exact: true });
  await again.waitFor();
  expect(await page.locator('[data-testid="machine-note"]').isVisible()).toBe(true);
  await again.fill('Demander un devis au CPAS');
  expect(await page.locator('[data-testid="machine-note"]').isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Actie opslaan' }).click();
  await page.waitForURL(/#\/actions/);
  const reviewed = await json<{ titleTranslations: { fr: string }; titleMachineTranslated: string[] }>(await suite.server.api(`/api/actions/${action.id}`));
  expect(reviewed).toMatchObject({ titleTranslations: { fr: 'Demander un devis au CPAS' }, titleMachineTranslated: [] });
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
});
