import type { ErrorRequestHandler, Request, Response } from 'express';
import type { z } from 'zod';
import type { Capability } from '../../domain';

/**
 * One declaration per endpoint: the Express router, the role check and the OpenAPI document are all built from
 * the same list of `ApiRoute`s (see mount.ts and openapi.ts), so a route cannot exist without a role, nor be
 * documented with another schema than the one it validates with.
 */

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type Tag =
  'entries' | 'actions' | 'meetings' | 'focus groups' | 'reports' | 'annex' | 'import' | 'polls' | 'settings' | 'translation' | 'caller' | 'bot';
export type FileKind = 'docx' | 'xlsx' | 'csv';

/**
 * Who may call a route: a register capability (reads need `read`), a rule that decides it from the request
 * (e.g. a body that records decisions), `signedIn` (any authenticated caller, whatever their roles) or `public`
 * (no sign-in: health, and the bot's endpoint whose Bot Framework token the Teams SDK checks).
 */
export type Access = Capability | 'signedIn' | 'public' | ((req: Request) => Capability);

type QuerySchema = z.AnyZodObject | z.ZodEffects<z.AnyZodObject>;

export interface RouteContext<Q> {
  /** the query, parsed by the route's own schema (an invalid one never reaches the handler: 400) */
  query: Q;
}

export interface ApiRoute<Q = unknown> {
  method: Method;
  /** the Express path under /api (":id" parameters) */
  path: string;
  tag: Tag;
  summary: string;
  access: Access;
  query?: QuerySchema;
  /** what a write's body must be (every write says): a schema (validated by the service, documented here), a file, or `none` */
  body?: z.ZodTypeAny | FileKind | 'none';
  /** a file body read as bytes, up to this many bytes (else the JSON parser reads it) */
  rawBodyLimit?: number;
  /** the answer: a JSON schema or a file; `created`: 201 for a new record (200 when an earlier request made it) */
  answer?: z.ZodTypeAny | FileKind;
  created?: boolean;
  /** `required`: 428 without the record's eTag (If-Match or the body's `etag`); `optional`: used when sent */
  ifMatch?: 'required' | 'optional';
  /** a repeated request with the same Idempotency-Key answers the first one's record */
  idempotent?: boolean;
  /** answers some errors of this route itself (e.g. a rejected upload), before the API's error catalogue */
  errors?: ErrorRequestHandler;
  /** served by a surface outside the API router (the bot's Teams SDK endpoint); documented here all the same */
  mountedBy?: 'bot';
  handle?: (req: Request, res: Response, context: RouteContext<Q>) => unknown;
}

/** Declares a route, typing its handler's query from the route's own query schema. */
export function route<S extends QuerySchema | undefined = undefined>(
  declaration: Omit<ApiRoute<S extends QuerySchema ? z.output<S> : Record<string, never>>, 'query'> & { query?: S },
): ApiRoute {
  return declaration as ApiRoute;
}
