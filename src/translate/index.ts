/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { AzureTranslator, translatorOf } from './azure-translator';
export { TranslationService, type SuggestAnswer, type TranslationSettingsView } from './translation-service';
