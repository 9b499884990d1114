import { capabilitiesOf, highestRole } from '../../domain';
import { callerOf } from '../auth';
import { type ApiRoute, route } from './route';
import { free } from './schemas';

/**
 * GET /api/me: who the caller is, their register roles and what they may do. The tab, the bot and the add-in
 * hide or disable what `capabilities` says is not theirs; the API refuses it anyway. Open to every signed-in
 * caller, even one with no role of the register (so the tab can say which role to ask for).
 */
export function meRoutes(): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/me',
      tag: 'caller',
      summary: 'Who the caller is, their roles and what they may do',
      access: 'signedIn',
      answer: free,
      handle: (req, res) => {
        const caller = callerOf(req);
        res.json({
          id: caller.id,
          name: caller.name,
          ...(caller.email ? { email: caller.email } : {}),
          local: caller.local,
          kind: caller.kind,
          roles: caller.roles,
          role: highestRole(caller.roles) ?? null,
          capabilities: capabilitiesOf(caller.roles),
        });
      },
    }),
  ];
}
