import { todayOf } from '../../src/register';
import type { DomainCode } from '../../src/domain';
import { fold } from '../../src/domain';
import { ConflictError } from '../../src/store';
import { ACTIONS_DONE_VERB, ACTIONS_PAGE_VERB, actionsCard, type ActionsCardInput, type ActionsFilterData } from '../cards';
import type { CardJson } from '../cards';
import { localizedMarked } from '../cards';
import type { BotContext } from '../context';
import type { Turn } from '../turn';
import { type CardActionHandler, defineCommand } from './command';
import { matchDomain, parsed, refused, takePhrases } from './parse';

const OVERDUE_WORDS = ['overdue', 'late', 'achterstallig', 'te laat', 'en retard', 'retard'];
const MINE_WORDS = ['mine', 'my', 'mijn', 'mijn acties', 'les miennes', 'miennes', 'mes actions', 'moi'];
const OPEN_WORDS = ['open', 'ouvertes'];
const ACTIONS_PER_PAGE = 10;

async function actionsPage(turn: Turn, bot: BotContext, filter: ActionsFilterData, page: number, notice?: ActionsCardInput['notice']): Promise<CardJson> {
  const { register } = bot;
  const owner = filter.mine ? { id: turn.user.id, name: turn.user.name } : undefined;
  const actions = await register.actions.query({
    open: true,
    overdue: filter.overdue,
    ...(filter.domain ? { domain: filter.domain } : {}),
    ...(owner ? { owner } : {}),
  });
  // titles only for the actions up to this page (a card shows at most ten), each from the read cache when it has it
  const wanted = new Set(
    actions
      .slice(0, page * ACTIONS_PER_PAGE)
      .map((a) => a.entryId)
      .filter((id): id is string => Boolean(id)),
  );
  const entries = await Promise.all([...wanted].map((id) => register.botRecords.entry(id, { cached: true })));
  const entryTitles = new Map(entries.filter((e) => e !== undefined).map((e) => [e.id, localizedMarked(e.title, turn.language, turn.t)]));
  const defaultLanguage = register.polls.defaultLanguage;
  return actionsCard({
    actions,
    entryTitles,
    filter,
    page,
    pageSize: ACTIONS_PER_PAGE,
    today: todayOf(register.clock),
    language: turn.language,
    t: turn.t,
    links: bot.links,
    defaultLanguage,
    ...(notice ? { notice } : {}),
  }).card;
}

function filterOf(data: Record<string, unknown>): ActionsFilterData {
  const domain = typeof data.domain === 'string' ? matchDomain(data.domain) : undefined;
  return { overdue: data.overdue === true, mine: data.mine === true, ...(domain ? { domain } : {}) };
}

/**
 * "Mark done" on the open-actions card or a digest: the action is done today (Brussels), with the eTag the
 * card was drawn from when it has one, so a change made since is not overwritten unseen. The answer is the
 * list again, with a line saying what happened.
 */
const markDone: CardActionHandler = async (turn, data, bot) => {
  const id = typeof data.actionId === 'string' || typeof data.actionId === 'number' ? String(data.actionId) : '';
  if (!id) return { error: { status: 400, code: 'bad_request', message: 'actionId is missing' } };
  const page = Math.max(1, Number(data.page) || 1);
  const filter = filterOf(data);
  const current = await bot.register.actions.get(id);
  // (the card neutralises markdown in the notice it prints)
  const title = current.title.slice(0, 200);
  if (current.status === 'done') return { card: await actionsPage(turn, bot, filter, page, { text: turn.t('actions.alreadyDone', { title }), color: 'Good' }) };
  try {
    await bot.register.actions.markDone(id, typeof data.etag === 'string' ? data.etag : undefined);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return { card: await actionsPage(turn, bot, filter, page, { text: turn.t('actions.changed', { title }), color: 'Attention' }) };
  }
  return { card: await actionsPage(turn, bot, filter, page, { text: turn.t('actions.markedDone', { title }), color: 'Good' }) };
};

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
      return { card: await actionsPage(turn, bot, filterOf(data), Math.max(1, Number(data.page) || 1)) };
    },
    [ACTIONS_DONE_VERB]: markDone,
  },
  // marking done changes the register: the API's rule for it (POST /actions/{id}/done) is 'edit'
  actionNeeds: { [ACTIONS_DONE_VERB]: 'edit' },
});
