/// <reference types="office-js" />

/**
 * Which parts the annex had after the last Insert or Refresh, kept in the document itself (the add-in's
 * document settings, saved with the .docx): a part missing at the next Refresh that was there then was deleted
 * by the clerk, and is not put back unasked.
 */

const SETTING = 'synergy-register-parts';

type Settings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

export function recalledParts(settings: Settings | undefined): string[] | undefined {
  const value: unknown = settings?.get(SETTING);
  return Array.isArray(value) && value.every((k) => typeof k === 'string') ? value : undefined;
}

/** Saves the keys with the document; a failure only means the next Refresh cannot tell deleted parts. */
export function rememberParts(settings: Settings | undefined, keys: readonly string[]): Promise<void> {
  if (!settings) return Promise.resolve();
  settings.set(SETTING, [...keys]);
  return new Promise((resolve) => settings.saveAsync(() => resolve()));
}
