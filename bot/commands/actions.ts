import { todayOf } from '../../src/register/register-service';
import type { DomainCode } from '../../src/domain/vocabulary';
import { fold } from '../../src/domain/queries';
import { ACTIONS_PAGE_VERB, actionsCard, type ActionsFilterData } from '../cards/actions-card';
import type { CardJson } from '../cards/common';
import { localized } from '../cards/text';
import type { BotContext } from '../context';
import type { Turn } from '../turn';
import { defineCommand } from './command';
import { matchDomain, parsed, refused, takePhrases } from './parse';

const OVERDUE_WORDS = ['overdue', 'late', 'achterstallig', 'te laat', 'en retard', 'retard'];
const MINE_WORDS = ['mine', 'my', 'mijn', 'mijn acties', 'les miennes', 'miennes', 'mes actions', 'moi'];
const OPEN_WORDS = ['open', 'ouvertes'];

async function actionsPage(turn: Turn, bot: BotContext, filter: ActionsFilterData, page: number): Promise<CardJson> {
  const { register } = bot;
  const owner = filter.mine ? { id: turn.user.id, name: turn.user.name } : undefined;
  const actions = await register.actions.query({ open: true, overdue: filter.overdue, ...(filter.domain ? { domain: filter.domain } : {}), ...(owner ? { owner } : {}) });
  const entryTitles = new Map<string, string>();
  const wanted = new Set(actions.map((a) => a.entryId).filter((id): id is string => Boolean(id)));
  if (wanted.size) for (const e of await register.store.entries.list()) if (wanted.has(e.id)) entryTitles.set(e.id, localized(e.title, turn.language));
  return actionsCard({ actions, entryTitles, filter, page, today: todayOf(register.clock), language: turn.language, t: turn.t, links: bot.links }).card;
}

/** "open actions [domain] [overdue] [mine]": open actions, a page at a time. */
export const command = defineCommand<ActionsFilterData>({
  name: 'actions',
  order: 10,
  aliases: { en: ['open actions', 'actions'], nl: ['open acties', 'acties'], fr: ['actions ouvertes'] },
  help: 'help.actions',
  parse(rest, alias) {
    const words = { rest: ` ${fold(rest)} ` };
    const overdue = takePhrases(words, OVERDUE_WORDS);
    const mine = takePhrases(words, MINE_WORDS);
    takePhrases(words, OPEN_WORDS);
    let domain: DomainCode | undefined;
    for (const word of words.rest.split(' ').filter(Boolean)) {
      const d = matchDomain(word);
      if (d && !domain) domain = d;
      else return refused('error.badArgument', { word, command: alias });
    }
    return parsed({ overdue, mine, ...(domain ? { domain } : {}) });
  },
  async run(turn, filter, bot) {
    await turn.send(await actionsPage(turn, bot, filter, 1));
  },
  actions: {
    async [ACTIONS_PAGE_VERB](turn, data, bot) {
      const domain = typeof data.domain === 'string' ? matchDomain(data.domain) : undefined;
      const filter: ActionsFilterData = { overdue: data.overdue === true, mine: data.mine === true, ...(domain ? { domain } : {}) };
      return { card: await actionsPage(turn, bot, filter, Math.max(1, Number(data.page) || 1)) };
    },
  },
});
