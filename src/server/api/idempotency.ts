import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { fieldIssue, ValidationError } from '../../register/errors';
import { callerOf } from '../auth';
import { MAX_REQUEST_KEY } from '../../domain/limits';

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
