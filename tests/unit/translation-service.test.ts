import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Register } from '../../src/register/register-service';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { AzureTranslator } from '../../src/translate/azure-translator';
import { TranslationService } from '../../src/translate/translation-service';
import { startTranslatorFake, type TranslatorFake } from '../fakes/translator-fake';
import { entryInput } from '../support/builders';

let dir: string;
let store: RegisterStore;
let fake: TranslatorFake;
let now: Date;
const clock = { now: () => now };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'translate-'));
  store = createLocalStore(dir);
  await store.init();
  fake = await startTranslatorFake();
  now = new Date('2026-03-31T21:30:00Z');
});
afterEach(async () => {
  await store.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const serviceWith = (limits: { texts: number; characters: number }) =>
  new TranslationService(
    store.translation,
    { entries: new Register(store, clock).entries },
    new AzureTranslator({ endpoint: fake.url, region: fake.region, auth: { key: fake.key } }),
    clock,
    limits,
  );

test('texts are cut into as many requests as the limits need, answered in the order asked', async () => {
  const register = new Register(store, clock);
  const ids = [];
  for (const title of ['een', 'twee', 'drie', 'vier', 'vijf']) ids.push((await register.entries.create(entryInput(title), { name: 'T' })).id);
  const answer = await serviceWith({ texts: 2, characters: 1000 }).suggest({
    from: 'nl',
    to: 'fr',
    texts: ids.map((entryId) => ({ entryId, field: 'title' })),
  });
  expect(answer.requests).toBe(3);
  expect(fake.requests.map((r) => r.texts)).toEqual([['een', 'twee'], ['drie', 'vier'], ['vijf']]);
  expect(answer.suggestions.map((s) => s.text)).toEqual(['[fr] een', '[fr] twee', '[fr] drie', '[fr] vier', '[fr] vijf']);
  expect(answer.characters).toBe(3 + 4 + 4 + 4 + 4);
});

test('the month’s count starts again in a new Brussels month', async () => {
  const register = new Register(store, clock);
  const entry = await register.entries.create(entryInput('dienst'), { name: 'T' });
  const service = serviceWith({ texts: 10, characters: 1000 });
  await service.suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] });
  // 23:30 in Brussels on 31 March: still March
  expect(await service.settings()).toMatchObject({ month: '2026-03', charactersUsed: 6 });
  // 22:30 UTC is 00:30 on 1 April in Brussels (summer time): a new month
  now = new Date('2026-03-31T22:30:00Z');
  expect(await service.settings()).toMatchObject({ month: '2026-04', charactersUsed: 0 });
});

test('two requests at once cannot both pass the month’s budget: the characters are reserved as the budget is checked', async () => {
  const register = new Register(store, clock);
  const first = await register.entries.create(entryInput('aankoop van laptops voor beide besturen'), { name: 'T' });
  const second = await register.entries.create(entryInput('gezamenlijke aankoop van bureaumateriaal'), { name: 'T' });
  const service = serviceWith({ texts: 10, characters: 1000 });
  await service.putSettings({ glossary: [], monthlyCharacterBudget: 60 });
  const asked = [first, second].map((entry) => service.suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] }));
  const outcomes = await Promise.allSettled(asked);
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toMatchObject({ code: 'translation_budget_exceeded' });
  const sent = (outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ characters: number }>).value.characters;
  expect((await service.settings()).charactersUsed).toBe(sent);
  expect(fake.requests).toHaveLength(1);
});

test('characters the service did not translate go back to the month’s budget', async () => {
  const register = new Register(store, clock);
  const entry = await register.entries.create(entryInput('dienst'), { name: 'T' });
  const service = serviceWith({ texts: 10, characters: 1000 });
  await service.putSettings({ glossary: [], monthlyCharacterBudget: 100 });
  fake.failNext(1, 400);
  await expect(service.suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] })).rejects.toThrow();
  expect((await service.settings()).charactersUsed).toBe(0);
  await service.suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] });
  expect((await service.settings()).charactersUsed).toBe(6);
});
