/**
 * Tab timings (issue 13): the register tab with 5 000 entries in headless Chromium (Debian's), on the real
 * server and embedded store. Prints, as medians of several runs, the time to the first page (from opening
 * the register view, and from the page's navigation start) and to a filtered page (a domain chosen, a
 * search typed); throws when the first page takes 300 ms or more or a filter 150 ms or more.
 * The tab marks `synergy:route`, `synergy:register-query` and `synergy:register-shown` (performance.mark).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser';
import { writeLargeRegister } from '../../tests/support/large-register';
import { startTestServer } from '../../tests/support/server';

const COUNT = 5000;
const RUNS = 7;
const TARGET_FIRST_PAGE_MS = 300;
const TARGET_FILTER_MS = 150;

function row(label: string, value: string | number, note = ''): void {
  console.log(`  ${label.padEnd(52)} ${String(value).padStart(10)}  ${note}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** ms between the last `from` mark and the last `to` mark after it (or navigation start). */
function between(page: Page, from: string | null, to: string): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const last = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime;
      return (last(b) ?? Number.NaN) - (a ? (last(a) ?? Number.NaN) : 0);
    },
    [from, to] as const,
  );
}

/** Waits for a page shown after the given count of "shown" marks. */
async function shownAfter(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('synergy:register-shown').length > n, count, { timeout: 30000 });
}
const shownCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('synergy:register-shown').length);

export async function benchTab(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-bench-tab-'));
  await writeLargeRegister(dataDir, COUNT);
  const server = await startTestServer({ dataDir, demoData: false });
  const browser = await launchChromium();
  const view: number[] = [];
  const load: number[] = [];
  const domain: number[] = [];
  const search: number[] = [];
  const typed: number[] = [];
  const answer: number[] = [];
  try {
    const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/tab#/register`); // warm: bundle in the HTTP cache, server code paths hot
    await shownAfter(page, 0);
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}/tab?run=${run}#/register`);
      await shownAfter(page, 0);
      load.push(await between(page, null, 'synergy:register-shown'));
      view.push(await between(page, 'synergy:route', 'synergy:register-shown'));
      answer.push(await between(page, 'synergy:register-query', 'synergy:register-data'));

      let n = await shownCount(page);
      await page.getByLabel('Domein').selectOption(run % 2 ? 'ICT' : 'HR');
      await shownAfter(page, n);
      domain.push(await between(page, 'synergy:register-query', 'synergy:register-shown'));
      await page.getByLabel('Domein').selectOption('');
      await shownAfter(page, n + 1);

      n = await shownCount(page);
      const started = await page.evaluate(() => performance.now());
      await page.getByLabel('Zoeken').fill('zonnepanelen');
      await shownAfter(page, n);
      search.push(await between(page, 'synergy:register-query', 'synergy:register-shown'));
      typed.push((await page.evaluate(() => performance.getEntriesByName('synergy:register-shown').at(-1)!.startTime)) - started);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(`\nRegister tab, ${COUNT.toLocaleString('en')} entries, headless Chromium, medians of ${RUNS} runs (load average ${os.loadavg()[0].toFixed(1)})`);
  row('first page, from opening the register view', ms(median(view)), `target < ${TARGET_FIRST_PAGE_MS} ms`);
  row('  of which the answer of GET /api/entries (50 of them)', ms(median(answer)), 'for information');
  row('first page, from navigation start (bundle, /me…)', ms(median(load)), 'for information');
  row('filter: a domain chosen → its first page', ms(median(domain)), `target < ${TARGET_FILTER_MS} ms`);
  row('filter: a search sent → its first page', ms(median(search)), `target < ${TARGET_FILTER_MS} ms`);
  row('filter: search typed → its first page (250 ms pause)', ms(median(typed)), 'for information');
  const missed = [
    median(view) >= TARGET_FIRST_PAGE_MS ? `first page ${ms(median(view))}` : '',
    median(domain) >= TARGET_FILTER_MS ? `domain filter ${ms(median(domain))}` : '',
    median(search) >= TARGET_FILTER_MS ? `search ${ms(median(search))}` : '',
  ].filter(Boolean);
  if (missed.length) throw new Error(`tab timings missed: ${missed.join(', ')}`);
}

if (require.main === module) {
  benchTab().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
