import type { Page } from 'playwright-core';
import { presetTemplate } from '../../src/domain/template-presets';
import { axeCheck } from '../support/axe';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { type Fixture, json, seed } from './tab-helpers';

/**
 * WCAG 2.1 AA (EN 301 549) with axe-core on every view of the tab, the Word pane and the legal pages, in the
 * light, dark and high-contrast themes, 1280 and 400 px wide: no serious or critical violation. The full results
 * are in test-artifacts/a11y/.
 */

jest.setTimeout(600_000);

const suite = browserSuite({ demoData: false });
let fx: Fixture;
let pollId: string;

beforeAll(async () => {
  fx = await seed(suite.server);
  const poll = await suite.server.register.store.polls.list();
  pollId = poll[0].id;
  // a template, so that the template editor is checked too
  await json(
    await suite.server.api('/api/reports', {
      method: 'POST',
      json: presetTemplate('molenbeek-list', { budgetYear: 2027, municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' } }),
    }),
  );
});

const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDTHS = [1280, 400] as const;

function tabViews(): Array<[string, string]> {
  return [
    ['register', '#/register'],
    ['entry', `#/entry/${fx.laptops.id}`],
    ['entry-edit', `#/entry/${fx.laptops.id}/edit`],
    ['entry-new', '#/new'],
    ['versions', `#/entry/${fx.laptops.id}/versions`],
    ['actions', '#/actions?open=0'],
    ['action-new', `#/actions/new?entry=${fx.laptops.id}`],
    ['action-edit', `#/action/${fx.overdueAction.id}/edit`],
    ['meetings', '#/meetings'],
    ['meeting-new', '#/meetings/new'],
    ['meeting-edit', `#/meeting/${fx.meetingId}/edit`],
    ['focus-groups', '#/focus-groups'],
    ['poll', `#/poll/${pollId}`],
    ['poll-new', `#/entry/${fx.laptops.id}/poll/new`],
    ['changes', '#/changes'],
    ['annex', '#/annex'],
    ['import', '#/import'],
    ['deleted', '#/deleted'],
    ['translations', '#/translations'],
    ['templates', '#/templates'],
  ];
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.querySelector('#view-title') !== null && !document.querySelector('main .loading'),
    undefined,
    { timeout: 15_000 },
  );
}

test.each(THEMES.flatMap((theme) => WIDTHS.map((width) => [theme, width] as const)))(
  'the tab, theme %s, %i px: no serious or critical violation on any view',
  async (theme, width) => {
    const context = await suite.browser.newContext({ locale: 'nl-BE', viewport: { width, height: 900 }, colorScheme: theme === 'dark' ? 'dark' : 'light' });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const [lang, first] of [
      ['nl', true],
      ['fr', false],
    ] as const) {
      if (!first && width !== 1280) continue;
      await page.goto(`${suite.server.url}/tab?lang=${lang}&theme=${theme}#/register`);
      for (const [name, hash] of tabViews()) {
        await page.evaluate((h) => {
          location.hash = h;
        }, hash);
        await settled(page);
        problems.push(...(await axeCheck(page, `tab-${name}-${lang}-${theme}-${width}`)));
      }
    }
    // the template editor: the first template's screen
    await page.evaluate(() => {
      location.hash = '#/templates';
    });
    await settled(page);
    const editor = page.locator('a[href^="#/templates/"]').first();
    await editor.click();
    await settled(page);
    problems.push(...(await axeCheck(page, `tab-template-editor-${theme}-${width}`)));
    await page.screenshot({ path: artifactPath('a11y', `tab-${theme}-${width}.png`), fullPage: false });
    await context.close();
    expect(problems).toEqual([]);
  },
);

test.each(THEMES.flatMap((theme) => WIDTHS.map((width) => [theme, width] as const)))(
  'the Word pane and the legal pages, theme %s, %i px: no serious or critical violation',
  async (theme, width) => {
    // Word and a browser show high contrast as the system's forced colours (the tab gets Teams' own contrast theme)
    const context = await suite.browser.newContext({
      locale: 'fr-BE',
      viewport: { width, height: 900 },
      forcedColors: theme === 'contrast' ? 'active' : 'none',
      colorScheme: theme === 'dark' ? 'dark' : 'light',
    });
    const page = await context.newPage();
    // office.js as outside Office (the pane then runs as a plain page): no request leaves the machine
    await page.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: 'window.Office={HostType:{Word:"Word"},onReady:function(c){var i={host:null,platform:null};if(c)c(i);return Promise.resolve(i);}};',
      }),
    );
    const problems: string[] = [];
    await page.goto(`${suite.server.url}/addin/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.office !== undefined, undefined, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    problems.push(...(await axeCheck(page, `pane-${theme}-${width}`)));
    for (const legal of ['privacy', 'terms', 'accessibility']) {
      await page.goto(`${suite.server.url}/legal/${legal}?lang=fr`);
      problems.push(...(await axeCheck(page, `legal-${legal}-${theme}-${width}`)));
    }
    await context.close();
    expect(problems).toEqual([]);
  },
);

test('the check can fail: an image without a text alternative is a critical violation', async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/legal/accessibility?lang=nl`);
  await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  expect(await axeCheck(page, 'self-check-broken')).toEqual([expect.stringMatching(/image-alt \(critical\)/)]);
  await context.close();
});

test('outside Teams the tab asks nothing of Microsoft’s CDN and no /favicon.ico (a clean console on a closed network)', async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${suite.server.url}/tab?lang=nl#/register`);
  await settled(page);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => !u.startsWith(suite.server.url) && !u.startsWith('data:'))).toEqual([]);
  expect(requests.filter((u) => u.endsWith('/favicon.ico'))).toEqual([]);
  expect(problems).toEqual([]);
  expect(await page.locator('footer a[href^="/legal/accessibility"]').innerText()).toBe('Toegankelijkheidsverklaring');
  await context.close();
});
