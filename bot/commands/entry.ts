import type { CardJson } from '../cards';
import { ENTRY_PAGE_VERB, ENTRY_SHOW_VERB, entryCard, entryListCard } from '../cards';
import { helpCard } from '../cards';
import type { BotContext } from '../context';
import type { Turn } from '../turn';
import { defineCommand } from './command';
import { numberId, parsed, refused } from './parse';

async function entryCardOf(turn: Turn, bot: BotContext, id: string): Promise<CardJson> {
  const { register } = bot;
  const entry = await register.entries.get(id);
  const openActions = await register.actions.query({ entryId: id, open: true });
  const focusGroup = entry.focusGroupId ? await register.botRecords.focusGroup(entry.focusGroupId) : undefined;
  return entryCard({
    entry,
    openActions,
    focusGroup,
    language: turn.language,
    t: turn.t,
    links: bot.links,
    defaultLanguage: bot.register.polls.defaultLanguage,
  });
}

async function search(turn: Turn, bot: BotContext, text: string, page: number): Promise<CardJson> {
  const matches = await bot.register.entries.list({ text });
  if (matches.length === 0) return helpCard(turn.t, bot.commands.helpLines(turn.t), turn.t('error.noEntryMatch', { text }));
  if (matches.length === 1) return entryCardOf(turn, bot, matches[0].id);
  return entryListCard({ entries: matches, query: text, page, language: turn.language, t: turn.t, links: bot.links }).card;
}

/** "entry 12" or "entry ‹words›": an entry's card, or the entries matching the words. */
export const command = defineCommand<{ id: string } | { text: string }>({
  name: 'entry',
  order: 20,
  aliases: { en: ['entry'], nl: ['fiche', 'maatregel'], fr: ['fiche', 'entree', 'mesure'] },
  help: 'help.entry',
  parse(rest) {
    const text = rest.trim();
    if (!text) return refused('error.missingEntry');
    const id = numberId(text);
    return parsed(id ? { id } : { text });
  },
  async run(turn, args, bot) {
    if ('text' in args) {
      await turn.send(await search(turn, bot, args.text, 1));
      return;
    }
    if (!(await bot.register.botRecords.entry(args.id))) {
      await turn.send(helpCard(turn.t, bot.commands.helpLines(turn.t), turn.t('error.entryNotFound', { id: args.id })));
      return;
    }
    await turn.send(await entryCardOf(turn, bot, args.id));
  },
  actions: {
    async [ENTRY_SHOW_VERB](turn, data, bot) {
      const id = typeof data.entryId === 'string' ? data.entryId : undefined;
      if (!id) return { error: { status: 400, code: 'bad_request', message: 'entryId is missing' } };
      return { card: await entryCardOf(turn, bot, id) };
    },
    async [ENTRY_PAGE_VERB](turn, data, bot) {
      return { card: await search(turn, bot, typeof data.query === 'string' ? data.query : '', Math.max(1, Number(data.page) || 1)) };
    },
  },
});
