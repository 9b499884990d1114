import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startTranslatorFake, translatorEnv, type TranslatorFake } from '../fakes/translator-fake';
import { type LocalEntra, startLocalEntra } from './entra';
import { startTestServer, type TestServer } from './server';

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
}

/** A test server and Debian's Chromium for a suite's tests: started before them, stopped after them. */
export function browserSuite(options?: Parameters<typeof startTestServer>[0]): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startTestServer(options);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/** For a suite that prepares its data between the two: a test server and Chromium started together. */
export async function openSuite(options?: Parameters<typeof startTestServer>[0]): Promise<BrowserSuite> {
  const [server, browser] = await Promise.all([startTestServer(options), launchChromium()]);
  return { server, browser };
}

/** Stops what openSuite (or a suite by hand) started; either may be missing when the start failed. */
export async function closeSuite(suite: Partial<BrowserSuite>): Promise<void> {
  await suite.browser?.close();
  await suite.server?.stop();
}

/** A tenant-mode suite: a local Entra ID (its signing keys and tokens), the test server configured for it, and Chromium. */
export function entraBrowserSuite(): BrowserSuite & { entra: LocalEntra } {
  const suite = {} as BrowserSuite & { entra: LocalEntra };
  beforeAll(async () => {
    suite.entra = await startLocalEntra();
    suite.server = await startTestServer({ env: suite.entra.env });
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await closeSuite(suite);
    await suite.entra?.close();
  });
  return suite;
}

/** A suite with translation suggestions: the local fake of Azure AI Translator, a server (no demo data) pointed at it, and Chromium. */
export function translatorBrowserSuite(): BrowserSuite & { fake: TranslatorFake } {
  const suite = {} as BrowserSuite & { fake: TranslatorFake };
  beforeAll(async () => {
    suite.fake = await startTranslatorFake();
    [suite.server, suite.browser] = await Promise.all([startTestServer({ demoData: false, env: translatorEnv(suite.fake) }), launchChromium()]);
  });
  afterAll(async () => {
    await closeSuite(suite);
    await suite.fake?.close();
  });
  return suite;
}
