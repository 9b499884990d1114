import createClient, { isUnexpected, type TextTranslationClient } from '@azure-rest/ai-translation-text';
import type { BilingualLanguage } from '../domain/bilingual';
import { TranslationFailedError, type Translator } from './translator';

export interface AzureTranslatorSettings {
  /** the resource's endpoint, or the global https://api.cognitive.microsofttranslator.com */
  endpoint: string;
  /** the resource's region (a regional or multi-service resource needs it with a key) */
  region: string;
  key: string;
}

/**
 * Azure AI Translator through Microsoft's REST client. Its pipeline already retries a 429 or 503 after the
 * service's Retry-After (and transient network errors), so no retry loop of our own sits on top of it.
 */
export class AzureTranslator implements Translator {
  private readonly client: TextTranslationClient;
  readonly region: string;

  constructor(settings: AzureTranslatorSettings) {
    this.region = settings.region;
    this.client = createClient(
      settings.endpoint,
      { key: settings.key, region: settings.region },
      {
        // only a loopback endpoint (the local fake of the service) is plain http: configuration refuses any other
        allowInsecureConnection: settings.endpoint.startsWith('http://'),
      },
    );
  }

  async translate(texts: readonly string[], from: BilingualLanguage, to: BilingualLanguage): Promise<string[]> {
    let response;
    try {
      response = await this.client.path('/translate').post({
        // the source language is stated: the glossary's dynamic dictionary markup does not work with detection
        body: { inputs: texts.map((text) => ({ text, language: from, targets: [{ language: to }] })) },
      });
    } catch (error) {
      throw new TranslationFailedError(error instanceof Error ? error.message : String(error));
    }
    if (isUnexpected(response)) {
      const detail = response.body?.error?.message ?? `HTTP ${response.status}`;
      throw new TranslationFailedError(detail, Number(response.status));
    }
    const items = response.body.value;
    if (items.length !== texts.length) throw new TranslationFailedError(`the service answered ${items.length} texts for ${texts.length}`);
    return items.map((item) => item.translations.find((t) => t.language === to)?.text ?? item.translations[0]?.text ?? '');
  }
}
