import type { AnnualReport } from '../../src/domain/model';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { json, openPage, unlabelledControls } from './tab-helpers';

jest.setTimeout(90000);

type Stored = AnnualReport & { id: string; etag: string };
const suite = browserSuite({ demoData: true });

const templates = async () => (await json<{ items: Stored[] }>(await suite.server.api('/api/reports'))).items;

test('a clerk prepares a Walloon template for a city in French: wording, department sections, unplaced-domain warning, saved as edited', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/templates`, { locale: 'fr-BE' });
  await page.waitForSelector('[data-testid="template-list"]');
  expect(await page.locator('h2#view-title').innerText()).toBe('Modèles du rapport annuel');
  expect(await page.locator('[data-template-year]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.templateYear))).toEqual([
    '2027',
    '2026',
    '2023',
  ]);
  expect(await page.getAttribute('nav.main-nav a[href="#/templates"]', 'aria-current')).toBe('page');
  expect(await page.locator('nav.main-nav a[aria-current]').count()).toBe(1);

  await page.getByLabel('Partir de').selectOption('wallonia');
  await page.getByLabel('Année budgétaire').fill('2028');
  await page.click('[data-testid="template-create"]');
  await page.waitForSelector('[data-testid="verify-flag"]');
  expect(await page.locator('h2#view-title').innerText()).toBe('Nouveau modèle (pas encore enregistré)');
  expect(await page.locator('[data-testid="verify-flag"]').innerText()).toContain('à contrôler avant le dépôt');
  // the law text left empty shows the catalogue's wording as its example
  expect(await page.getAttribute('[name="legalCitation.fr"]', 'placeholder')).toContain('établissent conjointement et annuellement');

  await page.getByLabel('Type de pouvoir local').selectOption('city');
  await page.fill('[name="ocmwName.fr"]', 'CPAS de la Ville de Rivelde');
  await page.fill('[name="ocmwName.nl"]', 'OCMW van de Stad Rivelde');
  await page.fill('[name="municipality.fr"]', 'Rivelde');
  await page.fill('[name="municipality.nl"]', 'Rivelde');
  await page.fill('[name="introText.fr"]', 'Le présent rapport <b>fait le point</b> sur nos synergies.');

  // part 2 (synergies to develop): the first section gathers by department instead of domain
  const first = page.locator('[data-section="blocks.1.sections.0"]');
  await first.getByLabel('Rassemble selon').selectOption('department');
  await page.locator('[data-section="blocks.1.sections.0"]').getByLabel('Services, un par ligne').fill('Service des finances\nRecette');
  await page.fill('[name="blocks.1.sections.0.title.fr"]', 'Finances et recette (services)');
  // part 1 loses its staff section: HR is gathered by no section of part 1, a warning, not a refusal
  expect(await page.inputValue('[name="blocks.0.sections.1.title.fr"]')).toBe('Personnel et formation');
  await page
    .locator('[data-section="blocks.0.sections.1"]')
    .getByRole('button', { name: /Supprimer/ })
    .click();
  await page.waitForFunction(() =>
    /Partie 1\s*: aucune section ne reprend ces domaines/.test(document.querySelector('[data-testid="template-warnings"]')?.textContent ?? ''),
  );
  expect(await page.locator('[data-testid="template-warnings"]').innerText()).toContain('Ressources humaines');
  // part 2 now gathers finances by department only: its warning says where such measures still go
  expect(await page.locator('[data-testid="template-warnings"]').innerText()).toMatch(
    /Partie 2\s: aucune section ne reprend ces domaines\s; une de leurs mesures ne figure dans l’annexe que si une section nomme son service.*Finances/s,
  );
  // the last section of part 2 moves up one place
  const lastIndex = (await page.locator('[data-block="1"] .section-item').count()) - 1;
  const lastTitle = await page.inputValue(`[name="blocks.1.sections.${lastIndex}.title.fr"]`);
  await page
    .locator(`[data-section="blocks.1.sections.${lastIndex}"]`)
    .getByRole('button', { name: /Monter/ })
    .click();
  expect(await page.inputValue(`[name="blocks.1.sections.${lastIndex - 1}.title.fr"]`)).toBe(lastTitle);
  expect(await unlabelledControls(page)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifactPath('tab', 'template-wallonia-fr.png') });
  await page.locator('[data-block="1"]').scrollIntoViewIfNeeded();
  await page.locator('[data-block="1"] h4').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: artifactPath('tab', 'template-sections-fr.png') });

  await page.click('[data-testid="template-save"]');
  await page.waitForFunction(() =>
    /Modèle pour le budget 2028 enregistré, avec des avertissements/.test(document.querySelector('#announcer')?.textContent ?? ''),
  );
  await page.waitForFunction(() => document.querySelector('h2#view-title')?.textContent === 'Modèle pour le budget 2028');
  const saved = (await templates()).find((t) => t.budgetYear === 2028)!;
  expect(saved).toMatchObject({
    region: 'wallonia',
    preset: 'wallonia',
    bodyKind: 'city',
    ocmwName: { fr: 'CPAS de la Ville de Rivelde', nl: 'OCMW van de Stad Rivelde' },
  });
  expect(saved.introText.fr).toBe('Le présent rapport <b>fait le point</b> sur nos synergies.');
  expect(saved.blocks[0].sections.map((x) => x.title.fr)).not.toContain('Personnel et formation');
  expect(saved.blocks[1].sections[0]).toMatchObject({
    title: { fr: 'Finances et recette (services)' },
    gather: { by: 'department', departments: ['Service des finances', 'Recette'] },
  });
  expect(saved.blocks[1].sections[lastIndex - 1].title.fr).toBe(lastTitle);
  expect(errors).toEqual([]);
  await context.close();
});

test('a section without a title is refused with a Dutch message next to its control; nothing is saved', async () => {
  const before = (await templates()).find((t) => t.budgetYear === 2026)!;
  const { page, context } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/templates/${before.id}`);
  await page.waitForSelector('[name="blocks.0.sections.0.title.nl"]');
  expect(await page.locator('h2#view-title').innerText()).toBe('Sjabloon voor begroting 2026');
  await page.fill('[name="blocks.0.sections.0.title.nl"]', '');
  await page.fill('[name="blocks.0.sections.0.title.fr"]', '');
  await page.click('[data-testid="template-save"]');
  const summary = page.locator('[data-testid="validation-summary"]');
  await summary.waitFor();
  expect(await summary.innerText()).toMatch(/Secties › 1 › Titel.*(Nederlands, Frans of Engels|tekst)/is);
  const after = (await templates()).find((t) => t.budgetYear === 2026)!;
  expect(after.etag).toBe(before.etag);
  await context.close();
});

