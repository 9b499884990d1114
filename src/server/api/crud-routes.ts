import type { z } from 'zod';
import { type Capability, requireCapability } from '../../domain';
import { type RecordService, validate } from '../../register';
import type { CollectionName } from '../../store';
import { callerOf } from '../auth';
import { assertSameRequest, requestKeyOf } from './idempotency';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route, type Tag } from './route';
import { changesOf, items, record } from './schemas';

/** Whether a request body names a field (an edit that sets decisions or a channel needs more than editing). */
export function hasField(body: unknown, field: string): boolean {
  return typeof body === 'object' && body !== null && Object.prototype.hasOwnProperty.call(body, field);
}

/** GET one, POST (Idempotency-Key), PATCH and DELETE (If-Match) of a plain collection; its list only when `list`. */
export function crud<K extends CollectionName>(
  path: string,
  tag: Tag,
  noun: string,
  schema: z.ZodTypeAny,
  service: RecordService<K>,
  options: {
    list?: boolean;
    edit?: ApiRoute['access'];
    remove?: ApiRoute['access'];
    /** what a create (stored undefined) or a change asks of its writer, judged on the stored record too */
    changeAccess?: (stored: unknown, changes: unknown) => Capability;
  } = {},
): ApiRoute[] {
  const { changeAccess } = options;
  const edit = options.edit ?? (changeAccess ? (req: { body?: unknown }) => changeAccess(undefined, req.body) : 'edit');
  return [
    ...(options.list === false
      ? []
      : [
          route({
            method: 'get',
            path,
            tag,
            summary: `All ${noun}s`,
            access: 'read',
            answer: items(record(schema)),
            handle: async (_req, res) => res.json({ items: await service.list() }),
          }),
        ]),
    route({
      method: 'post',
      path,
      tag,
      summary: `Create a ${noun}`,
      access: edit,
      body: schema,
      answer: record(schema),
      created: true,
      idempotent: true,
      handle: async (req, res) => {
        const { record: created, created: isNew } = await service.createOnce(req.body, requestKeyOf(req));
        if (!isNew) assertSameRequest(req.body, validate(schema, req.body), created);
        res.status(isNew ? 201 : 200).json(created);
      },
    }),
    route({
      method: 'get',
      path: `${path}/:id`,
      tag,
      summary: `One ${noun}`,
      access: 'read',
      answer: record(schema),
      handle: async (req, res) => res.json(await service.get(req.params.id as string)),
    }),
    route({
      method: 'patch',
      path: `${path}/:id`,
      tag,
      summary: `Change a ${noun} (only the fields given)`,
      access: edit,
      body: changesOf(schema),
      answer: record(schema),
      ifMatch: 'required',
      handle: async (req, res) => {
        const id = req.params.id as string;
        if (changeAccess) requireCapability(callerOf(req).roles, changeAccess(await service.get(id), req.body));
        res.json(await service.update(id, req.body, ifMatchOf(req)));
      },
    }),
    route({
      method: 'delete',
      path: `${path}/:id`,
      tag,
      summary: `Delete a ${noun}`,
      access: options.remove ?? 'delete',
      body: 'none',
      ifMatch: 'required',
      handle: async (req, res) => {
        await service.remove(req.params.id as string, ifMatchOf(req));
        res.status(204).end();
      },
    }),
  ];
}
