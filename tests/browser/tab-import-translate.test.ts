import { axeCheck } from '../support/axe';
import { artifactPath } from '../support/browser';
import { translatorBrowserSuite } from '../support/browser-suite';
import { startTestServer } from '../support/server';
import { handTypedReportFr, narrativeReportFr } from '../support/word-documents';
import { json, openPage, unlabelledControls } from './tab-helpers';

/**
 * Translation suggestions on the import review, in Chromium, against the real server and the local fake of Azure AI
 * Translator: a French-only report gets its Dutch side from suggestions the clerk checks, edits or discards, and the
 * confirmation writes exactly what was shown, marked unreviewed where nobody edited it.
 */

jest.setTimeout(120000);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const suite = translatorBrowserSuite();

const budget = async (monthlyCharacterBudget: number | null) => {
  const current = await json(await suite.server.api('/api/translations/settings'));
  const put = await suite.server.api('/api/translations/settings', {
    method: 'PUT',
    headers: { 'if-match': current.etag ?? '' },
    json: { glossary: current.glossary, monthlyCharacterBudget: monthlyCharacterBudget === null ? null : current.charactersUsed + monthlyCharacterBudget },
  });
  expect(put.status).toBe(200);
};

test('a French report gets Dutch suggestions for its measures; the clerk edits one and discards one; the confirmed entries are bilingual, marked where unedited', async () => {
  const { page, context, errors, dialogs } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/import`, { locale: 'fr-BE' });
  await page.setInputFiles('[data-testid="import-file"]', { name: 'rapport-2026.docx', mimeType: DOCX, buffer: await narrativeReportFr({ table: false }) });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('.import-measure');
  expect(await page.locator('.import-measure').count()).toBe(4);
  const card = (key: string) => page.locator(`li[data-key="${key}"]`);
  const skippedTitle = await card('m4').locator('input.import-title').inputValue();

  // the last measure is skipped: it is never sent
  await page.selectOption('[data-testid="decision-m4"]', 'skip');
  const bar = page.getByTestId('import-suggest-bar');
  expect(await bar.locator('[data-testid="translation-usage"]').innerText()).toMatch(/^0 caractères utilisés en \d{4}-\d{2}$/);
  await bar.getByRole('button', { name: 'Proposer le néerlandais pour toutes les mesures qui n’en ont pas' }).click();
  const feedback = page.getByTestId('suggest-all-feedback');
  await feedback.getByText(/^3 mesures ont reçu une suggestion\u00a0: vérifiez-les\u00a0;/).waitFor();
  expect(await feedback.innerText()).toMatch(/\d+ caractères envoyés en 1 requête\(s\) au service de traduction\.$/);
  expect(suite.fake.requests).toHaveLength(1);
  expect(JSON.stringify(suite.fake.requests)).not.toContain(skippedTitle);
  expect(await bar.locator('[data-testid="translation-usage"]').innerText()).toBe(
    `${suite.fake.requests[0]!.characters} caractères utilisés en ${await monthNow()}`,
  );
  expect(await card('m4').getByTestId('suggestion-m4').count()).toBe(0);
  // asked on its own card, a skipped measure is still not sent
  await card('m4').getByRole('button', { name: 'Proposer une traduction pour la mesure m4' }).click();
  await card('m4')
    .getByText(/^Seule une mesure créée comme nouvelle mesure reçoit une suggestion/)
    .waitFor();
  expect(suite.fake.requests).toHaveLength(1);

  // each suggestion beside its source, editable, marked as a machine's
  const title = (key: string) => card(key).getByLabel('Titre en néerlandais', { exact: true });
  const description = (key: string) => card(key).getByLabel('Description en néerlandais', { exact: true });
  // the administration's glossary applies: the French report's CPAS is the Dutch OCMW
  expect(await title('m1').inputValue()).toMatch(/^\[nl\] Le receveur communal .* OCMW /);
  expect(await description('m1').inputValue()).toMatch(/^\[nl\] /);
  expect(await card('m1').getByTestId('machine-note').allInnerTexts()).toEqual([
    'Traduction automatique, pas encore relue',
    'Traduction automatique, pas encore relue',
  ]);
  // the clerk corrects the second one's title: that text is theirs
  await title('m2').fill('Gezamenlijke overheidsopdracht voor bankdiensten');
  expect(await card('m2').locator('[data-testid="machine-note"]:visible').count()).toBe(1);
  // and discards the third
  await card('m3').getByRole('button', { name: 'Écarter la suggestion pour la mesure m3' }).click();
  expect(await card('m3').getByTestId('suggestion-m3').count()).toBe(0);

  // over the month's budget, the card says so and nothing is filled
  await budget(1);
  await card('m3').getByRole('button', { name: 'Proposer une traduction pour la mesure m3' }).click();
  await card('m3')
    .getByRole('alert')
    .getByText(/^Le budget mensuel de traduction est atteint\u00a0:/)
    .waitFor();
  expect(await card('m3').getByTestId('suggestion-m3').count()).toBe(0);
  await budget(null);
  // asked again on its own card, it comes back; then discarded for good
  await card('m3').getByRole('button', { name: 'Proposer une traduction pour la mesure m3' }).click();
  await card('m3').getByTestId('suggestion-m3').waitFor();
  await card('m3').getByRole('button', { name: 'Écarter la suggestion pour la mesure m3' }).click();

  expect(await unlabelledControls(page)).toEqual([]);
  expect(await axeCheck(page, 'tab-import-suggestions-fr')).toEqual([]);
  await card('m1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('translate', 'import-suggest-fr.png'), fullPage: true });
  // at 400 px (a Teams side panel) a suggestion reads without scrolling sideways
  await page.setViewportSize({ width: 400, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await card('m2').screenshot({ path: artifactPath('translate', 'import-suggest-narrow-fr.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.click('[data-testid="import-confirm"]');
  await page
    .locator('[data-testid="import-status"]')
    .getByText(/Importé/)
    .waitFor();
  const entries = await json<{
    items: Array<{ id: string; title: Record<string, string>; description: Record<string, string>; machineTranslated?: unknown[] }>;
  }>(await suite.server.api('/api/entries'));
  expect(entries.items).toHaveLength(3);
  const byFrench = (start: string) => entries.items.find((e) => e.title.fr.startsWith(start))!;
  const first = byFrench('Le receveur communal');
  expect(first.title.nl).toMatch(/^\[nl\] Le receveur communal/);
  expect(first.description.nl).toMatch(/^\[nl\] /);
  expect(first.machineTranslated).toEqual([
    { field: 'title', language: 'nl' },
    { field: 'description', language: 'nl' },
  ]);
  const second = byFrench('Un marché conjoint');
  expect(second.title.nl).toBe('Gezamenlijke overheidsopdracht voor bankdiensten');
  expect(second.machineTranslated).toEqual([{ field: 'description', language: 'nl' }]);
  const third = byFrench('Le CPAS mène');
  expect(third.title.nl).toBeUndefined();
  expect(third.machineTranslated).toBeUndefined();
  // the Dutch annex lists the unreviewed texts
  const annex = await json<{ meta: { machineTranslated: Array<{ id: string; fields: string[] }> } }>(await suite.server.api('/api/annex?year=2026&lang=nl'));
  expect(annex.meta.machineTranslated.map((m) => [m.id, m.fields])).toEqual(
    expect.arrayContaining([
      [first.id, ['title', 'description']],
      [second.id, ['description']],
    ]),
  );
  expect(annex.meta.machineTranslated).toHaveLength(2);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

async function monthNow(): Promise<string> {
  return (await json<{ month: string }>(await suite.server.api('/api/translations/settings'))).month;
}

test('a server whose translation service stops answering (503 not configured) says so on the review and fills nothing', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/import`, { locale: 'nl-BE' });
  // the service was switched off after the page asked whether it is offered: the server answers 503 translation_unavailable
  await page.route('**/api/translations/suggest', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'translation_unavailable', message: 'Vertaalsuggesties zijn op deze server niet ingesteld' } }),
    }),
  );
  // a report not imported yet: the first test's measures are now the register's (mentions, which take no translation)
  await page.setInputFiles('[data-testid="import-file"]', { name: 'rapport.docx', mimeType: DOCX, buffer: await handTypedReportFr() });
  await page.click('[data-testid="import-read"]');
  await page.getByTestId('suggest-all').click();
  await page.getByTestId('suggest-all-feedback').getByRole('alert').getByText('Vertaalsuggesties zijn op deze server niet ingesteld').waitFor();
  expect(await page.locator('.import-suggestion').count()).toBe(0);
  expect(await page.getByTestId('suggest-all').innerText()).toBe('Nederlands voorstellen voor alle maatregelen zonder Nederlandse tekst');
  expect(errors).toEqual([]);
  await context.close();
});

test('without a configured translation service the review offers no suggestions', async () => {
  const plain = await startTestServer({ demoData: false });
  try {
    const { page, context, errors } = await openPage(suite.browser, `${plain.url}/tab?lang=fr#/import`, { locale: 'fr-BE' });
    await page.setInputFiles('[data-testid="import-file"]', { name: 'rapport-2026.docx', mimeType: DOCX, buffer: await narrativeReportFr({ table: false }) });
    await page.click('[data-testid="import-read"]');
    await page.waitForSelector('.import-measure');
    expect(await page.locator('[data-testid="import-suggest-bar"], .import-suggest-part').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await plain.stop();
  }
});
