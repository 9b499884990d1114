import type { AnnualReport } from '../../src/domain/model';
import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { describeNeeding } from '../support/tools';
import { closeSuite } from '../support/browser-suite';

/**
 * Before inserting, the pane says what the annex of the chosen year holds: how many
 * texts fall back to the other language, and the measures no section takes or that stopped without a year, each
 * with a link to fix it in the tab. Never a silent drop.
 */

const maybe = describeNeeding('chromium');

maybe('Word add-in task pane: the preview before inserting', () => {
  let server: TestServer;
  let browser: Browser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const create = async (key: string, body: object) => {
      const res = await server.api('/api/entries', { method: 'POST', json: body });
      expect(res.status).toBe(201);
      ids[key] = ((await res.json()) as { id: string }).id;
    };
    // the demo's 2027 template with no section for legal matters (a template may leave a domain out, with a warning)
    const reports = ((await (await server.api('/api/reports')).json()) as { items: Array<AnnualReport & { id: string; etag: string }> }).items;
    const { id, etag, ...coming } = reports.find((r) => r.budgetYear === 2027)!;
    const blocks = coming.blocks.map((b) => ({
      ...b,
      sections: b.sections.map((s) =>
        s.gather.by === 'domain' ? { ...s, gather: { ...s.gather, domains: s.gather.domains.filter((d) => d !== 'LEGAL') } } : s,
      ),
    }));
    expect((await server.api(`/api/reports/${id}`, { method: 'PATCH', json: { blocks }, headers: { 'if-match': etag } })).status).toBe(200);
    const base = { status: 'existing', kind: 'synergy', form: 'shared_service', startYear: 2026 };
    // Dutch only, in the domain that template has no section for
    await create('legal', { ...base, title: { nl: 'Gedeelde juridische dienst <b>&</b>' }, domain: 'LEGAL' });
    // Dutch only, placed: the French annex shows it in Dutch, tagged "(NL)"
    await create('dutch', { ...base, title: { nl: 'Gezamenlijke kasplanning' }, domain: 'FIN' });
    // stopped, but nobody said in which year
    await create('stopped', { ...base, title: { nl: 'Gedeelde drukkerij', fr: 'Imprimerie partagée' }, domain: 'FIN', status: 'stopped' });
  });
  afterAll(() => closeSuite({ browser, server }));

  test('fr-BE, 2027: the fallback count and the unplaced measures with a link to the tab', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.office === 'absent', undefined, { timeout: 15000 });
    await page.selectOption('#lang', 'fr');
    await page.selectOption('#year', '2027');
    await page.waitForFunction(() => {
      const listed = document.querySelector('[data-testid="unplaced"]')?.textContent ?? '';
      return listed.includes('Imprimerie partagée') && listed.includes('Gedeelde juridische dienst');
    });
    const model = (await (await server.api('/api/annex?year=2027&lang=fr')).json()) as { meta: { counts: { fallbackTexts: number } } };
    expect(model.meta.counts.fallbackTexts).toBe(1);
    await expect(page.textContent('[data-testid="fallback-count"]')).resolves.toBe(
      '1 texte n’existe pas dans cette langue et figure dans l’autre langue, marqué (NL) ou (FR).',
    );
    const items = await page.$$eval('[data-testid="unplaced"] li', (lis) =>
      lis.map((li) => ({ text: li.textContent, href: li.querySelector('a')?.getAttribute('href') })),
    );
    expect(items).toEqual(
      expect.arrayContaining([
        { text: 'Gedeelde juridische dienst <b>&</b> (aucune section ne la reprend) Corriger dans le registre', href: `/tab#/entry/${ids.legal}/edit` },
        { text: 'Imprimerie partagée (arrêtée sans année) Corriger dans le registre', href: `/tab#/entry/${ids.stopped}/edit` },
      ]),
    );
    // the title is text, never markup
    expect(await page.$$eval('#preview b', (b) => b.length)).toBe(0);
    await page.screenshot({ path: artifactPath('addin', 'taskpane-preview-fr-BE.png'), fullPage: true });
    await context.close();
  });
});
