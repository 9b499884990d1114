import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './browser';

/**
 * axe-core's own script (the library as its authors ship it), evaluated in the page under test through the
 * DevTools protocol: the pages' Content-Security-Policy rightly refuses an injected <script>.
 */
const AXE_SOURCE = readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: what EN 301 549 requires of web content. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Runs axe-core (WCAG 2.1 AA rules) on the page as it is now, writes the full result to
 * test-artifacts/a11y/<name>.json and returns the serious and critical violations, one line per element.
 */
export async function axeCheck(page: Page, name: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_AA,
  )) as { violations: AxeViolation[]; url: string };
  writeFileSync(artifactPath('a11y', `${name}.json`), JSON.stringify({ url: result.url, violations: result.violations }, null, 2));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${name}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${v.help}`));
}
