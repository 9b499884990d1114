import express, { type Request, type RequestHandler, Router } from 'express';
import { type Capability, requireCapability } from '../../domain';
import { validate } from '../../register';
import { callerOf } from '../auth';
import { ifMatchOf, PreconditionRequiredError } from './preconditions';
import type { Access, ApiRoute } from './route';

/** The capability a request needs for a route: fixed, or decided from the request. */
export function capabilityOf(access: Access, req: Request): Capability | undefined {
  if (access === 'public' || access === 'signedIn') return undefined;
  return typeof access === 'function' ? access(req) : access;
}

/**
 * Each route's chain, in the order a caller is answered: 403 without the role (before anything is read), 428
 * without a required eTag, the file body, 400 for a query its schema refuses, then the handler.
 */
function chainOf(route: ApiRoute): RequestHandler[] {
  const chain: RequestHandler[] = [
    (req, _res, next) => {
      const capability = capabilityOf(route.access, req);
      if (capability) requireCapability(callerOf(req).roles, capability);
      if (route.ifMatch === 'required' && !ifMatchOf(req)) throw new PreconditionRequiredError();
      next();
    },
  ];
  if (route.rawBodyLimit !== undefined) chain.push(express.raw({ type: () => true, limit: route.rawBodyLimit }));
  chain.push(async (req, res) => {
    const query = route.query ? validate(route.query, req.query) : {};
    await route.handle!(req, res, { query });
  });
  return chain;
}

/** The routes a router serves: those with a handler and the given access (public ones or the signed-in API's). */
export function routerOf(routes: readonly ApiRoute[], which: 'public' | 'signedIn'): Router {
  const router = Router();
  for (const r of routes) {
    if (!r.handle || (r.access === 'public') !== (which === 'public')) continue;
    router[r.method](r.path, ...chainOf(r));
    if (r.errors) router.use(r.path, r.errors);
  }
  return router;
}
