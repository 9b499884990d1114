import { Router } from 'express';
import { RESTORE_DAYS } from '../../domain/entry-versions';
import { EntryRestore } from '../../register/entry-restore';
import type { Register } from '../../register/register-service';
import { callerOf } from '../auth';
import { ifMatchOf, PreconditionRequiredError } from './preconditions';

/**
 * An entry's versions and their restore; deleted entries and theirs (route policy: a version back is an edit,
 * a deleted entry back is a secretary's `restore`).
 */
export function restoreRoutes(register: Register): Router {
  const restore = new EntryRestore(register.store, register.entries, register.clock);
  const router = Router();
  router.get('/entries/:id/versions', async (req, res) => {
    res.json({ items: await restore.versions(req.params.id) });
  });
  router.post('/entries/:id/versions/:eventId/restore', async (req, res) => {
    const ifMatch = ifMatchOf(req);
    if (!ifMatch) throw new PreconditionRequiredError();
    const { entry } = await restore.restoreVersion(req.params.id, req.params.eventId, callerOf(req), ifMatch);
    res.json(entry);
  });
  router.get('/deleted-entries', async (_req, res) => {
    res.json({ restoreDays: RESTORE_DAYS, items: await restore.deleted() });
  });
  router.post('/entries/:id/restore', async (req, res) => {
    // 201 with the restored entry (a new id); 200 with it when this deletion was restored before
    const { entry, changed } = await restore.restoreDeleted(req.params.id, callerOf(req));
    res.status(changed ? 201 : 200).json(entry);
  });
  return router;
}
