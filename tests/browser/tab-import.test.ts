import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { buildReport, NL_NARRATIVE_CITY } from '../fixtures/import-corpus';
import { longReport } from '../fixtures/import-corpus/long-report';
import { handTypedReportNl, hostileReport, letter, reportWithMeetingsFr } from '../support/word-documents';
import { openPage } from './tab-helpers';

/** The import review screen and the "what changed" view, in Chromium, as a clerk uses them. */

jest.setTimeout(90000);

const suite = browserSuite({ demoData: false });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a clerk uploads a Word report, reviews it (domain, skip), confirms twice, and the register holds each measure once', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/import`);
  await page.waitForSelector('[data-testid="import-file"]');
  expect(await page.locator('h2#view-title').innerText()).toBe('Een verslag importeren (.docx)');

  // a letter is refused in Dutch, saying what was expected
  await page.setInputFiles('[data-testid="import-file"]', { name: 'brief.docx', mimeType: DOCX, buffer: await letter() });
  await page.click('[data-testid="import-read"]');
  await page.getByText(/Dit document lijkt geen synergieverslag.*Verwacht: genummerde sectietitels/).waitFor();

  await page.setInputFiles('[data-testid="import-file"]', { name: 'verslag-2025.docx', mimeType: DOCX, buffer: await handTypedReportNl() });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('.import-measure');
  expect(await page.locator('.import-measure').count()).toBe(6);
  expect(await page.inputValue('[data-testid="import-year"]')).toBe('2025');
  expect(await page.locator('.import-sections li').allInnerTexts()).toEqual(['2.1 Personeel', '2.2 Informatica', '2.3 Overheidsopdrachten', '3.1 Huisvesting']);
  // the reason for each suggestion is shown
  await page.getByText('uit de overzichtstabel: “Informatica”').first().waitFor();
  await page
    .locator('[data-testid="import-plan"]')
    .getByText(/maakt 6 maatregelen aan/)
    .waitFor();

  // review: the last measure is skipped, the first gets another domain
  await page.selectOption('[data-testid="decision-m6"]', 'skip');
  await page.selectOption('li[data-key="m1"] select[aria-label^="Domein"]', 'SOC.EMPL');
  await page.click('[data-testid="import-check"]');
  await page
    .locator('[data-testid="import-plan"]')
    .getByText(/maakt 5 maatregelen aan.*slaat er 1 over/)
    .waitFor();
  await page.screenshot({ path: artifactPath('tab', 'import-review-nl.png'), fullPage: true });

  expect((await (await suite.server.api('/api/entries')).json()).total).toBe(0);
  // a double click confirms twice: the register still gets each measure once
  await page.locator('[data-testid="import-confirm"]').dblclick();
  await page
    .locator('[data-testid="import-status"]')
    .getByText(/Geïmporteerd/)
    .waitFor();
  await page.click('[data-testid="import-confirm"]');
  await page
    .locator('[data-testid="import-status"]')
    .getByText(/Geïmporteerd: 0 maatregelen aangemaakt/)
    .waitFor();
  const entries = (await (await suite.server.api('/api/entries')).json()) as { total: number; items: Array<{ domain: string; title: { nl: string } }> };
  expect(entries.total).toBe(5);
  expect(entries.items.find((e) => e.title.nl === 'Gemeenschappelijke opleidingen voor onthaalpersoneel')?.domain).toBe('SOC.EMPL');
  await page.screenshot({ path: artifactPath('tab', 'import-done-nl.png') });
  expect(errors).toEqual([]);
  await context.close();
});

