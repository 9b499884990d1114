import { DIGEST_SEND_VERB, digestPreviewCard } from '../cards';
import { defineCommand } from './command';
import { parsed, refused } from './parse';

/**
 * "digest": for a secretary, what the weekly action digest would send now, with "Send now". Sending now
 * delivers each message at most once per recipient and day, whatever the weekly schedule.
 */
export const command = defineCommand<Record<string, never>>({
  name: 'digest',
  order: 60,
  aliases: { en: ['digest'], nl: ['overzicht', 'wekelijks overzicht'], fr: ['recapitulatif'] },
  help: 'help.digest',
  parse: (rest, alias) => (rest.trim() ? refused('error.badArgument', { word: rest.trim().split(' ')[0], command: alias }) : parsed({})),
  needs: 'digests',
  async run(turn, _args, bot) {
    await turn.send(digestPreviewCard({ plan: await bot.register.digests.preview(), t: turn.t, language: turn.language }));
  },
  actions: {
    async [DIGEST_SEND_VERB](turn, _data, bot) {
      const run = await bot.register.digests.sendNow();
      return { card: digestPreviewCard({ plan: await bot.register.digests.preview(), t: turn.t, language: turn.language, run }) };
    },
  },
  actionNeeds: { [DIGEST_SEND_VERB]: 'digests' },
});
