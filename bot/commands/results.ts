import type { Poll } from '../../src/domain';
import { NotFoundError } from '../../src/store';
import type { Stored } from '../../src/store';
import { helpCard } from '../cards';
import { baseConversationId } from '../turn';
import { defineCommand } from './command';
import { numberId, parsed, refused } from './parse';

/** "results [12]": a poll's results (the latest poll of this conversation without a number). */
export const command = defineCommand<{ pollId?: string }>({
  name: 'results',
  order: 40,
  aliases: { en: ['results', 'result'], nl: ['resultaten', 'uitslag'], fr: ['resultats', 'resultat'] },
  help: 'help.results',
  parse(rest, alias) {
    const text = rest.trim();
    if (!text) return parsed({});
    const id = numberId(text);
    return id ? parsed({ pollId: id }) : refused('error.badArgument', { word: text, command: alias });
  },
  async run(turn, { pollId }, bot) {
    const { t } = turn;
    const lines = bot.commands.helpLines(t);
    let poll: Stored<Poll> | undefined;
    if (pollId) {
      poll = await bot.register.polls.get(pollId).catch((e) => (e instanceof NotFoundError ? undefined : Promise.reject(e)));
      if (!poll) return void (await turn.send(helpCard(t, lines, t('error.pollNotFound', { id: pollId }))));
    } else {
      const here = baseConversationId(turn.conversationId);
      poll = (await bot.register.polls.list()).filter((p) => p.message && baseConversationId(p.message.conversationId) === here).pop();
      if (!poll) return void (await turn.send(helpCard(t, lines, t('error.noPollHere'))));
    }
    await turn.send(await bot.cards.results(poll, turn.language));
  },
});
