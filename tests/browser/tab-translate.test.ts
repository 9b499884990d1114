import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { closeSuite } from '../support/browser-suite';
import { startTestServer, type TestServer } from '../support/server';
import { startTranslatorFake, translatorEnv, type TranslatorFake } from '../fakes/translator-fake';
import { json, openPage, unlabelledControls } from './tab-helpers';

jest.setTimeout(180000);

const MEASURES = 50;
let server: TestServer;
let browser: Browser;
let fake: TranslatorFake;
const YEAR = 2027;

beforeAll(async () => {
  fake = await startTranslatorFake();
  server = await startTestServer({ demoData: false, env: translatorEnv(fake) });
  for (let i = 1; i <= MEASURES; i++) {
    await json(
      await server.api('/api/entries', {
        method: 'POST',
        json: {
          domain: i % 2 ? 'ICT' : 'HR',
          status: 'existing',
          kind: 'synergy',
          form: 'shared_service',
          startYear: 2020,
          title: { nl: `Gezamenlijke dienst ${i} van het OCMW` },
          description: { nl: `Opleiding van het personeel ${i}, besproken in het Overlegcomité.` },
        },
      }),
    );
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await closeSuite({ browser, server });
  await fake?.close();
});

const annex = async () =>
  json<{ meta: { counts: { fallbackTexts: number; running: number }; machineTranslated: Array<{ id: string; fields: string[] }> } }>(
    await server.api(`/api/annex?year=${YEAR}&lang=fr`),
  );

test('a Dutch-only register gets its French side from suggestions the clerk checks and accepts; the French annex then has no fallback and lists the unreviewed texts', async () => {
  const before = await annex();
  expect(before.meta.counts.running).toBe(MEASURES);
  expect(before.meta.counts.fallbackTexts).toBeGreaterThanOrEqual(MEASURES);

  const { page, errors, dialogs } = await openPage(browser, `${server.url}/tab?lang=fr#/translations?missing=fr&page=0`, { locale: 'fr-BE' });
  const summary = page.locator('[data-testid="completeness-summary"]');
  await summary.waitFor();
  expect(await summary.innerText()).toBe(`${MEASURES} mesures sans texte français (sur ${MEASURES} mesures)`);
  expect(await page.locator('[data-testid="translation-usage"]').innerText()).toMatch(/^0 caractères utilisés en \d{4}-\d{2}$/);
  await page.screenshot({ path: artifactPath('translate', '1-before.png') });

  // one text first: its suggestion fills the input beside the Dutch, marked, and nothing is saved yet
  const first = page.locator('li[data-entry-id]').first();
  const firstId = (await first.getAttribute('data-entry-id'))!;
  await first.locator('[data-text-field="title"]').getByRole('button', { name: 'Proposer une traduction pour Titre en français' }).click();
  await first.locator('[data-testid="suggest-done"]').waitFor();
  const title = first.getByLabel('Titre en français', { exact: true });
  expect(await title.inputValue()).toMatch(/^\[fr\] conjointe service \d+ de het CPAS$/);
  expect(await first.locator('[data-testid="machine-note"]').innerText()).toBe('Traduction automatique, pas encore relue');
  expect((await json(await server.api(`/api/entries/${firstId}`))).title.fr).toBeUndefined();
  // the clerk corrects this one before accepting it: it is theirs, not a machine's
  await title.fill('Service commun du CPAS');

  await page.getByTestId('suggest-page').click();
  await page.locator('[data-testid="suggest-page-feedback"] [data-testid="suggest-done"]').waitFor();
  expect(await first.getByLabel('Titre en français', { exact: true }).inputValue()).toBe('Service commun du CPAS');
  expect(await first.getByLabel('Description en français', { exact: true }).inputValue()).toMatch(
    /formation de het personnel \d+, besproken in het Comité de concertation\.$/,
  );
  expect(await unlabelledControls(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('translate', '2-suggested.png') });

  // accept card after card; cards that move up from the next page get their suggestions with "suggest all"
  for (let left = MEASURES; left > 0; left--) {
    const card = page.locator('li[data-entry-id]').first();
    if (!(await card.getByLabel('Titre en français', { exact: true }).inputValue())) {
      await page.getByTestId('suggest-page').click();
      await page.locator('[data-testid="suggest-page-feedback"] [data-testid="suggest-done"]').waitFor();
    }
    await card.getByTestId('completeness-save').click();
    const expected = left - 1 === 0 ? null : `${left - 1} mesure${left - 1 > 1 ? 's' : ''} sans texte français`;
    if (expected) await page.waitForFunction((text) => document.querySelector('[data-testid="completeness-summary"]')?.textContent?.startsWith(text), expected);
    else await page.locator('.empty').waitFor();
  }
  expect(await page.locator('.empty').innerText()).toBe('Chaque mesure a aussi ses textes en français.');
  await page.screenshot({ path: artifactPath('translate', '3-done.png'), fullPage: true });
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);

  const after = await annex();
  expect(after.meta.counts.fallbackTexts).toBe(0);
  expect(after.meta.machineTranslated).toHaveLength(MEASURES);
  expect(after.meta.machineTranslated.find((m) => m.id === firstId)!.fields).toEqual(['description']);
  expect(after.meta.machineTranslated.filter((m) => m.id !== firstId).every((m) => m.fields.join() === 'title,description')).toBe(true);
  // the tab's annex screen lists them, and a person confirms one as it is
  await page.goto(`${server.url}/tab?lang=fr#/annex`);
  await page.locator('[data-testid="annex-year"]').selectOption(String(YEAR));
  const unreviewed = page.locator('[data-testid="machine-translated"]');
  await unreviewed.waitFor();
  expect(await unreviewed.locator('p').innerText()).toBe(`${MEASURES} mesures avec des textes traduits automatiquement que personne n’a encore relus\u00a0:`);
  expect(await page.locator('[data-testid="fallback-count"]').getAttribute('class')).toBeNull();
  await page.screenshot({ path: artifactPath('translate', '4-annex-unreviewed.png') });
  await unreviewed.getByTestId('confirm-translation').first().click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="machine-translated"] p')?.textContent?.startsWith(text),
    `${MEASURES - 1} mesures`,
  );
  expect((await annex()).meta.machineTranslated).toHaveLength(MEASURES - 1);
  expect(errors).toEqual([]);
  // every text went to the service once, within its limits; the month's count is shown beside the budget
  expect(fake.requests.flatMap((r) => r.texts)).toHaveLength(MEASURES * 2);
  const settings = await json(await server.api('/api/translations/settings'));
  expect(settings.charactersUsed).toBe(fake.requests.reduce((n, r) => n + r.characters, 0));
});

