import { Router } from 'express';
import { capabilitiesOf, highestRole } from '../../register/authorization';
import { callerOf } from '../auth';

/**
 * GET /api/me: who the caller is, their register roles and what they may do. The tab, the bot and the add-in
 * hide or disable what `capabilities` says is not theirs; the API refuses it anyway.
 */
export function meRoutes(): Router {
  const router = Router();
  router.get('/me', (req, res) => {
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
  });
  return router;
}
