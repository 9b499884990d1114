import type { Activity } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { Logger } from '../src/host';
import { errorResponse } from './invoke';
import { languageOf, translator } from './i18n';

/**
 * Who acts comes only from what Teams vouches for. A valid Bot Framework token proves the activity came through
 * the Bot Connector, not that its `from` is who it claims: Direct Line, Web Chat and other channels let the
 * sender set `from.id`, and a token is valid for any tenant. So the bot acts only on activities of the Teams
 * channel (`msteams`) that carry the person's Entra object id (`from.aadObjectId`, which Teams fills in) and,
 * when a tenant is configured, come from that tenant. Anything else gets a polite refusal and changes nothing.
 */

export type IdentityProblem = 'channel' | 'person' | 'tenant';

/** The tenant an activity comes from, as Teams states it (channel data first, as the Bot Framework does). */
export function tenantOf(activity: Pick<Activity, 'channelData' | 'conversation'>): string | undefined {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return channelData.tenant?.id ?? activity.conversation?.tenantId;
}

/** Why Teams does not vouch for the activity's sender, or undefined when it does. */
export function identityProblem(
  activity: Pick<Activity, 'channelId' | 'from' | 'channelData' | 'conversation'>,
  tenantId: string | undefined,
): IdentityProblem | undefined {
  if (activity.channelId !== 'msteams') return 'channel';
  if (!activity.from?.aadObjectId) return 'person';
  if (tenantId && tenantOf(activity)?.toLowerCase() !== tenantId.toLowerCase()) return 'tenant';
  return undefined;
}

/**
 * Puts the check in front of every route of the bot (messages, card buttons, conversation updates): a refused
 * message gets a reply saying why, a refused button an error the card shows, an update is ignored.
 */
export function requireTeamsIdentity(app: App, tenantId: string | undefined, logger: Logger): void {
  app.use(async (ctx) => {
    const problem = identityProblem(ctx.activity, tenantId);
    if (!problem) return ctx.next();
    logger.warn(`bot: refused a ${ctx.activity.type} activity (${problem}) from channel ${String(ctx.activity.channelId).slice(0, 40)}`);
    const t = translator(languageOf(ctx.activity.locale));
    const text = t(`identity.${problem}`);
    // what a card button's route answers, wrapped as the SDK wraps a route's answer
    if (ctx.activity.type === 'invoke') return { status: 200, body: errorResponse(403, 'identity_not_vouched', text) };
    if (ctx.activity.type === 'message') await ctx.send({ type: 'message', text });
    return undefined;
  });
}
