import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type JWTPayload, jwtVerify } from 'jose';
import type { PersonRef } from '../domain';
import { type Role, rolesFromClaim, type TokenKind, tokenKindOf } from '../domain';
import type { AppConfig } from '../host';
import { entraSigningKeys } from './entra-keys';
import type { Logger } from '../host';
import { withRequestContext } from '../host';

/** Who is calling the API, with the register roles their token carries. In local mode: the clearly marked local identity, as admin (LOCAL_ROLE). */
export interface Caller extends PersonRef {
  id: string;
  local: boolean;
  /** a person signed in (delegated token) or an application (app-only token) */
  kind: TokenKind;
  roles: Role[];
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export function callerOf(req: Request): Caller {
  if (!req.caller) throw new Error('the API authentication middleware did not run');
  return req.caller;
}

interface TokenClaims {
  oid?: string;
  name?: string;
  preferred_username?: string;
  tid?: string;
  roles?: unknown;
  scp?: unknown;
  idtyp?: unknown;
  azp?: string;
  app_displayname?: string;
}

function forbidden(res: Response, message: string): void {
  res.status(403).json({ error: { code: 'forbidden', message } });
}

function unauthorized(res: Response, message: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer error="invalid_token"')
    .json({ error: { code: 'unauthorized', message } });
}

/**
 * Validates the Entra ID token the Teams tab gets from SSO (issuer, audience, expiry, signature with the
 * tenant's published keys), then runs the request with the token at hand for on-behalf-of Graph calls.
 */
export function entraAuthentication(auth: Extract<AppConfig['auth'], { mode: 'entra' }>): RequestHandler {
  const keys = entraSigningKeys({ jwksUri: auth.jwksUri });
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return unauthorized(res, 'Sign in with Teams: this API needs an Entra ID bearer token');
    const token = match[1];
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: auth.audiences,
        issuer: auth.issuers,
        clockTolerance: 60,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      return unauthorized(res, `The sign-in token was refused: ${(error as Error).message || 'unreadable token'}`);
    }
    const claims = payload as JWTPayload & TokenClaims;
    if (claims.tid !== auth.tenantId) return unauthorized(res, 'The token is from another tenant');
    const kind = tokenKindOf(claims);
    const roles = rolesFromClaim(claims.roles);
    if (kind === 'app' && roles.length === 0) {
      return forbidden(res, "An application token needs one of the register's application roles (e.g. Register.Reader)");
    }
    const id = claims.oid ?? claims.sub;
    if (!id) return unauthorized(res, 'The token names no user or application (no oid)');
    req.caller = {
      id,
      name: kind === 'app' ? (claims.app_displayname ?? claims.azp ?? id) : (claims.name ?? claims.preferred_username ?? id),
      ...(kind === 'user' && claims.preferred_username?.includes('@') ? { email: claims.preferred_username } : {}),
      local: false,
      kind,
      roles,
    };
    withRequestContext({ userAssertion: token }, () => next());
  };
}

/** Development only (loopback, enforced by the configuration): every caller is the local identity. */
export function localAuthentication(auth: Extract<AppConfig['auth'], { mode: 'local' }>, logger: Logger): RequestHandler {
  logger.warn(
    '*** AUTH_MODE=local: the API accepts calls WITHOUT Entra ID tokens as "' +
      auth.user.name +
      '" (role: ' +
      auth.role +
      '). Development only; the server listens on loopback. Never use this in a tenant. ***',
  );
  return (req, _res, next) => {
    req.caller = { ...auth.user, local: true, kind: 'user', roles: [auth.role] };
    next();
  };
}

export function apiAuthentication(config: AppConfig, logger: Logger): RequestHandler {
  return config.auth.mode === 'local' ? localAuthentication(config.auth, logger) : entraAuthentication(config.auth);
}
