import createClient, { isUnexpected, type TextTranslationClient } from '@azure-rest/ai-translation-text';
import type { Agent } from 'node:http';
import type { BilingualLanguage } from '../domain';
import type { TranslatorSettings } from '../domain';
import { managedIdentityTokens, type TokenSource } from './managed-identity';
import { TranslationFailedError, type Translator } from './translator';

/** How the server proves it may use the resource: its key, or a managed identity's token with the resource's id. */
export type TranslatorAuth = { key: string } | { tokens: TokenSource; resourceId: string };

export interface AzureTranslatorSettings {
  /** the resource's endpoint, or the global https://api.cognitive.microsofttranslator.com */
  endpoint: string;
  /** the resource's region (a regional or multi-service resource needs it with a key) */
  region: string;
  auth: TranslatorAuth;
  /** the connections' agent (a test trusts its local certificate through it) */
  agent?: Agent;
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
    const { auth, region } = settings;
    const credential = 'key' in auth ? { key: auth.key, region } : { tokenCredential: auth.tokens, region, azureResourceId: auth.resourceId };
    this.client = createClient(settings.endpoint, credential, {
      // only a loopback endpoint (the local fake of the service) is plain http: configuration refuses any other
      allowInsecureConnection: settings.endpoint.startsWith('http://'),
      ...(settings.agent ? { agent: settings.agent } : {}),
    });
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

/** The configured Translator, key or managed identity; none when suggestions are not configured. */
export function translatorOf(config: { translator?: TranslatorSettings }): Translator | undefined {
  const settings = config.translator;
  if (!settings) return undefined;
  const auth: TranslatorAuth =
    'key' in settings
      ? { key: settings.key }
      : { tokens: managedIdentityTokens(settings.managedIdentity.clientId), resourceId: settings.managedIdentity.resourceId };
  return new AzureTranslator({ endpoint: settings.endpoint, region: settings.region, auth });
}
