import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
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
