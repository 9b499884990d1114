import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { openPage } from './tab-helpers';

/** The first-run screen: a new register opens on it, the commune is set up once, the tab then names it. */

jest.setTimeout(90000);

const suite = browserSuite({ demoData: false, env: { MUNICIPALITY_NL: 'Demostad', MUNICIPALITY_FR: 'Ville démo' } });

test.each([
  [1280, 900],
  [400, 860],
] as const)('at %d px: a new register opens on the first-run screen; the commune saved there names the tab and the annex', async (width, height) => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr`);
  await page.setViewportSize({ width, height });
  if (width === 1280) {
    // the first visit of a register without settings: the first-run screen, with the server's proposal
    await page.waitForSelector('[data-testid="settings-proposed"]');
    expect(page.url()).toMatch(/#\/settings$/);
    expect(await page.locator('h2#view-title').innerText()).toBe('Configurer votre commune');
    expect(await page.inputValue('[data-testid="settings-municipality-nl"]')).toBe('Demostad');
    await page.screenshot({ path: artifactPath('import', `settings-first-run-${width}.png`), fullPage: true });
    await page.fill('[data-testid="settings-municipality-nl"]', 'Hoogdonk');
    await page.fill('[data-testid="settings-municipality-fr"]', 'Hautdonc');
    await page.check('[data-testid="bodyKind-city"]');
    await page.fill('[data-testid="settings-ocmw-fr"]', 'CPAS de la Ville de Hautdonc');
    await page.check('[data-testid="region-brussels"]');
    await page.click('[data-testid="settings-save"]');
    await page.waitForURL(/#\/register$/);
    expect(await page.locator('.brand .muted').innerText()).toBe('Hautdonc');
  } else {
    // once set up, the tab opens on the register and names the commune; the settings stay one click away
    await page.waitForSelector('.brand .muted');
    expect(await page.locator('.brand .muted').innerText()).toBe('Hautdonc');
    await page.goto(`${suite.server.url}/tab?lang=fr#/settings`);
    await page.waitForSelector('[data-testid="settings-save"]');
    expect(await page.locator('[data-testid="settings-proposed"]').count()).toBe(0);
    expect(await page.isChecked('[data-testid="bodyKind-city"]')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: artifactPath('import', `settings-${width}.png`), fullPage: true });
  }
  const settings = (await (await suite.server.api('/api/settings')).json()) as Record<string, unknown>;
  expect(settings).toMatchObject({
    configured: true,
    municipality: { nl: 'Hoogdonk', fr: 'Hautdonc' },
    bodyKind: 'city',
    ocmwName: { fr: 'CPAS de la Ville de Hautdonc' },
  });
  const annex = (await (await suite.server.api('/api/annex?year=2031&lang=fr')).json()) as { meta: { municipality: string } };
  expect(annex.meta.municipality).toBe('Hautdonc');
  expect(errors).toEqual([]);
  await context.close();
});
