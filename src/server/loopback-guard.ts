import type { RequestHandler } from 'express';
import { isLoopback } from '../host';
import type { Logger } from '../host';

/**
 * Headers a proxy or tunnel adds: a request carrying one came from beyond this machine. Every `X-Forwarded*`
 * (`-For`, `-Host`, `-Server`, `-Scheme`, `-Ssl`, `-Prefix`, `-Uri`, bare `X-Forwarded`…) and `Forwarded` counts,
 * with the client-address headers of common proxies and CDNs.
 */
const FORWARDING_HEADERS = ['x-original-host', 'x-original-url', 'x-real-ip', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip'];

/** The first forwarding header of a request, if any. */
export function forwardingHeaderOf(headers: Record<string, unknown>): string | undefined {
  return Object.keys(headers).find((name) => name === 'forwarded' || name.startsWith('x-forwarded') || FORWARDING_HEADERS.includes(name));
}

/** The host name of a Host header: `localhost:3978` → `localhost`, `[::1]:3978` → `::1`. */
export function hostNameOf(host: string | undefined): string {
  if (!host) return '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1];
  return host.replace(/:\d+$/, '').toLowerCase();
}

/**
 * Local mode trusts every caller as the local identity, so it must only ever answer this machine: a request
 * that came through a proxy or tunnel (forwarding headers), or names another host (a DNS-rebinding page),
 * is refused before anything else runs, and the refusal is logged.
 */
export function loopbackOnly(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const forwarded = forwardingHeaderOf(req.headers);
    const host = hostNameOf(req.headers.host);
    const remote = req.socket.remoteAddress ?? '';
    const reason = forwarded
      ? `it was forwarded by a proxy or tunnel (${forwarded})`
      : !isLoopback(host)
        ? `its Host header names ${JSON.stringify(host)}, not this machine`
        : !isLoopback(remote.replace(/^::ffff:/, ''))
          ? `it came from ${remote}`
          : undefined;
    if (!reason) return next();
    logger.warn(`local mode refused ${req.method} ${req.path}: ${reason}`);
    res.status(403).json({
      error: {
        code: 'local_mode_loopback_only',
        message: `Local mode (no sign-in) only answers this machine, and this request was refused because ${reason}. Run the server in tenant mode (AUTH_MODE=entra) to use it through a tunnel.`,
      },
    });
  };
}