test('without a configured service the view shows no suggest buttons', async () => {
  const plain = await startTestServer({ demoData: false });
  try {
    await json(
      await plain.api('/api/entries', {
        method: 'POST',
        json: { domain: 'ICT', status: 'existing', kind: 'synergy', form: 'shared_service', title: { nl: 'Alleen Nederlands' } },
      }),
    );
    const { page } = await openPage(browser, `${plain.url}/tab?lang=fr#/translations?missing=fr&page=0`, { locale: 'fr-BE' });
    await page.locator('li[data-entry-id]').first().waitFor();
    expect(await page.getByTestId('suggest-page').count()).toBe(0);
    expect(await page.getByTestId('suggest-one').count()).toBe(0);
    expect(await page.locator('[data-testid="translation-usage"]').count()).toBe(0);
  } finally {
    await plain.stop();
  }
});

test('the secretary edits the glossary and sets a monthly budget; the next suggestion uses the glossary and the budget shows beside the count', async () => {
  const entry = await json<{ id: string }>(
    await server.api('/api/entries', {
      method: 'POST',
      json: { domain: 'ICT', status: 'existing', kind: 'synergy', form: 'shared_service', title: { nl: 'Onthaal van het Sociaal Huis' } },
    }),
  );
  const { page, errors } = await openPage(browser, `${server.url}/tab?lang=fr#/translations?missing=fr&page=0`, { locale: 'fr-BE' });
  const panel = page.getByTestId('translation-settings');
  await panel.locator('summary').click();
  const glossary = panel.getByLabel('Glossaire de l’administration');
  expect(await glossary.inputValue()).toContain('OCMW = CPAS\nOverlegcomité = Comité de concertation');
  await glossary.fill('OCMW = CPAS\nSociaal Huis\nOnthaal = Accueil');
  await panel.getByTestId('glossary-save').click();
  expect(await panel.getByRole('alert').innerText()).toBe('La ligne 2 n’est pas une paire «\u00a0néerlandais = français\u00a0».');
  await glossary.fill('OCMW = CPAS\nSociaal Huis = Maison sociale\nOnthaal = Accueil');
  await panel.getByLabel('Budget mensuel (caractères)').fill('500000');
  await panel.getByTestId('glossary-save').click();
  await panel.getByTestId('glossary-saved').waitFor();
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  expect(await page.getByTestId('translation-usage').innerText()).toMatch(/ caractères utilisés sur 500\u202f000 en \d{4}-\d{2}$/);
  const card = page.locator(`li[data-entry-id="${entry.id}"]`);
  await card.getByRole('button', { name: 'Proposer une traduction pour Titre en français' }).click();
  await card.locator('[data-testid="suggest-done"]').waitFor();
  expect(await card.getByLabel('Titre en français', { exact: true }).inputValue()).toBe('[fr] Accueil de het Maison sociale');
  await page.screenshot({ path: artifactPath('translate', '5-glossary.png') });
  expect(errors).toEqual([]);
});

