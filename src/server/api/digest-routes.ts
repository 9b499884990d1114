import type { DigestPlan } from '../../register';
import type { Register } from '../../register';
import { type ApiRoute, route } from './route';
import { free } from './schemas';

/** A digest plan as a script or the tab reads it: who would get what, in which language, and the actions named. */
function planAnswer(plan: DigestPlan, bot: boolean) {
  return {
    today: plan.today,
    // without the bot running on this server, nothing can be sent (digests go through Teams)
    bot,
    unreachable: plan.unreachable,
    messages: plan.messages.map((m) => ({
      ...(m.to === 'owner' ? { to: 'owner' as const, owner: m.owner } : { to: 'channel' as const, focusGroupId: m.group.id, focusGroupName: m.group.name }),
      language: m.language,
      actionIds: m.digest.lines.map((l) => l.actionId),
      overdue: m.digest.lines.filter((l) => l.overdue).length,
    })),
  };
}

/** The weekly action digest for a secretary: what it would send now, and sending it at once (once per recipient and Brussels day). */
export function digestRoutes(register: Register): ApiRoute[] {
  const { digests } = register;
  return [
    route({
      method: 'get',
      path: '/digests/preview',
      tag: 'settings',
      summary: 'What the weekly action digest would send now (nothing is sent)',
      access: 'digests',
      answer: free,
      handle: async (_req, res) => res.json(planAnswer(await digests.preview(), Boolean(digests.sender))),
    }),
    route({
      method: 'post',
      path: '/digests/send',
      tag: 'settings',
      summary: 'Send the weekly action digest now, whatever the schedule: each message at most once per recipient and Brussels day',
      access: 'digests',
      body: 'none',
      answer: free,
      handle: async (_req, res) => res.json({ bot: Boolean(digests.sender), ...(await digests.sendNow()) }),
    }),
  ];
}