test('a French report: the measures told only in its meeting accounts are proposed with their meeting, and stay out of the lists', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/import`);
  await page.setInputFiles('[data-testid="import-file"]', { name: 'rapport-2025.docx', mimeType: DOCX, buffer: await reportWithMeetingsFr() });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('.import-measure');
  expect(await page.locator('.import-measure').count()).toBe(5);
  await page.getByText('d’après le compte rendu «\u00a0Comité de pilotage du 12/03/2024\u00a0»').first().waitFor();
  await page.getByText('Évoquée uniquement lors de la réunion\u00a0: Comité de pilotage du 12/03/2024').first().waitFor();
  expect(await page.inputValue('li[data-key="m4"] input.import-title')).toBe(
    'Le CPAS propose de partager le délégué à la protection des données avec la commune',
  );
  await page
    .locator('[data-testid="import-plan"]')
    .getByText(/créera 5 mesures/)
    .waitFor();
  // the meeting accounts are listed with their date and body: they become meetings
  expect((await page.locator('[data-testid="import-meetings"] li').allInnerTexts()).map((t) => t.trim())).toEqual([
    'Comité de pilotage du 12/03/2024 — 12/03/2024 · Comité de pilotage',
    'Réunion informatique du 20/05/2024 — 20/05/2024 · Réunion informatique',
  ]);
  await page.screenshot({ path: artifactPath('tab', 'import-review-fr.png'), fullPage: true });
  await page.click('[data-testid="import-confirm"]');
  await page
    .locator('[data-testid="import-status"]')
    .getByText(/Importé/)
    .waitFor();
  const entries = (await (await suite.server.api('/api/entries?q=CPAS%20propose')).json()) as {
    items: Array<{ mentions: Array<{ reportYear: number; listed: boolean }> }>;
  };
  expect(entries.items.map((e) => e.mentions)).toEqual([[expect.objectContaining({ reportYear: 2025, listed: false })]]);
  expect(errors).toEqual([]);
  await context.close();
});

test('hostile content in a report is shown as text: no script runs, no link is followed', async () => {
  const { page, context, dialogs, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/import`);
  // a French screen: the refusal of a letter is French, whatever language the browser asks the server for
  await page.setInputFiles('[data-testid="import-file"]', { name: 'lettre.docx', mimeType: DOCX, buffer: await letter() });
  await page.click('[data-testid="import-read"]');
  await page.getByText(/Ce document ne ressemble pas à un rapport sur les synergies/).waitFor();
  await page.setInputFiles('[data-testid="import-file"]', { name: 'piège.docx', mimeType: DOCX, buffer: await hostileReport(5) });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('.import-measure');
  expect(await page.inputValue('li[data-key="m1"] input.import-title')).toBe('<script>alert("xss")</script> Gedeelde server');
  expect(await page.locator('.import-measures script, .import-measures a[href*="evil"]').count()).toBe(0);
  expect(await page.inputValue('[data-testid="import-title"]')).toBe('Verslag synergieën <b>vet</b>');
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('"what changed" shows the measures added to the open year, in French', async () => {
  await suite.server.api('/api/entries', {
    method: 'POST',
    json: {
      title: { fr: 'Centrale d’achat commune pour l’énergie' },
      domain: 'PROC',
      status: 'proposed',
      kind: 'economy_of_scale',
      formalisation: 'joint_procurement',
    },
  });
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/changes?from=2025&to=2026`);
  await page.locator('[data-kind="added"]').waitFor();
  expect(await page.locator('h2#view-title').innerText()).toBe('Ce qui a changé depuis l’an dernier');
  expect(await page.locator('[data-kind="added"] li').allInnerTexts()).toContain('Centrale d’achat commune pour l’énergie — Proposé');
  await page.screenshot({ path: artifactPath('tab', 'changes-fr.png'), fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('a long report shows it is being read and can be stopped; the next file is read at once', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/import`);
  await page.setInputFiles('[data-testid="import-file"]', { name: 'lang.docx', mimeType: DOCX, buffer: await longReport() });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('[data-testid="import-reading"]');
  await page.click('[data-testid="import-cancel"]');
  await page.locator('[data-testid="import-status"]').getByText('Het lezen werd gestopt; er werd niets geschreven.').waitFor();
  // the server stopped reading it too: this person may read another file right away (no "busy")
  await page.setInputFiles('[data-testid="import-file"]', { name: 'verslag-2025.docx', mimeType: DOCX, buffer: await handTypedReportNl() });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('.import-measure');
  expect(errors).toEqual([]);
  await context.close();
});

