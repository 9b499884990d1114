import { type KeysOf, translate, type MessageKey } from '../../i18n';
import type { Params } from '../../i18n';
import type { AnnexLanguage } from './types';

/**
 * The annex's fixed texts come from the message catalogue (keys under "annex.", src/i18n/messages/annex.ts).
 * Which of them are proposals still to check before filing is said by `verify.*` keys there.
 */

export type AnnexTextKey = KeysOf<'annex'>;

export function annexText(language: AnnexLanguage, key: AnnexTextKey, params?: Params): string {
  return translate(language, `annex.${key}` as MessageKey, params);
}

/** "de Molenbeek", "d’Uccle" (French elision before a vowel or mute h); Dutch and English need none. */
export function ofMunicipality(language: AnnexLanguage, municipality: string): string {
  if (language !== 'fr') return municipality;
  return /^[aeiouyàâéèêëîïôûüh]/i.test(municipality) ? `d’${municipality}` : `de ${municipality}`;
}
