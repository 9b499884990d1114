import type { Request, RequestHandler } from 'express';
import { translate } from '../i18n';
import type { Logger } from '../host';
import { callerLanguage } from './api';

/** Methods that read: a page of another site may make the browser send them, but they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a state-changing request came from a page of another origin, or undefined when it did not. */
export function crossSiteReason(req: Pick<Request, 'method' | 'protocol' | 'get'>): string | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  // the browser's own word: same-origin, or typed by the person ('none'); same-site pages are other origins too
  const site = req.get('sec-fetch-site')?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site.slice(0, 40)}`;
  const origin = req.get('origin');
  if (origin === undefined) return undefined;
  const own = `${req.protocol}://${req.get('host') ?? ''}`.toLowerCase();
  return origin.toLowerCase() === own ? undefined : `Origin: ${origin.slice(0, 100)}`;
}

/**
 * Local mode treats every caller as the local administrator and has no sign-in to tie a request to a page, so
 * any page open in the person's browser could make it post to the server (another app on another loopback port,
 * a site whose script targets localhost). Every state-changing request whose browser says it came from another
 * origin (Sec-Fetch-Site, or an Origin that is not the server's own) is refused with 403 before anything runs;
 * requests without either header come from programs, not pages, and a page cannot leave them out.
 */
export function sameOriginOnly(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const reason = crossSiteReason(req);
    if (!reason) return next();
    logger.warn(`local mode refused ${req.method} ${req.path}: from another origin (${reason})`);
    res.status(403).json({ error: { code: 'cross_origin_refused', message: translate(callerLanguage(req), 'errors.forbidden_cross_origin', { reason }) } });
  };
}
