import type { Register } from '../src/register';
import type { Surface } from '../src/host';
import { BotRuntime, type BotSurfaceOptions } from './runtime';

export type { BotSurfaceOptions } from './runtime';

/**
 * The Teams bot surface: POST /api/messages (Teams SDK, mounted on the app's own Express server). Polls
 * are the register's (their API is src/server/api/poll-routes.ts); the bot publishes their cards. One
 * runtime per running server (keyed by its register).
 */
export function createBotSurface(options: BotSurfaceOptions = {}): Surface & { runtimeOf(register: Register): BotRuntime | undefined } {
  const runtimes = new Map<Register, BotRuntime>();
  return {
    name: 'bot',
    runtimeOf: (register) => runtimes.get(register),
    timetableEveryMs: options.sweepIntervalMs,
    ports: ({ register }) => runtimes.get(register)?.ports(),

    async mountBeforeApi(app, deps) {
      const bot = new BotRuntime(deps, app, options);
      runtimes.set(deps.register, bot);
      await bot.start();
    },

    urls: ({ config }) => ({
      'Bot endpoint (Bot Framework activities)': `${config.publicUrl}/api/messages`,
      'Chat with the bot locally': 'npm run playground (Microsoft 365 Agents Playground)',
    }),

    async close() {
      const all = [...runtimes.values()];
      runtimes.clear();
      await Promise.all(all.map((r) => r.close()));
    },
  };
}

/** The bot as the server mounts it by default. */
export const botSurface: Surface = createBotSurface();
