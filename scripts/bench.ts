import { benchAnnex } from './bench/annex.bench';
import { benchBot } from './bench/bot.bench';
import { benchGraphCost } from './bench/graph-cost.bench';
import { benchGraphStore } from './bench/graph-store.bench';
import { benchImport } from './bench/import.bench';
import { benchImportConfirm } from './bench/import-confirm.bench';
import { benchImportHealth } from './bench/import-health.bench';
import { benchInstances } from './bench/instances.bench';
import { benchScale } from './bench/scale.bench';
import { benchStart } from './bench/start.bench';
import { benchTab } from './bench/tab.bench';
import { benchTranslate } from './bench/translate.bench';
import { benchZipBombs } from './bench/zip-bomb.bench';

/**
 * `npm run bench`: the speed and cost targets of the issues, measured and printed.
 * Each part throws when its target is missed, so the command fails.
 */
async function main(): Promise<void> {
  const parts: Array<[string, () => Promise<void>]> = [
    ['Start-up: npm start until the first URL', benchStart],
    ['SharePoint store through Graph (fake with injected latency)', benchGraphStore],
    ['Cost follows the page: Graph requests per user action at 1 000, 5 000 and 50 000 entries', benchGraphCost],
    ['Cost follows the page: the embedded store over HTTP at 1 000, 5 000 and 50 000 entries; exports', benchScale],
    ['Teams bot (real /api/messages over HTTP)', benchBot],
    ['One and two server processes on one SharePoint store', benchInstances],
    ['Word annex (office-addin-mock) and .docx export', benchAnnex],
    ['Import: a report of 2 000 measures into 5 000 entries', benchImport],
    ['Import: confirming 2 000 measures into 5 000 entries on SharePoint (Graph fake): requests against ⌈writes/20⌉ + 5', benchImportConfirm],
    ['Import: /api/health while a 4 000-paragraph report is read', benchImportHealth],
    ['Zip bombs: a .docx inflating to hundreds of MB, refused', benchZipBombs],
    ['Translation suggestions: requests and characters per 100 texts (Translator fake)', benchTranslate],
    ['Tab timings: the register with 5 000 entries in headless Chromium', benchTab],
  ];
  let failed = 0;
  for (const [title, run] of parts) {
    console.log(`\n=== ${title} ===`);
    try {
      await run();
    } catch (error) {
      failed++;
      console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed > 0) {
    console.error(`\n${failed} benchmark part(s) missed their target`);
    process.exit(1);
  }
  process.exit(0);
}

void main();
