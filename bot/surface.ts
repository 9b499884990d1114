import express from 'express';
import { z } from 'zod';
import { type Register, validate } from '../src/register/register-service';
import { ForbiddenError } from '../src/register/poll-service';
import { callerOf } from '../src/server/auth';
import { apiRequestKey } from '../src/server/api/idempotency';
import type { Surface, SurfaceDeps } from '../src/server/surface';
import { BotRuntime, type BotSurfaceOptions } from './bot-runtime';

export type { BotSurfaceOptions } from './bot-runtime';

const listQuery = z
  .object({
    focusGroupId: z.string().max(40).optional(),
    entryId: z.string().max(40).optional(),
    status: z.enum(['open', 'closed']).optional(),
  })
  .strict();

/** Options may come as labels or as {label} objects (the shape GET returns). */
function normaliseOptions(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.options)) return body;
  return { ...b, options: b.options.map((o) => (o && typeof o === 'object' && 'label' in o ? (o as { label: unknown }).label : o)) };
}

export { apiRequestKey } from '../src/server/api/idempotency';

/**
 * The Teams bot surface: POST /api/messages (Teams SDK, mounted on the app's own Express server) and
 * the poll API under /api/polls. One runtime per running server (keyed by its register).
 */
export function createBotSurface(options: BotSurfaceOptions = {}): Surface & { runtimeOf(register: Register): BotRuntime | undefined } {
  const runtimes = new Map<Register, BotRuntime>();
  const runtime = (deps: SurfaceDeps) => {
    const found = runtimes.get(deps.register);
    if (!found) throw new Error('the bot surface was not mounted');
    return found;
  };
  return {
    name: 'bot',
    runtimeOf: (register) => runtimes.get(register),

    async mountBeforeApi(app, deps) {
      const bot = new BotRuntime(deps, app, options);
      runtimes.set(deps.register, bot);
      await bot.start();
    },

    mountApi(api, deps) {
      const router = express.Router();
      router.post('/polls', async (req, res) => {
        const caller = callerOf(req);
        const requestKey = apiRequestKey(req.get('Idempotency-Key'), caller.id);
        const by = { id: caller.id, name: caller.name, ...(caller.email ? { email: caller.email } : {}) };
        const { poll, posted, created } = await runtime(deps).createAndPost(normaliseOptions(req.body), by, requestKey);
        // 201 for a new poll; 200 with the poll a previous request of the same Idempotency-Key created.
        res.status(created ? 201 : 200).json({ ...poll, posted });
      });
      router.get('/polls', async (req, res) => {
        res.json({ items: await runtime(deps).polls.list(validate(listQuery, req.query)) });
      });
      router.get('/polls/:id', async (req, res) => {
        const { poll, tally } = await runtime(deps).polls.tally(req.params.id);
        res.json({ ...poll, tally });
      });
      router.post('/polls/:id/close', async (req, res) => {
        const caller = callerOf(req);
        try {
          const result = await runtime(deps).polls.close(req.params.id, { ids: [caller.id] });
          res.json({ ...result.poll, tally: result.tally, outcome: result.outcome });
        } catch (error) {
          if (!(error instanceof ForbiddenError)) throw error;
          res.status(403).json({ error: { code: 'forbidden', message: error.message } });
        }
      });
      api.use(router);
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
