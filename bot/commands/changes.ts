import type { CardElement } from '@microsoft/teams.cards';
import type { Language } from '../../src/domain';
import { plural, translate } from '../../src/i18n';
import type { Changes } from '../../src/changes';
import { CHANGE_KINDS, changeItemRuns, changeKindHeading } from '../../src/changes';
import { ChangesService } from '../../src/changes';
import { card, finish, openUrl, text, title, withActions, type CardJson } from '../cards';
import type { LinkContext } from '../cards';
import { plain } from '../cards';
import type { Translate } from '../i18n';
import { defineCommand } from './command';
import { parsed, refused } from './parse';
import { browserTabUrl, teamsDeepLink } from '../../src/domain';

/** How many changes of each kind the card shows before "… and 4 more" (the tab shows them all). */
const FIRST_ITEMS = 3;

export interface ChangesArgs {
  to: number;
  from: number;
}

/** The tab's "what changed" view for the two years: in Teams the personal tab's deep link, else the local tab. */
export function changesLink(links: LinkContext, years: ChangesArgs, label: string): string {
  const target = { view: 'changes', to: years.to, from: years.from } as const;
  return links.inTeams ? teamsDeepLink(links.teamsAppId, links.publicUrl, target, label) : browserTabUrl(links.publicUrl, target);
}

/** The answer: per kind of change its count and first items (texts from people escaped), and a button to the tab's view. */
export function changesCard(changes: Changes, input: { language: Language; t: Translate; links: LinkContext }): CardJson {
  const { language, t } = input;
  const heading = translate(language, 'import.changes.heading', { from: changes.from, to: changes.to });
  const body: CardElement[] = [title(heading)];
  if (changes.toIsOpen) body.push(text(t('changes.openYear', { year: changes.to }), { isSubtle: true, size: 'Small' }));
  if (changes.changes.length === 0) body.push(text(translate(language, 'import.changes.none')));
  for (const kind of CHANGE_KINDS) {
    const items = changes.changes.filter((c) => c.kind === kind);
    if (items.length === 0) continue;
    body.push(text(changeKindHeading(kind, items.length, language), { weight: 'Bolder', spacing: 'Medium' }));
    const lines = items.slice(0, FIRST_ITEMS).map(
      (c) =>
        `- ${plain(
          changeItemRuns(c, language)
            .map((r) => r.text)
            .join(''),
          300,
        )}`,
    );
    if (items.length > FIRST_ITEMS) lines.push(plural(language, 'bot.changes.more', items.length - FIRST_ITEMS));
    body.push(text(lines.join('\n'), { spacing: 'Small' }));
  }
  return finish(withActions(card(...body), openUrl(t('entry.open'), changesLink(input.links, changes, heading))));
}

function year(word: string): number | undefined {
  const n = /^\d{4}$/.test(word) ? Number(word) : NaN;
  return n >= 2000 && n <= 2100 ? n : undefined;
}

/** "changes 2026" (since 2025) or "changes 2026 2023": what changed between two report years. */
export const command = defineCommand<ChangesArgs>({
  name: 'changes',
  order: 50,
  aliases: { en: ['changes', 'what changed'], nl: ['wijzigingen', 'veranderingen'], fr: ['changements', 'modifications'] },
  help: 'help.changes',
  parse(rest, alias) {
    const words = rest.split(' ').filter(Boolean);
    if (words.length === 0) return refused('error.changesNoYear', { command: alias });
    const bad = words.slice(0, 2).find((w) => year(w) === undefined) ?? words[2];
    if (bad !== undefined) return refused('error.changesBadYear', { word: bad.slice(0, 40), command: alias });
    const to = year(words[0])!;
    const from = words[1] ? year(words[1])! : to - 1;
    if (from >= to) return refused('error.changesOrder', { from: String(from), to: String(to) });
    return parsed({ to, from });
  },
  async run(turn, years, bot) {
    const changes = await new ChangesService(bot.register).between(years.from, years.to);
    await turn.send(changesCard(changes, { language: turn.language, t: turn.t, links: bot.links }));
  },
});