test('after the budget vote the secretary closes a year from the templates screen: only an open year that has begun; a filed year and a future one say why not', async () => {
  const entries = async () =>
    (await json<{ items: Array<{ id: string; mentions: Array<{ reportYear: number; rolledOver?: boolean }> }> }>(await suite.server.api('/api/entries'))).items;
  const frozenIn = async (year: number) => (await entries()).filter((e) => e.mentions.some((m) => m.reportYear === year)).length;
  // a past year no report was filed for, and a future year, each with a template (copies of 2026's)
  const filedYears = new Set((await entries()).flatMap((e) => e.mentions.map((m) => m.reportYear)));
  const past = [2025, 2024, 2022, 2021, 2020].find((y) => !filedYears.has(y))!;
  const t2026 = (await templates()).find((t) => t.budgetYear === 2026)!;
  const { id: _id, etag: _etag, ...copy } = t2026;
  for (const year of [past, 2030]) {
    if (!(await templates()).some((t) => t.budgetYear === year))
      expect((await suite.server.api('/api/reports', { method: 'POST', json: { ...copy, budgetYear: year } })).status).toBe(201);
  }

  const { page, context } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/templates`, { locale: 'fr-BE' });
  await page.waitForSelector('[data-testid="template-list"]');
  page.removeAllListeners('dialog');
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  // 2026's report was filed (read back): it stays as printed, no closing offered
  expect(await page.locator('[data-template-year="2026"] [data-testid="year-status"]').innerText()).toContain('Déposé');
  expect(await page.locator('[data-template-year="2026"] [data-testid="roll-over"]').count()).toBe(0);
  // a future year is still being written
  expect(await page.locator('[data-template-year="2030"] [data-testid="year-status"]').innerText()).toContain('La clôture est possible à partir de 2030.');
  expect(await page.locator('[data-template-year="2030"] [data-testid="roll-over"]').count()).toBe(0);

  const result = page.locator('[data-testid="roll-over-result"]');
  const close = page.locator(`[data-template-year="${past}"] [data-testid="roll-over"]`);
  expect(await close.innerText()).toBe(`Clôturer le rapport du budget ${past}`);
  await close.click();
  await result.locator('.message-success').waitFor();
  expect(asked[0]).toMatch(new RegExp(`^Clôturer le rapport du budget ${past}\u00a0\\?`));
  const frozen = Number(/Mesures figées\u00a0: (\d+)/.exec(await result.innerText())![1]);
  expect(frozen).toBeGreaterThan(0);
  expect(await frozenIn(past)).toBe(frozen);
  await page.reload();
  await page.waitForSelector(`[data-template-year="${past}"]`);
  expect(await page.locator(`[data-template-year="${past}"] [data-testid="year-status"]`).innerText()).toContain('Clôturé dans le registre');
  expect(await page.locator(`[data-template-year="${past}"] [data-testid="roll-over"]`).count()).toBe(0);
  await page.screenshot({ path: artifactPath('tab', 'template-roll-over-fr.png') });
  await context.close();
});

test('a blank template built with the compact domain picker: the outline follows every edit, Save and the warnings stay in view', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/templates`);
  await page.waitForSelector('[data-testid="template-list"]');
  await page.getByLabel('Vertrekken van').selectOption('blank');
  await page.getByLabel('Begrotingsjaar').fill('2029');
  await page.click('[data-testid="template-create"]');
  await page.waitForSelector('[data-testid="template-outline"]');
  const outline = () => page.locator('[data-testid="template-outline"]').innerText();
  expect(await outline()).toContain('(nog geen sectie)');
  // a part without sections prints its measures without sub-headings: nothing is left out yet
  expect(await page.locator('[data-testid="template-warnings"]').innerText()).toBe('Geen waarschuwingen.');

  await page.click('[data-testid="add-section-0"]');
  await page.fill('[name="blocks.0.sections.0.title.nl"]', 'Informatica');
  const section = page.locator('[data-section="blocks.0.sections.0"]');
  await section.getByLabel('Domein toevoegen').selectOption('ICT');
  await section.getByLabel('Domein toevoegen').selectOption('HR');
  expect(await section.locator('.chip').allInnerTexts()).toEqual(['Informatica (ICT) ×', 'Human resources ×']);
  await page.waitForFunction(() =>
    /1\.1 Informatica — Informatica \(ICT\), Human resources/.test(document.querySelector('[data-testid="template-outline"]')?.textContent ?? ''),
  );
  // now that one section takes two domains, the others are said to be left out, beside Save
  expect(await page.locator('[data-testid="template-warnings"]').innerText()).toMatch(/Opgelet — \d+ waarschuwing/);
  // a chip is removed with the keyboard; the outline follows
  await section.getByRole('button', { name: 'Human resources weghalen' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !/Human resources/.test(document.querySelector('[data-testid="template-outline"]')?.textContent ?? ''));
  // the section heading shows its title, never an internal key
  expect(await section.locator('h5').innerText()).toBe('Sectie 1: Informatica');
  expect(await unlabelledControls(page)).toEqual([]);

  // scrolled to the top of a long form, Save and the warnings are still on screen
  await page.evaluate(() => window.scrollTo(0, 0));
  const bar = await page.locator('[data-testid="sticky-save"]').boundingBox();
  expect(bar!.y + bar!.height).toBeLessThanOrEqual(900 + 1);
  expect(await page.locator('[data-testid="sticky-save"] [data-testid="template-warnings"]').count()).toBe(1);
  await page.screenshot({ path: artifactPath('tab', 'template-blank-nl.png') });
  await page.click('[data-testid="template-save"]');
  await page.waitForFunction(() => document.querySelector('h2#view-title')?.textContent === 'Sjabloon voor begroting 2029');
  const saved = (await templates()).find((t) => t.budgetYear === 2029)!;
  expect(saved).toMatchObject({
    preset: 'custom',
    blocks: [{ lifecycles: ['running', 'proposals', 'stopped'], sections: [{ title: { nl: 'Informatica' }, gather: { by: 'domain', domains: ['ICT'] } }] }],
  });
  expect(errors).toEqual([]);
  await context.close();
});
