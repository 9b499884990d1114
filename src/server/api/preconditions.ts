import type { Request } from 'express';
import { CatalogueError } from '../../domain';

/** The record's version is required to change or delete it (RFC 6585 §3): no write ever overwrites unseen. */
export class PreconditionRequiredError extends CatalogueError {
  readonly code = 'precondition_required';
  constructor() {
    super('Send the eTag of the version you read in an If-Match header (or * to replace whatever is stored)');
    this.name = 'PreconditionRequiredError';
  }
}

/** The eTag a client read, from If-Match (preferred) or the body's `etag`. */
export function ifMatchOf(req: Request): string | undefined {
  const header = req.get('If-Match');
  if (header) return header;
  const fromBody = (req.body as { etag?: unknown } | undefined)?.etag;
  return typeof fromBody === 'string' && fromBody ? fromBody : undefined;
}
