import type { Browser } from 'playwright-core';
import { type ServerOnStore, startServerOn } from '../reliability/both-stores';
import { launchChromium } from '../support/browser';
import { bulletReport } from '../support/bulk-report';
import { openPage } from './tab-helpers';

/**
 * A large import confirmed on SharePoint (the Graph fake answering each request after 150 ms): the tab shows how many
 * measures are written while the server writes them; when SharePoint gives up half-way it says how many are already
 * in, and confirming again writes the rest, nothing twice.
 */

jest.setTimeout(120_000);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MEASURES = 400;
const title = (i: number) => `Gedeelde dienstverlening ${i} tussen gemeente en OCMW voor de inwoners van deelgemeente ${i}`;

let running: ServerOnStore;
let browser: Browser;
beforeAll(async () => {
  [running, browser] = await Promise.all([startServerOn('graph', {}, { latencyMs: 150, batchOrder: 'request' }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

test('the confirmation tells how many measures are written; cut short by SharePoint, it says how many are in and a second confirmation writes the rest', async () => {
  const fake = running.fake!;
  const { page, context, errors } = await openPage(browser, `${running.server.url}/tab?lang=nl#/import`);
  await page.setInputFiles('[data-testid="import-file"]', {
    name: 'groot-verslag.docx',
    mimeType: DOCX,
    buffer: await bulletReport(
      2025,
      Array.from({ length: MEASURES }, (_, i) => title(i + 1)),
    ),
  });
  await page.click('[data-testid="import-read"]');
  await page.waitForSelector('.import-measure', { timeout: 60_000 });

  await page.click('[data-testid="import-confirm"]');
  // the first step of 200 measures is written: the tab says so while the second one is under way
  await page.locator('[data-testid="import-progress"]').getByText(`200 van ${MEASURES} maatregelen geschreven…`).waitFor({ timeout: 60_000 });
  // then SharePoint refuses the next 20 writes five times over: more than the retries outlast
  fake.throttleNext(100, 0, { target: 'batchItem', status: 503 });
  await page
    .locator('[data-testid="import-status"]')
    .getByText(`200 van ${MEASURES} maatregelen zijn al geschreven. Bevestig opnieuw om de rest te schrijven: niets wordt twee keer geschreven.`)
    .waitFor({ timeout: 60_000 });
  const written = fake.itemCount('SynergyRegisterEntries');
  expect(written).toBeGreaterThanOrEqual(200);
  expect(written).toBeLessThan(MEASURES);

  await page.click('[data-testid="import-confirm"]');
  await page
    .locator('[data-testid="import-status"]')
    .getByText(new RegExp(`^Geïmporteerd: ${MEASURES - written} maatregelen aangemaakt`))
    .waitFor({ timeout: 60_000 });
  expect(fake.itemCount('SynergyRegisterEntries')).toBe(MEASURES);
  expect(errors).toEqual([]);
  await context.close();
});
