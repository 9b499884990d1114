import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startTestServer, type TestServer } from './server';

/** The real task pane in Chromium with the Word fake (tests/fakes/word/browser.ts) as its Word. */

const ROOT = path.join(__dirname, '..', '..');

/** The Word fake bundled for a page (esbuild), to add as an init script. */
export async function fakeWordScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'tests/fakes/word/browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    alias: { 'office-addin-manifest': path.join(ROOT, 'tests/shims/office-addin-manifest.js') },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Opens the pane as Word would in `locale`, and waits until it has found Word. The test acts through window.fakeWord. */
export async function openPaneInWord(browser: Browser, serverUrl: string, script: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  await page.addInitScript({ content: `window.fakeWordLanguage = ${JSON.stringify(locale)};\n${script}` });
  await page.goto(`${serverUrl}/addin/taskpane.html`);
  await page.waitForFunction(() => document.body.dataset.office === 'word', undefined, { timeout: 20000 });
  return page;
}

/**
 * For a describe block: a server on the demo data, Chromium and the Word fake, started before its tests and
 * stopped after them; `open(locale)` opens the pane as Word would.
 */
export function paneInWord(): { readonly server: TestServer; open(locale: string): Promise<Page> } {
  let server: TestServer;
  let browser: Browser;
  let script: string;
  beforeAll(async () => {
    [server, browser, script] = await Promise.all([startTestServer(), launchChromium(), fakeWordScript()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server;
    },
    open: (locale) => openPaneInWord(browser, server.url, script, locale),
  };
}