test('a text the clerk marks confidential is never sent: its suggest button is disabled and "suggest all" leaves it empty', async () => {
  const entry = await json<{ id: string }>(
    await server.api('/api/entries', {
      method: 'POST',
      json: {
        domain: 'HR',
        status: 'existing',
        kind: 'synergy',
        form: 'shared_service',
        title: { nl: 'Gedeelde vertrouwenspersoon' },
        description: { nl: 'Naam van de klager: Jan Peeters' },
      },
    }),
  );
  const { page, errors } = await openPage(browser, `${server.url}/tab?lang=fr#/translations?missing=fr&page=0`, { locale: 'fr-BE' });
  const card = page.locator(`li[data-entry-id="${entry.id}"]`);
  const description = card.locator('[data-text-field="description"]');
  await description.getByLabel('Confidentiel\u00a0: jamais envoyé pour traduction').check();
  await page.waitForFunction(
    (id) =>
      fetch(`/api/entries/${id}`)
        .then((r) => r.json())
        .then((e: { confidentialTexts?: string[] }) => e.confidentialTexts?.includes('description')),
    entry.id,
  );
  await description.locator('[data-testid="suggest-one"][disabled]').waitFor();
  await page.getByTestId('suggest-page').click();
  await page.locator('[data-testid="suggest-page-feedback"] [data-testid="suggest-done"]').waitFor();
  expect(await page.locator('[data-testid="suggest-page-feedback"]').innerText()).toContain('1 texte(s) confidentiel(s) non envoyé(s).');
  expect(await card.getByLabel('Titre en français', { exact: true }).inputValue()).toBe('[fr] Gedeelde vertrouwenspersoon');
  expect(await card.getByLabel('Description en français', { exact: true }).inputValue()).toBe('');
  expect(JSON.stringify(fake.requests)).not.toContain('Jan Peeters');
  // saving the title keeps the description confidential (the card saves with the version the switch left)
  await card.getByTestId('completeness-save').click();
  await page.locator('[data-testid="completeness-saved"]').waitFor();
  const stored = await json<{ confidentialTexts: string[]; title: { fr: string }; machineTranslated: unknown }>(await server.api(`/api/entries/${entry.id}`));
  expect(stored).toMatchObject({
    confidentialTexts: ['description'],
    title: { fr: '[fr] Gedeelde vertrouwenspersoon' },
    machineTranslated: [{ field: 'title', language: 'fr' }],
  });
  expect(errors).toEqual([]);
});
