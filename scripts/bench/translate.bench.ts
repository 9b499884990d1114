/**
 * Translation suggestions: how many requests to Azure AI Translator and how many characters (the service bills
 * characters) 100 texts cost, asked one page of 20 measures at a time as the tab's "suggest all on this page" does,
 * and all at once; through the real client against the local fake of the service's REST contract, with the default
 * glossary's markup counted. Target: every request within the documented limits (the fake refuses any other).
 * Called by scripts/bench.ts; runs on its own too: node dist/scripts/bench/translate.bench.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMAINS_LABELS } from '../../src/domain';
import { Register } from '../../src/register';
import { createLocalStore } from '../../src/store/local';
import { AzureTranslator } from '../../src/translate';
import { TranslationService } from '../../src/translate';
import { startTranslatorFake } from '../../tests/fakes/translator-fake';

function row(label: string, value: string | number, note = ''): void {
  console.log(`  ${label.padEnd(52)} ${String(value).padStart(10)}  ${note}`);
}

export async function benchTranslate(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-translate-'));
  const fake = await startTranslatorFake();
  const store = createLocalStore(dir);
  try {
    await store.init();
    const register = new Register(store);
    const labels = Object.values(DOMAINS_LABELS);
    // 50 measures with a Dutch title and description: 100 texts of the lengths a register holds
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const label = labels[i % labels.length]!.nl;
      const entry = await register.entries.create(
        {
          title: { nl: `Gezamenlijke aanpak ${i + 1}: ${label}` },
          description: {
            nl: `De gemeente en het OCMW bundelen hun werking voor ${label.toLowerCase()}; het Overlegcomité volgt de uitvoering op en evalueert ze jaarlijks aan de hand van de afgesproken indicatoren.`,
          },
          domain: 'OTHER',
          status: 'in_progress',
          kind: 'synergy',
          formalisation: 'agreement',
        },
        { name: 'bench' },
      );
      ids.push(entry.id);
    }
    const texts = ids.flatMap((entryId) => (['title', 'description'] as const).map((field) => ({ entryId, field })));
    const service = new TranslationService(
      store.translation,
      { entries: register.entries },
      new AzureTranslator({ endpoint: fake.url, region: fake.region, auth: { key: fake.key } }),
    );

    const byPage = { requests: 0, characters: 0 };
    for (let page = 0; page < texts.length; page += 40) {
      const answer = await service.suggest({ from: 'nl', to: 'fr', texts: texts.slice(page, page + 40) });
      byPage.requests += answer.requests;
      byPage.characters += answer.characters;
    }
    const atOnce = await service.suggest({ from: 'nl', to: 'fr', texts });
    const source = texts.length ? atOnce.suggestions.reduce((n, s) => n + [...s.source].length, 0) : 0;
    row('texts', texts.length, '50 measures: title and description, Dutch → French');
    row('requests per 100 texts, page by page (20 measures)', byPage.requests, 'as "suggest all on this page"');
    row('requests per 100 texts, all at once', atOnce.requests, `limits: 1 000 texts, 50 000 characters a request`);
    row('characters per 100 texts (billed)', atOnce.characters, `source ${source} + glossary markup ${atOnce.characters - source}`);
    row('characters per text (mean)', (atOnce.characters / texts.length).toFixed(0));
    row('requests the service received', fake.requests.length, `largest ${Math.max(...fake.requests.map((r) => r.characters))} characters`);
    if (fake.requests.some((r) => r.texts.length > 1000 || r.characters > 50_000)) throw new Error('a request passed the service limits');
  } finally {
    await store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchTranslate();
