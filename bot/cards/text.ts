import type { LocalizedText } from '../../src/domain';
import type { Language } from '../../src/domain';
import type { LinkContext } from './links';
import { browserTabUrl, parseDeepLink, type TabTarget, teamsDeepLink } from '../../src/domain';
import { LANGUAGES } from '../../src/domain';

/** Teams renders Adaptive Cards up to schema 1.5. */
export const CARD_VERSION = '1.5';
/** Keep every card under Teams' message size limit (28 KB), with room for the activity envelope. */
export const MAX_CARD_BYTES = 28 * 1024;
export const CARD_BUDGET_BYTES = 26 * 1024;

/**
 * Text from people (titles, questions, names) goes into TextBlocks, which render a markdown subset:
 * neutralise it so that "[click](https://evil)" or "**" stays literal text and HTML-looking text
 * stays inert. Line breaks are kept as spaces.
 */
export function plain(text: string | null | undefined, max = 2000): string {
  const flat = (text ?? '').replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut
    .replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+)(\.?)(\s)/, (whole, sp: string, mark: string, dot: string, ws: string) =>
      /^\d+$/.test(mark) ? (dot ? `${sp}${mark}\\.${ws}` : whole) : `${sp}\\${mark}${dot}${ws}`,
    );
}

/** The text in the reader's language, else the first one present (Brussels often writes French first). */
export function localized(text: LocalizedText | undefined, language: Language): string {
  if (!text) return '';
  return text[language]?.trim() || text.nl?.trim() || text.fr?.trim() || text.en?.trim() || '';
}

/** A text written in one language, read in another, says so: "Laptops kopen (en néerlandais)". */
export function markedIn(value: string, written: Language, reader: Language, t: (key: `text.in.${Language}`) => string): string {
  return written === reader || !value ? value : `${value} ${t(`text.in.${written}`)}`;
}

/** The text in the reader's language, or the first one present marked with its language. */
export function localizedMarked(text: LocalizedText | undefined, language: Language, t: (key: `text.in.${Language}`) => string): string {
  if (!text) return '';
  const own = text[language]?.trim();
  if (own) return own;
  const other = LANGUAGES.find((l) => text[l]?.trim());
  return other ? markedIn(text[other]!.trim(), other, language, t) : '';
}

export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Deep link to the register's personal tab, opened on one entry (or, with `subEntityId` "poll:3", a poll). */
export function entryDeepLink(teamsAppId: string, publicUrl: string, entryId: string, label: string, subEntityId = entryId): string {
  return teamsDeepLink(teamsAppId, publicUrl, parseDeepLink(subEntityId) ?? { view: 'entry', id: entryId }, label);
}

/** A link to an entry or a poll in the register: the Teams tab in Teams, the local tab in a browser otherwise. */
export function registerLink(links: LinkContext, target: { entryId: string } | { pollId: string }, label: string): string {
  const place: TabTarget = 'pollId' in target ? { view: 'poll', id: target.pollId } : { view: 'entry', id: target.entryId };
  return links.inTeams ? teamsDeepLink(links.teamsAppId, links.publicUrl, place, label) : browserTabUrl(links.publicUrl, place);
}
