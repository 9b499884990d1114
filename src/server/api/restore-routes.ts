import { RESTORE_DAYS } from '../../domain';
import { EntryRestore } from '../../register';
import type { Register } from '../../register';
import { callerOf } from '../auth';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route } from './route';
import { free, items, named, record } from './schemas';

/**
 * An entry's versions and their restore; deleted entries and theirs. An earlier version back is an edit like
 * any other (an editor could type it in); a deleted entry back is the secretary's `restore`.
 */
export function restoreRoutes(register: Register): ApiRoute[] {
  const restore = new EntryRestore(register.store, register.entries, register.clock);
  return [
    route({
      method: 'get',
      path: '/entries/:id/versions',
      tag: 'entries',
      summary: "A measure's versions, each restorable",
      access: 'read',
      answer: items(free),
      handle: async (req, res) => res.json({ items: await restore.versions(req.params.id as string) }),
    }),
    route({
      method: 'post',
      path: '/entries/:id/versions/:eventId/restore',
      tag: 'entries',
      summary: 'Restore a version as the new one',
      access: 'edit',
      body: 'none',
      answer: record(named.entry),
      ifMatch: 'required',
      handle: async (req, res) => {
        const { entry } = await restore.restoreVersion(req.params.id as string, req.params.eventId as string, callerOf(req), ifMatchOf(req)!);
        res.json(entry);
      },
    }),
    route({
      method: 'get',
      path: '/deleted-entries',
      tag: 'entries',
      summary: 'Deleted measures that can still be restored',
      access: 'read',
      answer: free,
      handle: async (_req, res) => res.json({ restoreDays: RESTORE_DAYS, items: await restore.deleted() }),
    }),
    route({
      method: 'post',
      path: '/entries/:id/restore',
      tag: 'entries',
      summary: 'Restore a deleted measure (under a new id)',
      access: 'restore',
      body: 'none',
      answer: record(named.entry),
      created: true,
      handle: async (req, res) => {
        // 201 with the restored entry (a new id); 200 with it when this deletion was restored before
        const { entry, changed } = await restore.restoreDeleted(req.params.id as string, callerOf(req));
        res.status(changed ? 201 : 200).json(entry);
      },
    }),
  ];
}
