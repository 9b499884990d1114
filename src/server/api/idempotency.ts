import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Request } from 'express';
import { CatalogueError } from '../../domain';
import { fieldIssue, ValidationError } from '../../register';
import { callerOf } from '../auth';
import { MAX_REQUEST_KEY } from '../../domain';

export const MAX_IDEMPOTENCY_KEY = MAX_REQUEST_KEY;

/**
 * The request key of a record created through the API, from the caller's Idempotency-Key header: a retried
 * POST finds the first record. Keys are scoped to the caller (two people may pick the same key) and hashed
 * to a fixed length. None when the caller sends no header (a fresh random key then).
 */
export function apiRequestKey(header: string | undefined, callerId: string): string | undefined {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (!key || key.length > MAX_IDEMPOTENCY_KEY) {
    throw new ValidationError([fieldIssue('Idempotency-Key', 'key_length', { max: MAX_IDEMPOTENCY_KEY })]);
  }
  return `api:sha256:${createHash('sha256').update(`${callerId}\n${key}`).digest('hex')}`;
}

export function requestKeyOf(req: Request): string | undefined {
  return apiRequestKey(req.get('Idempotency-Key'), callerOf(req).id);
}

/** The same Idempotency-Key again with another body: the key stands for one request (the IETF draft's 422). */
export class IdempotencyKeyReusedError extends CatalogueError {
  readonly code = 'idempotency_key_reused';
  constructor(readonly fields: readonly string[]) {
    super(`This Idempotency-Key was already used for another request (different: ${fields.join(', ')})`);
    this.name = 'IdempotencyKeyReusedError';
  }
  override params() {
    return { fields: this.fields.join(', ') };
  }
  override details() {
    return { fields: this.fields };
  }
}

/**
 * A POST answered from its Idempotency-Key repeats the first request: every field it sends (as the schema reads
 * it) must equal the record that request created, or it is another request under the same key (422). The record
 * is compared as stored now, so after it was changed, only a new key creates again.
 */
export function assertSameRequest(sent: unknown, normalized: unknown, stored: object): void {
  if (typeof sent !== 'object' || sent === null || typeof normalized !== 'object' || normalized === null) return;
  const read = normalized as Record<string, unknown>;
  const kept = stored as Record<string, unknown>;
  const differing = Object.keys(sent).filter((field) => !isDeepStrictEqual(plain(read[field]), plain(kept[field])));
  if (differing.length > 0) throw new IdempotencyKeyReusedError(differing.slice(0, 20));
}

/** JSON's view of a value: what the store keeps (no undefined members, no frozen-object distinctions). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
