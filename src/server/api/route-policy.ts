import type { Request, RequestHandler } from 'express';
import { type Capability, capabilityToRecordDecision, requireCapability } from '../../register/authorization';
import { callerOf } from '../auth';

/**
 * What each route family of the API needs, checked before any route runs. Paths are relative to /api.
 * Reads need `read`; a write that no rule names needs `settings` (admin), so a new endpoint is closed
 * until someone decides who may use it.
 */
export interface RouteRule {
  /** the family's name, for tests and for the README */
  family: string;
  methods: readonly string[];
  path: RegExp;
  capability: Capability | ((req: Request) => Capability);
}

const ID = '[^/]+';
const p = (pattern: string) => new RegExp(`^${pattern.replace(/:id/g, ID)}/?$`);

function hasField(body: unknown, field: string): boolean {
  return typeof body === 'object' && body !== null && Object.prototype.hasOwnProperty.call(body, field);
}

export const ROUTE_RULES: readonly RouteRule[] = [
  {
    // decisions of a council body are the secretary's: not recordable by writing the whole list in an edit either
    family: 'entries: create, edit (with decisions: secretary)',
    methods: ['POST', 'PATCH'],
    path: p('/entries(/:id)?'),
    capability: (req) => (hasField(req.body, 'decisions') ? 'decide' : 'edit'),
  },
  { family: 'entries: delete', methods: ['DELETE'], path: p('/entries/:id'), capability: 'delete' },
  {
    family: 'entries: record a decision',
    methods: ['POST'],
    path: p('/entries/:id/decisions'),
    capability: (req) => capabilityToRecordDecision((req.body as { body?: string } | undefined)?.body),
  },
  // an earlier version back is an edit like any other (an editor could type it in); a deleted entry back is the secretary's
  { family: 'entries: restore a version', methods: ['POST'], path: p('/entries/:id/versions/:id/restore'), capability: 'edit' },
  { family: 'entries: restore a deleted entry', methods: ['POST'], path: p('/entries/:id/restore'), capability: 'restore' },
  { family: 'register: year roll-over', methods: ['POST'], path: p('/register/roll-over'), capability: 'rollOver' },
  { family: 'actions: create, edit, done, reopen', methods: ['POST', 'PATCH'], path: p('/actions(/:id)?(/(done|reopen))?'), capability: 'edit' },
  { family: 'meetings: create, edit', methods: ['POST', 'PATCH'], path: p('/meetings(/:id)?'), capability: 'edit' },
  {
    family: 'focus groups: create, edit (channel: admin)',
    methods: ['POST', 'PATCH'],
    path: p('/focus-groups(/:id)?'),
    capability: (req) => (hasField(req.body, 'channel') ? 'channels' : 'edit'),
  },
  { family: 'actions, meetings, focus groups: delete', methods: ['DELETE'], path: p('/(actions|meetings|focus-groups)/:id'), capability: 'delete' },
  { family: 'reports and templates', methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: p('/(reports|templates)(/.*)?'), capability: 'template' },
  { family: 'polls: vote', methods: ['POST', 'PUT'], path: p('/polls/:id/(vote|ballot)'), capability: 'vote' },
  { family: 'polls: start, close, remind, duplicate', methods: ['POST'], path: p('/polls(/:id/(close|reminders|duplicate))?'), capability: 'poll' },
  { family: 'imports', methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: p('/imports?(/.*)?'), capability: 'import' },
];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function capabilityFor(req: Request): Capability {
  if (READ_METHODS.has(req.method)) return 'read';
  const rule = ROUTE_RULES.find((r) => r.methods.includes(req.method) && r.path.test(req.path));
  if (!rule) return 'settings';
  return typeof rule.capability === 'function' ? rule.capability(req) : rule.capability;
}

/** Refuses (403, through the API's error handler) a caller whose roles lack what the route needs. /me is open to every signed-in caller. */
export function routePolicy(): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' && req.path === '/me') return next();
    requireCapability(callerOf(req).roles, capabilityFor(req));
    next();
  };
}
