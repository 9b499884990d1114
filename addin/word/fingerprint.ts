/**
 * How the add-in recognises its own parts of the annex: each part's content control carries a tag
 * "sr/<key>@<fingerprint>", where the key names the register record (or fixed text) it shows and the
 * fingerprint is a hash of the text that was inserted. Refresh compares the fingerprint with the text the
 * document holds now (edited by the clerk?) and with the text the register gives now (changed?).
 */

export const UNIT_TAG_PREFIX = 'sr/';
/** Word shows at most 64 characters of a title; tags are kept under that too. */
const MAX_KEY = 40;

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, no dependency; collisions only cost a needless refresh. */
export function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The text as compared: Word reads a part back with its own separators (\r between paragraphs, \t and
 * \u0007 in tables, a non-breaking space where we wrote one), so all white space and control characters go.
 */
export function comparable(text: string): string {
  return text.normalize('NFC').replace(/[\s\u0000-\u001f\u007f\u200b\ufeff]+/gu, '');
}

export function fingerprint(text: string): string {
  return hash32(comparable(text));
}

/** A key safe for a tag: letters, digits and ":_.-" only, at most 40 characters, else shortened with a hash. */
export function safeKey(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9:_.-]/g, '_');
  if (clean === key && key.length <= MAX_KEY) return key;
  return `${clean.slice(0, MAX_KEY - 9)}~${hash32(key)}`;
}

export function unitTag(key: string, print: string): string {
  return `${UNIT_TAG_PREFIX}${key}@${print}`;
}

export function parseUnitTag(tag: string | undefined | null): { key: string; fingerprint: string } | undefined {
  if (!tag?.startsWith(UNIT_TAG_PREFIX)) return undefined;
  const at = tag.lastIndexOf('@');
  if (at <= UNIT_TAG_PREFIX.length) return undefined;
  const print = tag.slice(at + 1);
  if (!/^[0-9a-f]{8}$/.test(print)) return undefined;
  return { key: tag.slice(UNIT_TAG_PREFIX.length, at), fingerprint: print };
}
