import { AzureTranslator } from '../../src/translate/azure-translator';
import { TranslationFailedError } from '../../src/translate/translator';
import { startTranslatorFake, type TranslatorFake } from '../fakes/translator-fake';

let fake: TranslatorFake;
beforeEach(async () => {
  fake = await startTranslatorFake();
});
afterEach(() => fake.close());

const translatorOn = (f: TranslatorFake, key = f.key) => new AzureTranslator({ endpoint: f.url, region: f.region, key });

describe('Azure AI Translator through @azure-rest/ai-translation-text, against the local fake of its REST contract', () => {
  it('sends the texts with their source language, the key, the region and the api-version, and answers in order', async () => {
    const texts = await translatorOn(fake).translate(
      ['Gezamenlijke aankoop', 'Het <mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>'],
      'nl',
      'fr',
    );
    expect(texts).toEqual(['[fr] conjointe achat', '[fr] Het CPAS']);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ key: fake.key, region: 'westeurope', from: ['nl', 'nl'], to: ['fr', 'fr'] });
    expect(fake.requests[0]!.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('retries a 429 after its Retry-After, through the client’s own pipeline', async () => {
    fake.failNext(1, 429, '0');
    await expect(translatorOn(fake).translate(['dienst'], 'nl', 'fr')).resolves.toEqual(['[fr] service']);
    expect(fake.requests).toHaveLength(1);
  });

  it('says the service’s own error message when it refuses (wrong key)', async () => {
    const failure = translatorOn(fake, 'wrong').translate(['dienst'], 'nl', 'fr');
    await expect(failure).rejects.toBeInstanceOf(TranslationFailedError);
    await expect(translatorOn(fake, 'wrong').translate(['dienst'], 'nl', 'fr')).rejects.toThrow('credentials are missing or invalid');
  });

  it('fails with the service’s message when the throttling outlasts the retries', async () => {
    fake.failNext(10, 429, '0');
    await expect(translatorOn(fake).translate(['dienst'], 'nl', 'fr')).rejects.toThrow('exceeded request limits');
  });
});
