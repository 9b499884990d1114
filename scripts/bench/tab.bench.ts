/**
 * Tab timings: the register tab with 5 000 entries in headless Chromium (Debian's), on the real
 * server and embedded store. Prints, as medians of several runs, the time to the first paint of the first page's
 * rows (from opening the register view, and from the page's navigation start) and of a filtered page (a domain
 * chosen, a search typed); gated (first page 300 ms, a filter 150 ms) as ratios to the calibration measured in the
 * same run. The tab marks `synergy:route`, `synergy:register-query` and `synergy:register-shown` (rows in the DOM);
 * the bench adds `bench:painted` after the frame that showed them (a task queued from the next animation frame
 * runs once that frame is painted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser';
import { writeLargeRegister } from '../../tests/support/large-register';
import { startTestServer } from '../../tests/support/server';
import { calibrate, describeGate, passes } from './calibration';

/** Marks `bench:painted` once the frame after each `synergy:register-shown` has been painted. */
const PAINT_HOOK = `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'synergy:register-shown') requestAnimationFrame(() => setTimeout(() => mark('bench:painted'), 0));
    return entry;
  };
})();`;

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

/** Waits for a page painted after the given count of "painted" marks. */
async function shownAfter(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('bench:painted').length > n, count, { timeout: 30000 });
}
const shownCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('bench:painted').length);

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
    await context.addInitScript(PAINT_HOOK);
    const page = await context.newPage();
    await page.goto(`${server.url}/tab#/register`); // warm: bundle in the HTTP cache, server code paths hot
    await shownAfter(page, 0);
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}/tab?run=${run}#/register`);
      await shownAfter(page, 0);
      load.push(await between(page, null, 'bench:painted'));
      view.push(await between(page, 'synergy:route', 'bench:painted'));
      answer.push(await between(page, 'synergy:register-query', 'synergy:register-data'));

      let n = await shownCount(page);
      await page.getByLabel('Domein').selectOption(run % 2 ? 'ICT' : 'HR');
      await shownAfter(page, n);
      domain.push(await between(page, 'synergy:register-query', 'bench:painted'));
      await page.getByLabel('Domein').selectOption('');
      await shownAfter(page, n + 1);

      n = await shownCount(page);
      const started = await page.evaluate(() => performance.now());
      await page.getByLabel('Zoeken').fill('zonnepanelen');
      await shownAfter(page, n);
      search.push(await between(page, 'synergy:register-query', 'bench:painted'));
      typed.push((await page.evaluate(() => performance.getEntriesByName('bench:painted').at(-1)!.startTime)) - started);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const ms = (v: number) => `${Math.round(v)} ms`;
  const calibration = calibrate();
  const gates = [
    { label: 'first page painted, from opening the register view', measuredMs: median(view), targetMs: TARGET_FIRST_PAGE_MS },
    { label: 'filter: a domain chosen → its first page painted', measuredMs: median(domain), targetMs: TARGET_FILTER_MS },
    { label: 'filter: a search sent → its first page painted', measuredMs: median(search), targetMs: TARGET_FILTER_MS },
  ];
  console.log(
    `\nRegister tab, ${COUNT.toLocaleString('en')} entries, headless Chromium, medians of ${RUNS} runs until the rows are painted (calibration ${calibration.toFixed(0)} ms, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  row(gates[0].label, '', describeGate(gates[0], calibration));
  row('  of which the answer of GET /api/entries (50 of them)', ms(median(answer)), 'for information');
  row('first page painted, from navigation start (bundle, /me…)', ms(median(load)), 'for information');
  row(gates[1].label, '', describeGate(gates[1], calibration));
  row(gates[2].label, '', describeGate(gates[2], calibration));
  row('filter: search typed → its first page painted (250 ms pause)', ms(median(typed)), 'for information');
  const missed = gates.filter((g) => !passes(g, calibration)).map((g) => `${g.label} ${ms(g.measuredMs)}`);
  if (missed.length) throw new Error(`tab timings missed: ${missed.join(', ')}`);
}

if (require.main === module) {
  benchTab().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