// runs last: the report it imports fills the years the tests above look at
describe.each([
  [1280, 900],
  [400, 860],
] as const)('a clerk-typed report reviewed at %d px', (width, height) => {
  test('full text, source and reasons shown; merge, split and move; the template fields edited; confirmed into the register', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/import`);
    await page.setViewportSize({ width, height });
    await page.setInputFiles('[data-testid="import-file"]', { name: 'verslag-hoogdonk.docx', mimeType: DOCX, buffer: await buildReport(NL_NARRATIVE_CITY) });
    await page.click('[data-testid="import-read"]');
    await page.waitForSelector('.import-measure');
    const keys = async () => page.locator('.import-measure').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    const before = await keys();
    // what was read: the commune and its kind, the full text with its second paragraph, the section, the reasons
    expect(await page.inputValue('[data-testid="import-municipality"]')).toBe('Hoogdonk');
    expect(await page.inputValue('[data-testid="import-body-kind"]')).toBe('city');
    const first = page.locator('li[data-key="m1"]');
    expect(await first.locator('[data-testid="text-m1"] .prewrap').innerText()).toMatch(/liquiditeiten[\s\S]*Daarnaast stemmen zij/);
    expect(await first.locator('[data-testid="source-m1"]').innerText()).toBe('Sectie: Financiën');
    // the section, or on a second import the register's own template, gave the domain
    expect(await first.locator('.import-reason').first().innerText()).toMatch(/^uit (de sectie|het sjabloon van het register).*Financiën/);
    await page.screenshot({ path: artifactPath('import', `review-${width}.png`), fullPage: true });
    await page.locator('.import-template').screenshot({ path: artifactPath('import', `template-${width}.png`) });
    await first.screenshot({ path: artifactPath('import', `measure-${width}.png`) });

    // split the first measure in two (its two paragraphs), then merge them back
    await page.click('[data-testid="split-m1"]');
    expect(await keys()).toHaveLength(before.length + 1);
    const added = (await keys())[1]!;
    expect(await page.inputValue(`li[data-key="${added}"] input.import-title`)).toMatch(/^Daarnaast stemmen zij/);
    await page.click('[data-testid="merge-m1"]');
    expect(await keys()).toEqual(before);
    // move the second measure to "Overheidsopdrachten"
    await page.selectOption('[data-testid="move-m2"]', { label: '2 Overheidsopdrachten' });
    expect(await page.locator('[data-testid="source-m2"]').innerText()).toBe('Sectie: Overheidsopdrachten');
    // the template fields: the OCMW's name and the municipality in French
    await page.fill('[data-testid="import-ocmw-name"]', 'OCMW van de Stad Hoogdonk');
    await page.fill('[data-testid="import-municipality-other"]', 'Hautdonc');
    await page.locator('[data-testid="import-municipality-other"]').dispatchEvent('change');
    await page.locator('[data-testid="import-ocmw-name"]').dispatchEvent('change');
    // nothing scrolls sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: artifactPath('import', `review-edited-${width}.png`), fullPage: true });

    await page.click('[data-testid="import-confirm"]');
    await page
      .locator('[data-testid="import-status"]')
      .getByText(/Geïmporteerd/)
      .waitFor();
    const reports = (await (await suite.server.api('/api/reports')).json()) as {
      items: Array<{ budgetYear: number; municipality: Record<string, string>; bodyKind: string; ocmwName: Record<string, string> }>;
    };
    expect(reports.items.find((r) => r.budgetYear === 2026)).toMatchObject({
      municipality: { nl: 'Hoogdonk', fr: 'Hautdonc' },
      bodyKind: 'city',
      ocmwName: { nl: 'OCMW van de Stad Hoogdonk' },
    });
    const moved = (await (await suite.server.api('/api/entries?q=leenbeleid')).json()) as { items: Array<{ mentions: Array<{ section?: string }> }> };
    expect(moved.items[0].mentions[0].section).toBe('Overheidsopdrachten');
    expect(errors).toEqual([]);
    await context.close();
  });
});
