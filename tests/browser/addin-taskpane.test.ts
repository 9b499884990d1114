import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { describeNeeding } from '../support/tools';

/** The task pane page opened in a plain browser (no Office): it says to open it in Word and offers the .docx. */

const maybe = describeNeeding('chromium');

maybe('Word add-in task pane in a plain browser', () => {
  const suite = browserSuite();

  test.each([
    ['fr-BE', /Ouvrez cette page dans Word/, 'Insérer'],
    ['nl-BE', /Open deze pagina in Word/, 'Invoegen'],
  ])('%s: says "open this in Word", fills the options, links the .docx', async (locale, message, insertLabel) => {
    const context = await suite.browser.newContext({ locale });
    const page = await context.newPage();
    // offline machine: the Office CDN is unreachable; fail it at once as a browser without Office would
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${suite.server.url}/addin/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.office === 'absent', undefined, { timeout: 15000 });
    await expect(page.textContent('#status')).resolves.toMatch(message);
    await expect(page.textContent('#insert')).resolves.toBe(insertLabel);
    expect(await page.isDisabled('#insert')).toBe(true);
    const years = await page.$$eval('#year option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(years).toEqual(expect.arrayContaining(['2023', '2026']));
    await page.selectOption('#year', '2023');
    await page.check('#table');
    const href = await page.getAttribute('#download', 'href');
    expect(href).toContain('/api/annex.docx?year=2023');
    expect(href).toContain('table=true');
    const response = await page.request.get(`${suite.server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/attachment; filename="(synergieverslag|rapport-synergies)-2023-/);
    await page.screenshot({ path: artifactPath('addin', `taskpane-${locale}.png`), fullPage: true });
    await context.close();
  });
});
