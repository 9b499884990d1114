import { loopbackCertificate } from '../support/loopback-certificate';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/host/config';
import { AzureTranslator, translatorOf } from '../../src/translate/azure-translator';
import { TranslationFailedError } from '../../src/translate/translator';
import { startTranslatorFake, type TranslatorFake } from '../fakes/translator-fake';

let fake: TranslatorFake;
beforeEach(async () => {
  fake = await startTranslatorFake();
});
afterEach(() => fake.close());

const translatorOn = (f: TranslatorFake, key = f.key) => new AzureTranslator({ endpoint: f.url, region: f.region, auth: { key } });

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

describe('with the web app’s managed identity instead of a key', () => {
  it('sends the identity’s bearer token, the resource id and the region over TLS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'translator-tls-'));
    try {
      // a certificate for 127.0.0.1 that only this test's agent trusts (the client refuses bearer tokens without TLS)
      const tls = loopbackCertificate(dir);
      const resourceId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/translator';
      const secure = await startTranslatorFake({ tls, identity: { token: 'identity-token', resourceId } });
      try {
        const scopes: Array<string | string[]> = [];
        const tokens = {
          getToken: async (scope: string | string[]) => (scopes.push(scope), { token: 'identity-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
        };
        const translator = new AzureTranslator({
          endpoint: secure.url,
          region: secure.region,
          auth: { tokens, resourceId },
          agent: new Agent({ ca: tls.cert }),
        });
        await expect(translator.translate(['dienst'], 'nl', 'fr')).resolves.toEqual(['[fr] service']);
        expect(secure.requests[0]).toMatchObject({ bearer: 'identity-token', resourceId, region: 'westeurope', key: undefined });
        expect(scopes.flat()).toEqual(['https://cognitiveservices.azure.com/.default']);
      } finally {
        await secure.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is what the configuration asks for: the resource id without a key', () => {
    const env = {
      PORT: '0',
      AUTH_MODE: 'local',
      HOST: '127.0.0.1',
      TRANSLATOR_ENDPOINT: 'https://api.cognitive.microsofttranslator.com',
      TRANSLATOR_REGION: 'westeurope',
    };
    const resourceId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/translator';
    expect(loadConfig({ ...env, TRANSLATOR_RESOURCE_ID: resourceId }, '/nonexistent').translator).toEqual({
      endpoint: env.TRANSLATOR_ENDPOINT,
      region: 'westeurope',
      managedIdentity: { resourceId },
    });
    expect(translatorOf(loadConfig({ ...env, TRANSLATOR_RESOURCE_ID: resourceId }, '/nonexistent'))?.region).toBe('westeurope');
    expect(() => loadConfig({ ...env }, '/nonexistent')).toThrow(/TRANSLATOR_KEY \(or TRANSLATOR_RESOURCE_ID/);
    expect(loadConfig({ PORT: '0', AUTH_MODE: 'local', HOST: '127.0.0.1' }, '/nonexistent').translator).toBeUndefined();
  });
});
