/**
 * What a person typed, echoed back by the bot (an unknown command, a search that found nothing, a name), is
 * shown as the text it is, never as a link: Teams renders markdown in messages and Adaptive Cards, and links
 * bare web addresses. A zero-width space breaks exactly the patterns that would become links — `](` of a
 * markdown link or image, `://` of an address, `www.` — and the text still reads (and copies) the same.
 */
const ZERO_WIDTH_SPACE = '\u200b';

export function asPlainText(value: string): string {
  return value
    .replace(/\](\s*)\(/g, `]${ZERO_WIDTH_SPACE}$1(`)
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1${ZERO_WIDTH_SPACE}://`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/** Every text among a message's parameters made plain; numbers stay numbers. */
export function plainParams(params: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? asPlainText(value) : value]));
}
