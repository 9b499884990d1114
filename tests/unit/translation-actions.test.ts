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
import { presetTemplate } from '../../src/domain/template-presets';

/** Actions' titles and templates' fixed texts get suggestions through the same service as entries' texts, against the Translator fake. */

let dir: string;
let store: RegisterStore;
let fake: TranslatorFake;
const clock = { now: () => new Date('2026-03-10T10:00:00Z') };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'translate-actions-'));
  store = createLocalStore(dir);
  await store.init();
  fake = await startTranslatorFake();
});
afterEach(async () => {
  await store.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const serviceOf = (register: Register) =>
  new TranslationService(
    store.translation,
    { entries: register.entries, actions: register.actions, templates: register.reports },
    new AzureTranslator({ endpoint: fake.url, region: fake.region, auth: { key: fake.key } }),
    clock,
  );

test("an action's title is translated from the language it is written in, beside entries' texts, in one request, with the glossary", async () => {
  const register = new Register(store, clock);
  const entry = await register.entries.create(entryInput('Gedeelde dienst'), { name: 'T' });
  const action = await register.actions.create({ title: 'Offerte vragen aan het OCMW', language: 'nl', owner: { name: 'An' } });
  const answer = await serviceOf(register).suggest({
    from: 'nl',
    to: 'fr',
    texts: [
      { entryId: entry.id, field: 'title' },
      { actionId: action.id, field: 'title' },
    ],
  });
  expect(answer.requests).toBe(1);
  expect(answer.suggestions).toEqual([
    { entryId: entry.id, field: 'title', source: 'Gedeelde dienst', text: expect.stringMatching(/^\[fr\] Gedeelde/) },
    { actionId: action.id, field: 'title', source: 'Offerte vragen aan het OCMW', text: expect.stringContaining('CPAS') },
  ]);
  expect(fake.requests[0]?.texts[1]).toContain('<mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>');
  expect(answer.skipped).toEqual([]);
  // nothing is saved: the action keeps its one title until a person accepts the suggestion
  expect((await register.actions.get(action.id)).titleTranslations).toBeUndefined();
});

test('the other way, the source is the title in that language; a missing source or action is skipped and nothing is sent', async () => {
  const register = new Register(store, clock);
  const french = await register.actions.create({
    title: 'Demander un devis',
    language: 'fr',
    titleTranslations: { nl: 'Offerte vragen' },
    owner: { name: 'An' },
  });
  const dutchOnly = await register.actions.create({ title: 'Contract tekenen', language: 'nl', owner: { name: 'An' } });
  const fromNl = await serviceOf(register).suggest({
    from: 'nl',
    to: 'fr',
    texts: [{ actionId: french.id, field: 'title' }],
  });
  expect(fromNl.suggestions).toEqual([{ actionId: french.id, field: 'title', source: 'Offerte vragen', text: '[fr] Offerte vragen' }]);
  fake.requests.splice(0);
  const none = await serviceOf(register).suggest({
    from: 'fr',
    to: 'nl',
    texts: [
      { actionId: dutchOnly.id, field: 'title' },
      { actionId: 'nope', field: 'title' },
    ],
  });
  expect(none).toMatchObject({ suggestions: [], requests: 0, characters: 0 });
  expect(none.skipped).toEqual([
    { actionId: dutchOnly.id, field: 'title', reason: 'no_source' },
    { actionId: 'nope', field: 'title', reason: 'not_found' },
  ]);
  expect(fake.requests).toEqual([]);
});

test('an action text other than its title is refused, naming the field', async () => {
  const register = new Register(store, clock);
  await expect(serviceOf(register).suggest({ from: 'nl', to: 'fr', texts: [{ actionId: 'a', field: 'description' }] })).rejects.toThrow(/texts\.0/);
});

test("a person's edit of the title's other language removes its machine mark; an edit of something else keeps it", async () => {
  const register = new Register(store, clock);
  const action = await register.actions.create({
    title: 'Offerte vragen',
    language: 'nl',
    titleTranslations: { fr: '[fr] Offerte vragen' },
    titleMachineTranslated: ['fr'],
    owner: { name: 'An' },
  });
  const other = await register.actions.update(action.id, { dueDate: '2026-06-30' });
  expect(other.titleMachineTranslated).toEqual(['fr']);
  const same = await register.actions.update(action.id, { titleTranslations: { fr: '[fr] Offerte vragen' } });
  expect(same.titleMachineTranslated).toEqual(['fr']);
  const edited = await register.actions.update(action.id, { titleTranslations: { fr: 'Demander un devis' } });
  expect(edited).toMatchObject({ titleTranslations: { fr: 'Demander un devis' }, titleMachineTranslated: [] });
});

test("a template's fixed texts are translated from the other language; an empty one or an unknown template is skipped", async () => {
  const register = new Register(store, clock);
  const template = await register.reports.create({
    ...presetTemplate('ukkel-narrative', { budgetYear: 2027, municipality: { nl: 'Ukkel', fr: 'Uccle' } }),
    introText: { nl: 'Het OCMW en de gemeente werken samen.' },
    yearText: { fr: 'En 2027, le CPAS poursuit.' },
    title: {},
  });
  const toFr = await serviceOf(register).suggest({
    from: 'nl',
    to: 'fr',
    texts: [
      { templateId: template.id, field: 'introText' },
      { templateId: template.id, field: 'title' },
      { templateId: 'nope', field: 'yearText' },
    ],
  });
  expect(toFr.suggestions).toEqual([
    { templateId: template.id, field: 'introText', source: 'Het OCMW en de gemeente werken samen.', text: expect.stringContaining('CPAS') },
  ]);
  expect(toFr.skipped).toEqual([
    { templateId: template.id, field: 'title', reason: 'no_source' },
    { templateId: 'nope', field: 'yearText', reason: 'not_found' },
  ]);
  const toNl = await serviceOf(register).suggest({ from: 'fr', to: 'nl', texts: [{ templateId: template.id, field: 'yearText' }] });
  expect(toNl.suggestions).toEqual([
    { templateId: template.id, field: 'yearText', source: 'En 2027, le CPAS poursuit.', text: expect.stringContaining('OCMW') },
  ]);
  // nothing is saved in the template
  expect((await register.reports.get(template.id)).introText).toEqual({ nl: 'Het OCMW en de gemeente werken samen.' });
});
