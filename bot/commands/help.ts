import { helpCard } from '../cards';
import { defineCommand } from './command';
import { parsed } from './parse';

/** "help": what the bot understands, in the language of the word used. */
export const command = defineCommand<Record<string, never>>({
  name: 'help',
  order: 0,
  aliases: { en: ['help', '?'], nl: ['hulp', 'help'], fr: ['aide'] },
  help: 'help.help',
  needs: null,
  parse: () => parsed({}),
  async run(turn, _args, bot) {
    await turn.send(helpCard(turn.t, bot.commands.helpLines(turn.t)));
  },
});
